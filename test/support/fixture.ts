/** A config written for the sandbox's showcase catalogue, with helpers to run the CLI in-process. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './capture-io.js';
import { tempDir } from './project.js';

export { tempDir };

export const PARIS = '[[2.33, 48.85], [2.36, 48.85], [2.36, 48.87], [2.33, 48.87], [2.33, 48.85]]';

export interface FixtureOptions {
  /** Keys of legacy Pléiades orders (each on showcase item 1 over Paris). */
  legacy?: string[];
  /** Keys of Pléiades Neo orders (showcase item 7). */
  neo?: string[];
  /** Decisions: key → [order key, decision, maxPrice EUR?]. */
  decisions?: Record<string, [string, 'accept' | 'refuse', number?]>;
  maxar?: string[];
  /** Alert key → name (and cloud cover upper bound, default 20). */
  alerts?: Record<string, string | [string, number]>;
  budget?: string;
  safety?: string;
}

const LEGACY = {
  contract: 'legacy',
  productType: 'PleiadesArchiveMono',
  item: '5eed0000-0000-4000-8000-000000000001',
  production: 'processingLevel: ortho, spectralProcessing: pansharpened, imageFormat: dimap_geotiff, pixelCoding: 8bits, radiometricProcessing: display, dem: { center: best_available }, projection: { center: "2154" }',
};
const NEO = {
  contract: 'neo',
  productType: 'PleiadesNeoArchiveMono',
  item: '5eed0000-0000-4000-8000-000000000007',
  production: 'processingLevel: primary, spectralProcessing: full_bundle, imageFormat: dimap_jpeg2000_regular, pixelCoding: 12bits, radiometricProcessing: reflectance',
};

function oneatlasOrder(key: string, o: typeof LEGACY, aoi: string): string {
  return `  ${key}:
    vendor: oneatlas
    contract: ${o.contract}
    productType: ${o.productType}
    aois:
      ${aoi}:
        geometry: { type: Polygon, coordinates: [${PARIS}] }
    items:
      - catalogItemId: ${o.item}
    production: { ${o.production.replaceAll('center', aoi)} }
    primaryMarket: CARTO
    endUser: { name: Ville de Paris, country: FR }
`;
}

function maxarOrder(key: string): string {
  return `  ${key}:
    vendor: maxar
    acquisitions: [10300100ARDFRESH1, 10300100ARDSTD001]
    aoi: { type: Polygon, coordinates: [${PARIS}] }
    bundleAdjust: true
    output:
      s3: { bucket: acme-imagery, prefix: ard/${key} }
`;
}

function alert(key: string, v: string | [string, number]): string {
  const [name, cloud] = typeof v === 'string' ? [v, 20] : v;
  return `  ${key}:
    name: ${JSON.stringify(name)}
    context: subscription
    constellations: [PHR]
    productTypes: [mono]
    cloudCover: [0, ${cloud}]
    incidenceAngle: [0, 30]
    aoi: { type: Polygon, coordinates: [${PARIS}] }
`;
}

/**
 * `aoi`: the name of the OneAtlas orders' AOI, part of their spec. The sandbox is shared within a test file and
 * the vendor is the source of truth: the same spec bought earlier under another key, with no state for it, is
 * taken for a renamed key (MOVE_SUGGESTED). writeConfig names it after the folder, so each folder orders its own.
 */
export function configYaml(o: FixtureOptions, aoi = 'center'): string {
  const orders = [...(o.legacy ?? []).map((k) => oneatlasOrder(k, LEGACY, aoi)), ...(o.neo ?? []).map((k) => oneatlasOrder(k, NEO, aoi)), ...(o.maxar ?? []).map(maxarOrder)];
  const decisions = Object.entries(o.decisions ?? {}).map(
    ([k, [order, decision, max]]) =>
      `  ${k}:\n    order: ${order}\n    decision: ${decision}\n${decision === 'refuse' ? '    reason: budget\n' : ''}${max !== undefined ? `    maxPrice: { amount: ${max}, currency: EUR }\n` : ''}`,
  );
  const alerts = Object.entries(o.alerts ?? {}).map(([k, v]) => alert(k, v));
  return [
    'providers:',
    '  oneatlas:',
    '    contracts:',
    '      legacy: { contractId: CTR21000411, backend: legacy }',
    '      neo: { contractId: CTR22000777, backend: neo, workspace: ws-neo-sandbox }',
    '  maxar:',
    '    accountId: "557471230760500000"',
    o.budget ?? '',
    o.safety ?? '',
    orders.length ? `orders:\n${orders.join('')}` : '',
    decisions.length ? `quotations:\n${decisions.join('')}` : '',
    alerts.length ? `alerts:\n${alerts.join('')}` : '',
  ].join('\n');
}

/** The AOI name configYaml gives the OneAtlas orders written in `dir`. */
export function aoiNameOf(dir: string): string {
  return `aoi-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`;
}

export function writeConfig(dir: string, o: FixtureOptions): string {
  const file = join(dir, 'orders.yaml');
  writeFileSync(file, configYaml(o, aoiNameOf(dir)));
  return file;
}

let worlds = 0;
/**
 * A folder whose config orders two legacy orders and an alert under keys no other call made in this process:
 * the worlds of one test share its sandbox (reset only between tests), and what it already holds would be adopted, not bought.
 */
export function ownWorld(): string {
  const dir = tempDir();
  const n = ++worlds;
  writeConfig(dir, { legacy: [`a${n}`, `b${n}`], alerts: { w: `Watch ${n}` } });
  return dir;
}

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs `orderform ARGS` in-process in `cwd` with `env`, as a non-TTY user would. */
export async function cli(args: string[], cwd: string, env: Record<string, string>, isTty = false): Promise<Captured> {
  const r = await runCli(args, { cwd, env: { ...env }, isTty });
  return { code: r.code, out: r.stdout, err: r.stderr };
}
