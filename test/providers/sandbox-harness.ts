/** Starts the sandbox and builds the real clients against it, as `orderform` would from the environment. */
import { startSandbox } from '../../sandbox/index.js';
import type { Config } from '../../engine/model.js';
import { createProviders, type HttpEvent, type ProviderClients } from '../../engine/providers/index.js';
import { legacyContract, neoContract } from './fixtures.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface Harness {
  sb: Sandbox;
  providers: ProviderClients;
  events: HttpEvent[];
  /** Retry waits the client asked for (recorded, not slept). */
  waits: number[];
  close(): Promise<void>;
}

/**
 * Calls the sandbox counted on routes of `method` whose template ends like `path` (`{…}` matches any
 * parameter name), so that tests do not depend on how the sandbox prefixes or names its routes.
 */
export function callsTo(sb: Sandbox, method: string, path: string): number {
  const escape = (t: string): string => t.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  const tail = path.split(/\{[^}]*\}/).map(escape).join('\\{[^}]+\\}');
  const re = new RegExp(`^${method} (/[^ ]*)?${tail}$`);
  return Object.entries(sb.calls())
    .filter(([route]) => re.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
}

export function configFromEnv(env: Record<string, string | undefined>): Pick<Config, 'providers'> {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`sandbox env lacks ${name}`);
    return v;
  };
  return {
    providers: {
      oneatlas: {
        apiKeyEnv: 'ORDERFORM_ONEATLAS_API_KEY',
        endpoints: {
          auth: need('ORDERFORM_ONEATLAS_AUTH_URL'),
          order: need('ORDERFORM_ONEATLAS_ORDER_URL'),
          search: need('ORDERFORM_ONEATLAS_SEARCH_URL'),
          data: need('ORDERFORM_ONEATLAS_DATA_URL'),
        },
        contracts: [legacyContract, neoContract],
      },
      maxar: { usernameEnv: 'ORDERFORM_MAXAR_USERNAME', passwordEnv: 'ORDERFORM_MAXAR_PASSWORD', endpoint: need('ORDERFORM_MAXAR_URL'), accountId: '557471230760500000' },
    },
  };
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const sb = await startSandbox({});
  sb.knobs.deliveryDelayMs = 0;
  const events: HttpEvent[] = [];
  const waits: number[] = [];
  const fullEnv = { ...sb.env, ...env };
  const providers = createProviders({
    config: configFromEnv(fullEnv),
    env: fullEnv,
    http: {
      onEvent: (e) => events.push(e),
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
  return {
    sb,
    providers,
    events,
    waits,
    close: async () => {
      await providers.close();
      await sb.close();
    },
  };
}
