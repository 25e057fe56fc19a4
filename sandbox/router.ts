/** Maps `METHOD /path` to a route by template; the most literal template wins (`/contracts/x` over `/{cid}/x`). */
import type { Route } from './context.js';

export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

interface Compiled {
  route: Route;
  segments: string[];
  literals: number;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const segments = `${route.prefix ?? ''}${route.template}`.split('/');
      return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
    });
  }

  get routes(): Route[] {
    return this.compiled.map((c) => c.route);
  }

  /** HEAD is answered by the GET route (without a body). */
  match(method: string, path: string): Match {
    const parts = path.split('/');
    const wanted = method === 'HEAD' ? 'GET' : method;
    let best: { c: Compiled; params: Record<string, string> } | undefined;
    const allowed = new Set<string>();
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, parts);
      if (!params) continue;
      if (c.route.method !== wanted) {
        allowed.add(c.route.method);
        continue;
      }
      if (!best || c.literals > best.c.literals) best = { c, params };
    }
    if (best) return { kind: 'route', route: best.c.route, params: best.params };
    return allowed.size > 0 ? { kind: 'wrong-method', allowed: [...allowed] } : { kind: 'none' };
  }
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const p = parts[i] as string;
    if (t.startsWith('{')) {
      if (p === '') return undefined;
      params[t.slice(1, -1)] = decodeURIComponent(p);
    } else if (t !== p) return undefined;
  }
  return params;
}
