import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, cli, load } from './helpers.js';

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => `examples/${n}`);

describe('examples', () => {
  test.each([...examples, 'orders.yaml.example'])('%s loads without any diagnostic', async (file) => {
    const { config, diagnostics } = await load([file]);
    expect(diagnostics).toEqual([]);
    expect(config?.resources.length).toBeGreaterThan(0);
  });

  test.each(examples)('%s points editors at the schema', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/orderform.schema.json');
  });

  test('no two examples share a state file (applying one must not make another plan "removed-from-config")', async () => {
    const paths = await Promise.all([...examples, 'orders.yaml.example'].map(async (f) => {
      const { config } = await load([f]);
      return config?.state.backend === 'file' ? config.state.path : f;
    }));
    expect(new Set(paths).size).toBe(paths.length);
  });

  test.each([...examples, 'orders.yaml.example'])('%s: a comment that names a maxPrice says the amount the file sets', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const set = new Set([...text.matchAll(/maxPrice: \{ amount: (\d+), currency: ([A-Z]{3}) \}/g)].map(([, a, c]) => `${a} ${c}`));
    for (const [, amount, currency] of text.matchAll(/#.*?([\d,]+) ([A-Z]{3})[^\n]*maxPrice/g)) expect(set, file).toContain(`${amount!.replace(/,/g, '')} ${currency}`);
  });

  test('the validate --help example validates', async () => {
    const { stdout: help } = await cli(['validate', '--help']);
    const example = /^ {2}orderform validate (\S+.*)$/m.exec(help)![1]!.split(' ');
    expect((await cli(['validate', ...example])).code).toBe(0);
  });

  test('the examples stand alone: given together they are one config, and the error says to validate one at a time', async () => {
    const { code, stderr } = await cli(['validate', 'orders.yaml.example', 'examples/']);
    expect(code).toBe(1);
    expect(stderr).toContain('error DUPLICATE_BLOCK: providers.oneatlas is declared in more than one file');
    expect(stderr).toContain('to check configs that each stand alone (the examples), validate one file at a time');
  });

  test('orders.yaml.example exercises every resource kind', async () => {
    const { stdout, code } = await cli(['validate', 'orders.yaml.example']);
    expect(code).toBe(0);
    expect(stdout).toBe('OK: 1 file, 3 OneAtlas orders, 1 Maxar ARD order, 1 quotation decision, 2 alerts\n');
  });
});
