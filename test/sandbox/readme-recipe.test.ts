/**
 * README's sandbox recipe, run as written by bash (npx resolved to the built CLI), works on second use:
 * a first sandbox killed outright leaves its sandbox.env behind, and the next run must neither source
 * that dead port nor skip the wait; a sandbox stopped normally removes its file.
 */
import { execFile } from 'node:child_process';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, examplesCopy, REPO } from '../support/project.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function readmeRecipe(): Promise<string> {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('sandbox --exports-file'));
  if (!block) throw new Error('README has no sandbox recipe');
  return block;
}

describe("README's sandbox recipe", () => {
  it('runs twice in one folder, the second time after the first sandbox was killed with SIGKILL', async () => {
    const dir = await examplesCopy('recipe');
    dirs.push(dir);
    // `npx orderform …` as the project's own bin would run it, without asking a registry.
    await writeFile(join(dir, 'npx'), `#!/bin/sh\nshift\nexec node ${JSON.stringify(BIN)} "$@"\n`);
    await chmod(join(dir, 'npx'), 0o755);
    const recipe = await readmeRecipe();
    const run = (stop: string) =>
      promisify(execFile)('bash', ['-c', `set -e\n${recipe}\necho "port=$ORDERFORM_MAXAR_URL"\n${stop}`], {
        cwd: dir,
        env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir },
        timeout: 60_000,
      });

    const first = await run('kill -9 $!; wait $! || true');
    expect(existsSync(join(dir, 'sandbox.env')), 'a killed sandbox leaves its file').toBe(true);
    const second = await run('kill $!; wait $! || true');
    const port = (out: string) => /port=(\S+)/.exec(out)?.[1];
    expect(port(second.stdout)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/maxar$/);
    expect(port(second.stdout)).not.toBe(port(first.stdout));
    expect(second.stdout).toMatch(/\d+ to (create|add)|Plan:/);
    expect(existsSync(join(dir, 'sandbox.env')), 'a stopped sandbox removes its file').toBe(false);
  }, 120_000);

  it('.gitignore keeps sandbox.env out of git', async () => {
    expect((await readFile(join(REPO, '.gitignore'), 'utf8')).split('\n')).toContain('sandbox.env');
  });
});
