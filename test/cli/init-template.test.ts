/** init's commented examples stay valid: uncommented (with the contracts discover would add), the config validates. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixture.js';
import { runCli } from '../support/capture-io.js';

const SQUARE = (lon: number, lat: number) =>
  JSON.stringify({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.03, lat], [lon + 0.03, lat + 0.02], [lon, lat + 0.02], [lon, lat]]] });

/**
 * Uncomments every example block: one starts at a commented YAML key (`# orders:`, `  # maxar:`)
 * and runs over the commented lines at its indentation up to the next blank line. Prose comments
 * (`# Orders are immutable…`) are not keys and stay as they are.
 */
function uncommentExamples(text: string): { text: string; blocks: number } {
  let indent: string | undefined;
  let blocks = 0;
  const lines = text.split('\n').map((line, i) => {
    const start = /^(\s*)# [\w-]+:(?: |$)/.exec(line);
    if (indent === undefined && start && i > 0) {
      indent = start[1]!;
      blocks++;
    }
    if (indent === undefined) return line;
    if (!line.startsWith(`${indent}#`)) {
      indent = undefined;
      return line;
    }
    return indent + line.slice(indent.length + 1).replace(/^ /, '');
  });
  return { text: lines.join('\n'), blocks };
}

/** What `orderform discover --write` adds: the contracts the examples name. */
const ONEATLAS = `  oneatlas:
    contracts:
      my-legacy-contract: { contractId: CTR21000411, backend: legacy }
      my-neo-contract: { contractId: CTR22000777, backend: neo }
`;

describe('init template', () => {
  it('its commented examples, uncommented, validate', async () => {
    const dir = tempDir();
    expect((await runCli(['init', '--maxar-account', '557471230760500000'], { cwd: dir })).code).toBe(0);
    const file = join(dir, 'orders.yaml');
    const { text, blocks } = uncommentExamples(readFileSync(file, 'utf8'));
    expect(blocks).toBe(3); // orders, quotations, alerts (budget and safety are active)
    expect(text).not.toMatch(/^# (orders|quotations|alerts):/m);
    expect(text).toMatch(/^budget:\n {2}total: \{ EUR: \d+, USD: \d+ \}/m);
    expect(text).toMatch(/^safety:\n {2}maxSpendWithoutFlag: \{ EUR: \d+, USD: \d+ \}/m);
    writeFileSync(file, text.replace('providers:\n', `providers:\n${ONEATLAS}`));
    mkdirSync(join(dir, 'aois'));
    writeFileSync(join(dir, 'aois/paris.geojson'), SQUARE(2.33, 48.85));
    writeFileSync(join(dir, 'aois/denver.geojson'), SQUARE(-104.99, 39.74));
    writeFileSync(join(dir, 'aois/rotterdam.geojson'), SQUARE(4.45, 51.9));
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('without a Maxar account the config validates as written and the Maxar hint is not an example block', async () => {
    const dir = tempDir();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const { blocks } = uncommentExamples(readFileSync(join(dir, 'orders.yaml'), 'utf8'));
    expect(blocks).toBe(3);
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
