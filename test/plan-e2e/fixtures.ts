/** Configs and states for the plan end-to-end tests. */
import { join } from 'node:path';
import { loadConfig } from '../../engine/config/index.js';
import type { Config, ResourceSpec } from '../../engine/model.js';
import { specJson } from '../../engine/core/canonical.js';
import { FileStateStore } from '../../engine/state/file-store.js';
import type { ResourceState } from '../../engine/state/types.js';

const square = (x: number, y: number, d = 0.01) =>
  `{ type: Polygon, coordinates: [[[${x}, ${y}], [${x + d}, ${y}], [${x + d}, ${y + d}], [${x}, ${y + d}], [${x}, ${y}]]] }`;

/** `n` alerts in one context, plus anything in `extra` (YAML appended as is). */
export function alertsConfig(n: number, extra = ''): string {
  const alerts = Array.from({ length: n }, (_, i) =>
    `  bulk-${String(i).padStart(4, '0')}:\n    context: subscription\n    constellations: [PHR]\n    productTypes: [mono]\n    cloudCover: [0, 20]\n    aoi: ${square(2 + (i % 50) * 0.02, 48 + Math.floor(i / 50) * 0.02)}\n`,
  ).join('');
  return `providers:\n  oneatlas:\n    contracts:\n      airbus-legacy: { contractId: CTR21000411, backend: legacy }\n${extra}\nalerts:\n${alerts}`;
}

export const MAXAR_PROVIDER = `  maxar:\n    accountId: "557471230760500000"\n`;

export function maxarOrder(key: string, acquisitions = '[10300100ARDFRESH1]'): string {
  return `  ${key}:\n    vendor: maxar\n    acquisitions: ${acquisitions}\n    aoi: ${square(2.3, 48.8, 0.05)}\n    bundleAdjust: false\n    output:\n      s3: { bucket: acme, prefix: ard/${key} }\n`;
}

export async function load(dir: string, file: string, env: Record<string, string>): Promise<Config> {
  const { config, diagnostics } = await loadConfig([join(dir, file)], { cwd: dir, env });
  if (!config) throw new Error(diagnostics.map((d) => `${d.code} ${d.summary}`).join('\n'));
  return config;
}

export function recorded(spec: ResourceSpec, status: ResourceState['status'], remote: ResourceState['remote']): ResourceState {
  const at = '2025-01-01T00:00:00.000Z';
  return { address: spec.address, kind: spec.kind, status, remote, specDigest: spec.digest, spec: specJson(spec), createdAt: at, updatedAt: at };
}

/** Writes resources into the config's state file, under the lock, as apply would. */
export async function writeState(config: Config, resources: ResourceState[]): Promise<void> {
  if (config.state.backend !== 'file') throw new Error('file state expected');
  const store = new FileStateStore(config.state.path);
  await store.read();
  const unlock = await store.lock('test');
  for (const r of resources) await store.put(r.address, r);
  await store.compact();
  await unlock();
  await store.close();
}

export async function readState(config: Config) {
  if (config.state.backend !== 'file') throw new Error('file state expected');
  const store = new FileStateStore(config.state.path);
  const s = await store.read();
  await store.close();
  return s;
}
