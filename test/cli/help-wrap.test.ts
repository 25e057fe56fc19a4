/**
 * --help wraps at word boundaries at any width (yargs 17 cut words mid-token under ESM, yargs issue 2112):
 * every command's help at 80 columns holds the same words as at 110, no line is wider than 80,
 * and every example command stands whole on one line under its `# description`.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/capture-io.js';

async function help(argv: string[], columns: number): Promise<string> {
  const r = await runCli([...argv, '--help'], { cwd: process.cwd(), columns });
  expect(r.code).toBe(0);
  return r.stdout;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** `orderform <command> ...` lines of a help's Commands section, as argv. */
function subcommands(text: string, parent: string[]): string[][] {
  const section = text.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return [...section.matchAll(/^ {2}orderform ((?:[\w-]+ )*?)([\w-]+)\b/gm)].map((m) => [...parent, m[2]!]);
}

describe('--help at 80 columns', () => {
  it('wraps whole words only, within 80 columns, for every command and subcommand', async () => {
    const queue: string[][] = [[]];
    let seen = 0;
    while (queue.length) {
      const argv = queue.shift()!;
      const narrow = await help(argv, 80);
      const wide = await help(argv, 110);
      expect(words(narrow), `orderform ${argv.join(' ')} --help`).toEqual(words(wide));
      for (const line of narrow.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      const examples = narrow.split(/^Examples:$/m)[1]?.split('\n').filter(Boolean) ?? [];
      for (const line of examples) expect(line, `orderform ${argv.join(' ')} --help`).toMatch(/^ {2}(# |orderform )/);
      if (argv.length < 2) queue.push(...subcommands(wide, argv).filter((a) => a.join() !== argv.join()));
      seen++;
    }
    expect(seen).toBeGreaterThan(15);
  });

  it('shows each example of plan --help whole under what it does', async () => {
    const text = await help(['plan'], 80);
    expect(text.split(/^Examples:$/m)[1]).toBe(`
  # Show the plan for orders.yaml
  orderform plan -c orders.yaml

  # Save the plan for apply; exit 2 when it changes something
  orderform plan --out plan.json --detailed-exitcode

  # A pull-request comment
  orderform plan --output markdown > comment.md

  # No progress bar; four vendor requests at a time
  orderform plan --quiet --parallelism 4

  # Only that alert and what it depends on
  orderform plan --target alerts.harbour-watch
`);
  });
});
