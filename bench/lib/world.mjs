/**
 * A benchmark world: the sandbox (in this process), a temp dir holding a generated config of alerts
 * and OneAtlas legacy orders, and helpers to seed it (a real apply at zero latency) and to run the
 * CLI in a child process against it, measured.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR, dist } from './paths.mjs';

const { startSandbox } = await import(dist('sandbox/index.js'));

/** Prices ×0.001: thousands of orders must fit the sandbox contract's credit (the calls are what is measured). */
export const PRICE_MULTIPLIER = 0.001;

const box = (i) => {
  const x = 2.0 + (i % 100) * 0.01;
  const y = 48.5 + Math.floor(i / 100) * 0.005;
  return `[[${x}, ${y}], [${x + 0.008}, ${y}], [${x + 0.008}, ${y + 0.004}], [${x}, ${y + 0.004}], [${x}, ${y}]]`;
};

function alert(i) {
  return `  alert-${i}:
    name: "watch ${i}"
    context: subscription
    constellations: [PHR]
    productTypes: [mono]
    cloudCover: [0, 20]
    incidenceAngle: [0, 30]
    aoi: { type: Polygon, coordinates: [${box(i)}] }
`;
}

function legacyOrder(i) {
  return `  order-${i}:
    vendor: oneatlas
    contract: legacy
    productType: PleiadesArchiveMono
    aois:
      center:
        geometry: { type: Polygon, coordinates: [[[2.33, 48.85], [2.36, 48.85], [2.36, 48.87], [2.33, 48.87], [2.33, 48.85]]] }
    items:
      - catalogItemId: 5eed0000-0000-4000-8000-000000000001
    production: { processingLevel: ortho, spectralProcessing: pansharpened, imageFormat: dimap_geotiff, pixelCoding: 8bits, radiometricProcessing: display, dem: { center: best_available }, projection: { center: "2154" } }
    primaryMarket: CARTO
    endUser: { name: Ville de Paris, country: FR }
`;
}

export function configYaml({ alerts = 0, orders = 0 }) {
  const range = (n) => Array.from({ length: n }, (_, i) => i);
  return [
    'providers:',
    '  oneatlas:',
    '    contracts:',
    '      legacy: { contractId: CTR21000411, backend: legacy }',
    'safety:',
    '  maxDestructiveShare: 1',
    orders ? `orders:\n${range(orders).map(legacyOrder).join('')}` : '',
    alerts ? `alerts:\n${range(alerts).map(alert).join('')}` : '',
  ].join('\n');
}

export async function startWorld({ latencyMs = 50 } = {}) {
  const sb = await startSandbox({ deliveryDelayMs: 0, knobs: { priceMultiplier: PRICE_MULTIPLIER } });
  const dir = mkdtempSync(join(tmpdir(), 'orderform-bench-'));
  return {
    sb,
    dir,
    latencyMs,
    writeConfig(shape) {
      writeFileSync(join(dir, 'orders.yaml'), configYaml(shape));
    },
    /** Runs `orderform ARGV` in a child process with sandbox latency; wall time, calls, and the child's report. */
    async measure(argv) {
      sb.knobs.latencyMs = latencyMs;
      sb.resetCalls();
      const r = await runChild(argv, dir, sb.env);
      const calls = Object.values(sb.calls()).reduce((s, n) => s + n, 0);
      return { ...r, calls, byRoute: sb.calls() };
    },
    /** The same, at zero latency: setting up what a benchmark starts from. */
    async setup(argv) {
      sb.knobs.latencyMs = 0;
      const r = await runChild(argv, dir, sb.env);
      if (r.code !== 0) throw new Error(`setup ${argv.join(' ')} exited ${r.code}: ${r.stderrTail}`);
      return r;
    },
    async close() {
      await sb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runChild(argv, cwd, env) {
  const report = join(cwd, `.bench-report-${process.pid}-${Date.now()}.json`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(BENCH_DIR, 'lib', 'cli-child.mjs'), report, '--', ...argv], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exit = await new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const wallMs = performance.now() - t0;
  if (exit.code !== 0) throw new Error(`bench child exited ${exit.code ?? exit.signal}`);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report);
  return { ...r, wallMs };
}
