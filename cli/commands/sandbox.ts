/**
 * `orderform sandbox`: runs the vendor simulator on loopback. stdout carries only `export NAME=value`
 * lines (for `eval`); logs go to stderr; SIGINT/SIGTERM close it cleanly.
 */
import type { Argv } from 'yargs';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { FaultMap, SandboxOptions } from '../../sandbox/index.js';
import type { CliIo } from '../io.js';
import { defineCommand, type CommandFactory } from './define.js';
import { examples } from '../options.js';

export interface SandboxArgs {
  port: number;
  host: string;
  seed: number;
  stateFile?: string | undefined;
  exportsFile?: string | undefined;
  latencyMs: number;
  jitterMs: number;
  deliveryDelayMs: number;
  tokenLifetimeSec: number;
  quotationValidityMs: number;
  priceMultiplier: number;
  retryAfterSec: number;
  errorStatus: number;
  errorRate: string[];
  rateLimit: string[];
  dropConnection: string[];
  dropAfterCommit: string[];
  alertPaging: 'startPage' | 'startIndex';
}

const FAULT_HELP = 'ROUTE=RATE (0..1) or ROUTE=next:N, ROUTE like "POST /api/v1/orders" or *; repeatable';

/** `ROUTE=0.25` → {ROUTE: 0.25}; `ROUTE=next:2` → {ROUTE: {next: 2}}. */
export function parseFaults(flag: string, values: string[]): FaultMap {
  const map: FaultMap = {};
  for (const v of values) {
    const at = v.lastIndexOf('=');
    const route = v.slice(0, at).trim();
    const spec = v.slice(at + 1).trim();
    const next = /^next:(\d+)$/.exec(spec);
    const rate = Number(spec);
    if (at <= 0 || route === '') throw badFlag(flag, v);
    if (next) map[route] = { next: Number(next[1]) };
    else if (spec !== '' && Number.isFinite(rate) && rate >= 0 && rate <= 1) map[route] = rate;
    else throw badFlag(flag, v);
  }
  return map;
}

function badFlag(flag: string, value: string): DiagnosticsError {
  return new DiagnosticsError([error('SANDBOX_BAD_FLAG', `--${flag} '${value}' is not ${FAULT_HELP.split(',')[0]}`)]);
}

export function sandboxOptions(a: SandboxArgs): SandboxOptions {
  return {
    port: a.port,
    host: a.host,
    seed: a.seed,
    ...(a.stateFile ? { stateFile: a.stateFile } : {}),
    latencyMs: a.latencyMs,
    jitterMs: a.jitterMs,
    deliveryDelayMs: a.deliveryDelayMs,
    tokenLifetimeSec: a.tokenLifetimeSec,
    quotationValidityMs: a.quotationValidityMs,
    knobs: {
      priceMultiplier: a.priceMultiplier,
      retryAfterSec: a.retryAfterSec,
      errorStatus: a.errorStatus,
      errorRate: parseFaults('error-rate', a.errorRate),
      rateLimit: parseFaults('rate-limit', a.rateLimit),
      dropConnection: parseFaults('drop-connection', a.dropConnection),
      dropAfterCommit: parseFaults('drop-after-commit', a.dropAfterCommit),
      alertPaging: a.alertPaging,
    },
  };
}

function builder<T>(y: Argv<T>) {
  const fault = (describe: string) => ({ type: 'string' as const, array: true as const, default: [] as string[], describe: `${describe}: ${FAULT_HELP}` });
  return y
    .option('port', { type: 'number', default: 0, describe: 'Port on 127.0.0.1 (0 = a free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface to listen on' })
    .option('seed', { type: 'number', default: 1, describe: 'Catalog and fault PRNG seed' })
    .option('state-file', { type: 'string', describe: 'Keep orders, quotations and alerts in this JSON file across restarts' })
    .option('exports-file', { type: 'string', describe: 'Also write the export lines to this file once listening (for scripts to source); removed when the sandbox stops' })
    .option('latency-ms', { type: 'number', default: 0, describe: 'Fixed latency added to every call' })
    .option('jitter-ms', { type: 'number', default: 0, describe: 'Random extra latency, 0..N ms' })
    .option('delivery-delay-ms', { type: 'number', default: 3000, describe: 'Order placed → delivered (0 = on the next read)' })
    .option('token-lifetime-sec', { type: 'number', default: 3600, describe: 'Lifetime of issued tokens' })
    .option('quotation-validity-ms', { type: 'number', default: 86_400_000, describe: 'Validity of new quotations' })
    .option('price-multiplier', { type: 'number', default: 1, describe: 'Multiply OneAtlas prices (simulate a price change)' })
    .option('retry-after-sec', { type: 'number', default: 1, describe: 'Retry-After of simulated 429s' })
    .option('error-status', { type: 'number', default: 503, describe: 'Status of simulated server errors' })
    .option('alert-paging', { choices: ['startPage', 'startIndex'] as const, default: 'startPage' as const, describe: 'How the alert list reads the page asked for (undocumented by the vendor)' })
    .option('error-rate', fault('Answer 5xx before handling'))
    .option('rate-limit', fault('Answer 429 with Retry-After'))
    .option('drop-connection', fault('Drop the connection without handling'))
    .option('drop-after-commit', fault('Handle (e.g. place the order), then drop the connection'))
    .example(
      examples([
        ['orderform sandbox --exports-file sandbox.env &', 'serve in the background; `. ./sandbox.env` once the file exists'],
        ['orderform sandbox --latency-ms 50 --error-rate "POST /api/v1/orders=0.2"', 'slow, and one order in five answered 503'],
        ['orderform sandbox --drop-after-commit "POST /api/v1/orders=next:1"', 'place the next order, then drop its answer'],
      ]),
    );
}

export const sandboxCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'sandbox',
  describe: 'Run a local simulator of the OneAtlas and Maxar ARD APIs; prints export lines for eval',
  builder,
  handler: async (args) => (await import('./sandbox-run.js')).runSandbox(sandboxOptions(args), io, args.exportsFile),
});
