/**
 * docs/codes.md lists every code orderform can report, and nothing else. The codes are read from the
 * source (engine/ and cli/): every UPPER_SNAKE string literal is a code, except the few kinds of
 * names below that are not orderform's (environment variables, OS and network error codes, yaml's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../config/helpers.js';

const CODE = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`:]/g;
const NOT_CODES = [/^ORDERFORM_/, /^(EAI|UND_ERR)_/, /^RESOURCE_EXHAUSTION$/];
/** Built at run time: the vendor's HTTP status (engine/apply/errors.ts). */
const TEMPLATES = ['HTTP_<status>'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function emitted(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, 'engine')), ...sourceFiles(join(ROOT, 'cli'))]) {
    for (const [, code] of readFileSync(file, 'utf8').matchAll(CODE)) if (!NOT_CODES.some((re) => re.test(code!))) codes.add(code!);
  }
  return codes;
}

describe('docs/codes.md', () => {
  const listed = new Set([...readFileSync(join(ROOT, 'docs/codes.md'), 'utf8').matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9<>a-z]+)+)`/g)].map((m) => m[1]!));
  const codes = emitted();

  it('lists every code the code base can emit', () => {
    expect(codes.size).toBeGreaterThan(150);
    expect([...codes].filter((c) => !listed.has(c)).sort()).toEqual([]);
  });

  it('lists no code the code base no longer emits', () => {
    expect([...listed].filter((c) => !codes.has(c) && !TEMPLATES.includes(c) && !c.startsWith('ORDERFORM_')).sort()).toEqual([]);
  });

  it('README points to it', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/codes.md)');
  });
});
