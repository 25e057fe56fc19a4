/** The documentation links only to files of this repository that exist: a fresh clone has nothing beside it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../config/helpers.js';

const SKIP = new Set(['node_modules', 'dist', '.git']);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    SKIP.has(e.name) ? [] : e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

it('every relative link in a Markdown file points at an existing file inside the repository', () => {
  const broken: string[] = [];
  for (const file of markdownFiles(ROOT)) {
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:
      const abs = resolve(dirname(file), target!);
      const rel = relative(ROOT, abs);
      if (rel.startsWith('..') || !existsSync(abs)) broken.push(`${relative(ROOT, file)}: ${target}`);
    }
  }
  expect(broken).toEqual([]);
});
