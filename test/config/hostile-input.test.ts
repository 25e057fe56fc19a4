/**
 * Input that is wrong in ways a schema does not describe, through the CLI as a user sees it: numbers
 * that are not numbers, runaway nesting, a secret pasted where a variable name belongs, terminal
 * escapes in a key, a binary file. Each gets a coded, positioned error and never echoes what it must not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, LEGACY, ROOT, tree } from './helpers.js';

const CORPUS = join(ROOT, 'test/config/corpus');
const STACK_LINE = /\n\s+at .*\.(ts|js):\d+/;

describe('hostile input', () => {
  it('.nan and .inf say what they are, not "got number null"', async () => {
    const { code, stderr } = await cli(['validate', 'number-nan-infinity.yaml'], CORPUS);
    expect(code).toBe(1);
    expect(stderr).toContain('number-nan-infinity.yaml:13:43: error SCHEMA_TYPE: expected number, got .nan (not a finite number');
    expect(stderr).toContain('number-nan-infinity.yaml:13:79: error SCHEMA_TYPE: expected number, got .inf (not a finite number');
    expect(stderr).not.toContain('null');
  });

  it('10,000 levels of flow nesting and 1,500 of indentation: CONFIG_TOO_DEEP with a position, no stack overflow', async () => {
    const dir = tree({
      'flow.yaml': `${LEGACY}orders:\n  o: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'block.yaml': `${LEGACY}orders:\n${Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}\n`,
      'map.yaml': `${LEGACY}orders:\n  o: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
    });
    for (const [file, line] of [['flow.yaml', 7], ['map.yaml', 7], ['block.yaml', undefined]] as const) {
      const { code, stderr } = await cli(['validate', file], dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`^${file}:${line ?? '\\d+'}:\\d+: error CONFIG_TOO_DEEP: nested more than 64 levels deep`));
      expect(stderr).not.toMatch(/Maximum call stack|internal error/);
      expect(stderr).not.toMatch(STACK_LINE);
    }
  });

  it('a secret pasted into apiKeyEnv / passwordEnv is never shown; the error says what belongs there', async () => {
    const { code, stderr } = await cli(['validate', 'env-field-holds-secret.yaml'], CORPUS);
    expect(code).toBe(1);
    expect(stderr).toContain('error INLINE_SECRET: apiKeyEnv takes the name of an environment variable, and this value is not one: it looks like a secret itself, so it is not shown');
    expect(stderr).toContain('write its name here: passwordEnv: MY_VARIABLE');
    for (const secret of ['xK9#mQ2vL8pR4tW6yZ1aB3cD5eF7gH0j', 'hunter2']) expect(stderr).not.toContain(secret);
    // A key of capitals and digits passes as a variable name; plan would then echo it as "variable … is not set".
    const named = await cli(['validate', 'env-field-holds-secret-looking-name.yaml'], CORPUS);
    expect(named.stderr).toContain('error INLINE_SECRET: apiKeyEnv takes the name of an environment variable, and this value, though a valid name, reads like a key');
    for (const secret of ['AKIAIOSFODNN7EXAMPLE2024', '9F86D081884C7D659A2FEAA0C55AD015']) expect(named.stderr).not.toContain(secret);
  });

  it('escape and control bytes in a key are shown escaped, never sent to the terminal', async () => {
    const { code, stderr } = await cli(['validate', 'resource-key-with-escapes.yaml'], CORPUS);
    expect(code).toBe(1);
    expect(stderr).toContain("'al\\u001b]0;pwned\\u0007\\u001b[2J' is not a valid name");
    expect(stderr).toContain('at alerts.al\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('text over 4 MiB that only the full YAML reader reads is refused with a code, not read for a minute into gigabytes', async () => {
    const ring = Array.from({ length: 210_000 }, (_, i) => `[${(2.3 + (i % 997) / 1e5).toFixed(5)}, ${(48.8 + (i % 991) / 1e5).toFixed(5)}]`).join(', ');
    const order = readFileSync(join(ROOT, 'test/config/corpus/hd-with-nitf.yaml'), 'utf8');
    const bigAoi = order.replace(/coordinates: \[\[\[[^\n]*\]\]\]/, `coordinates: [[[2.3, 48.8], ${ring}, [2.3, 48.8]]]`);
    expect(bigAoi.length).toBeGreaterThan(4 * 1024 * 1024);
    const dir = tree({
      // Plain YAML: read block by block, the error placed at its order without re-reading 4 MiB in full YAML.
      'plain.yaml': bigAoi,
      'anchored.yaml': `${bigAoi}x: &a 1\ny: *a\n`,
      'scalar.yaml': `${LEGACY}orders:\n  o:\n    note: |\n${'      a long text\n'.repeat(300_000)}`,
    });
    const plain = await cli(['validate', 'plain.yaml'], dir);
    expect(plain.stderr).toMatch(/^plain\.yaml:\d+:\d+: error AOI_TOO_MANY_VERTICES: the ring has 210001 vertices/);
    const anchored = await cli(['validate', 'anchored.yaml'], dir);
    expect(anchored.stderr).toMatch(/^error CONFIG_FILE_TOO_LARGE: anchored\.yaml is 4\.\d MiB and cannot be read block by block; read whole, a file may be at most 4\.0 MiB\n/);
    const scalar = await cli(['validate', 'scalar.yaml'], dir);
    expect(scalar.stderr).toMatch(/^scalar\.yaml:7:1: error CONFIG_BLOCK_TOO_LARGE: this block is 5\.\d MiB, written in YAML forms only the full reader reads/);
  });

  it('a binary or non-UTF-8 config: CONFIG_FILE_NOT_TEXT, none of its bytes shown', async () => {
    const dir = tree({});
    const elf = readFileSync(process.execPath).subarray(0, 4096);
    writeFileSync(join(dir, 'node.yaml'), elf);
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('orders:\n  caf\xe9: 1\n', 'latin1'));
    for (const file of ['node.yaml', 'latin1.yaml']) {
      const { code, stderr } = await cli(['validate', file], dir);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `error CONFIG_FILE_NOT_TEXT: ${file} is not UTF-8 text (binary data or another encoding): not read, and its content is not shown\n  Give the YAML config file, saved as UTF-8.\n1 error, 0 warnings\n`,
      );
    }
  });
});
