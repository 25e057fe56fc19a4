/**
 * The provider seam, enforced: a vendor folder imports nothing from plan/ or apply/, and the core
 * (plan, apply, state, core) names no vendor and imports no vendor folder: they reach vendors through
 * the registry (engine/providers/registry.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allProviders } from '../../engine/providers/registry.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Every folder under engine/providers is a vendor's (shared provider code sits in files beside them). */
const VENDOR_DIRS = readdirSync(join(ROOT, 'engine/providers'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `engine/providers/${e.name}`);
/** `deliveries` too: it asks each provider's deliveries hook, by kind. */
const CORE_DIRS = ['engine/core', 'engine/plan', 'engine/apply', 'engine/state', 'engine/deliveries'];
/**
 * Beside the core: the commands that ask every provider through a hook (discover, search, quotation export)
 * and engine/config (each provider normalizes its `providers:` block and its orders, and says its specs in the
 * config's terms).
 */
const HOOKED = ['engine/discover', 'engine/search', 'engine/quotations', 'engine/config'].flatMap((d) => tsFiles(d));
/** A vendor, a vendor's product line or a shipped vendor kind, as a word or a prefix (`oneatlas_order`). */
const VENDOR_NAME = /oneatlas|maxar|pl[ée]iades|airbus|\bneo\b/i;

/** Any of `names` as a whole word. */
const asWord = (names: string[]) => new RegExp(`\\b(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return tsFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

/** The repository paths a file imports (relative specifiers only), static and dynamic. */
function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
}

describe('the provider seam', () => {
  it('vendor folders import nothing from engine/plan or engine/apply', () => {
    const offending = VENDOR_DIRS.flatMap(tsFiles).flatMap((f) =>
      importsOf(f).filter((i) => i.startsWith('engine/plan/') || i.startsWith('engine/apply/')).map((i) => `${f} imports ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it('plan, apply, state, core and deliveries name no vendor', () => {
    const naming = CORE_DIRS.flatMap(tsFiles).filter((f) => VENDOR_NAME.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(naming).toEqual([]);
  });

  it('plan, apply, state, core and deliveries name no registered provider, title or resource kind (e.g. quotation_decision)', () => {
    const names = allProviders().flatMap((p) => [p.vendor, p.title, ...Object.keys(p.kinds)]);
    const word = asWord(names);
    expect(names).toEqual(expect.arrayContaining(['oneatlas', 'Maxar ARD', 'quotation_decision', 'maxar_ard_order']));
    const naming = CORE_DIRS.flatMap(tsFiles).flatMap((f) => {
      const m = word.exec(readFileSync(join(ROOT, f), 'utf8'));
      return m ? [`${f} names ${m[1]}`] : [];
    });
    expect(naming).toEqual([]);
  });

  it('plan, apply, state, core and deliveries import no vendor folder (they reach vendors through the registry)', () => {
    const offending = CORE_DIRS.flatMap(tsFiles).flatMap((f) => importsOf(f).filter((i) => VENDOR_DIRS.some((v) => i.startsWith(`${v}/`))).map((i) => `${f} imports ${i}`));
    expect(offending).toEqual([]);
  });

  it('discover, search, quotation export and config name no vendor, provider, title or kind, and import no vendor folder', () => {
    const names = allProviders().flatMap((p) => [p.vendor, p.title, ...Object.keys(p.kinds)]);
    const word = asWord(names);
    expect(HOOKED).toEqual(expect.arrayContaining(['engine/discover/discover.ts', 'engine/search/criteria.ts', 'engine/quotations/export.ts', 'engine/config/merge.ts', 'engine/config/budget-rules.ts']));
    const offending = HOOKED.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      const named = VENDOR_NAME.exec(text) ?? word.exec(text);
      const imports = importsOf(f, text).filter((i) => VENDOR_DIRS.some((v) => i.startsWith(`${v}/`)));
      return [...(named ? [`${f} names ${named[0]}`] : []), ...imports.map((i) => `${f} imports ${i}`)];
    });
    expect(offending).toEqual([]);
  });

  it('the rules see what they check: a vendor file, a vendor import and a vendor name are detected', () => {
    expect(VENDOR_DIRS).toEqual(expect.arrayContaining(['engine/providers/oneatlas', 'engine/providers/maxar-ard']));
    expect(tsFiles('engine/providers/oneatlas')).toContain('engine/providers/oneatlas/client.ts');
    const sample = "import type { X } from '../../../plan/types.js';\nconst m = await import('../client.js');\nimport './side-effect.js';";
    expect(importsOf('engine/providers/oneatlas/handlers/x.ts', sample)).toEqual([
      'engine/plan/types.js',
      'engine/providers/oneatlas/client.js',
      'engine/providers/oneatlas/handlers/side-effect.js',
    ]);
    expect(VENDOR_NAME.test("case 'maxar_ard_order':")).toBe(true);
    expect(VENDOR_NAME.test('the order is placed')).toBe(false);
  });
});
