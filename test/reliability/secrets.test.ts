/**
 * No API key, password, bearer or refresh token ever lands in a state file, its journal, a saved plan,
 * or any output, --debug included, on success and on failure paths (vendor errors, dropped connections,
 * a rejected key or login). Everything the runs wrote is collected and grepped for the keys and every token shape.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_KEYS, MAXAR_LOGIN } from '../../sandbox/index.js';
import { configYaml, type FixtureOptions } from '../support/fixture.js';
import { ensureBuilt } from '../support/project.js';
import { APPLY, startWorld, type World } from './harness.js';

const FIXTURE: FixtureOptions = { legacy: ['paris-a'], neo: ['neo-a'], maxar: ['ard-a'], alerts: { 'watch-a': 'Watch A' } };
/** A rejected key, distinctive enough that any echo of it is found. */
const CANARY_KEY = 'canary-key-5d1f0c9a7e3b42c8';
const SECRETS = [API_KEYS.oneatlas, MAXAR_LOGIN.password, CANARY_KEY];
const TOKEN = /sbx\.(oneatlas|maxar|refresh)\.[\w-]{32}/;

/** Every file under `dir` the runs wrote (the sandbox's own data and the config excepted), as text. */
function writtenFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'sandbox-data.json' && name !== 'orders.yaml') out.set(path, readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

function leaks(where: string, text: string): string[] {
  const found = SECRETS.filter((s) => text.includes(s)).map((s) => `${where}: contains ${s}`);
  const token = TOKEN.exec(text);
  return token ? [...found, `${where}: contains token ${token[0]}`] : found;
}

describe('secrets never written', () => {
  let world: World | undefined;
  beforeAll(ensureBuilt);
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('no key or token in state, journal, plan files or any output, --debug included', async () => {
    world = await startWorld(FIXTURE, { latencyMs: 2, tokenLifetimeSec: 1 });
    const w = world;
    const outputs: [string, string][] = [];
    const run = async (...argv: string[]) => {
      const r = await w.cli(...argv);
      outputs.push([argv.join(' '), r.out + r.err]);
      return r;
    };
    await run('validate', '--debug');
    await run('plan', '--debug', '--out', 'plan.json');
    await run('plan', '--debug', '-o', 'json');
    await run('plan', '-o', 'markdown');
    await run('show', 'plan.json', '--debug');
    // Failure paths: vendor errors and lost answers while mutating, with --debug request logs.
    Object.assign(w.sb.knobs, { errorRate: { '*': 0.3 }, dropAfterCommit: { 'POST /api/v1/orders': 0.5 }, dropConnection: { '*': 0.1 } });
    await run(...APPLY, '--debug');
    Object.assign(w.sb.knobs, { errorRate: {}, dropAfterCommit: {}, dropConnection: {} });
    expect((await run(...APPLY, '--debug')).code).toBe(0);
    await run('refresh', '--debug');
    await run('state', 'list', '--debug');
    await run('state', 'show', 'orders.paris-a', '--debug');
    // The state's journal is folded into the snapshot at the end of a run: a run SIGKILLed once it wrote a line
    // leaves one for the scan (the order dropped from state is adopted again, a state write). The renamed alert
    // is an update the slowed vendor holds open, so the run is still going when that line is written.
    await run('state', 'rm', 'orders.paris-a');
    writeFileSync(join(w.dir, 'orders.yaml'), configYaml({ ...FIXTURE, alerts: { 'watch-a': 'Watch A renamed' } }));
    w.sb.knobs.latencyMs = 300;
    const journal = join(w.dir, 'orderform.state.json.journal');
    const killed = await w.spawn([...APPLY, '--debug'], () => existsSync(journal) && statSync(journal).size > 0);
    expect(killed.killed, killed.out + killed.err).toBe(true);
    w.sb.knobs.latencyMs = 2;
    outputs.push(['killed apply', killed.out + killed.err]);
    // A rejected key must not be echoed either.
    const rejected = await w.cli('plan', '--debug');
    outputs.push(['plan (before canary)', rejected.out + rejected.err]);
    const canary = await startWorld(FIXTURE, {}, { ORDERFORM_ONEATLAS_API_KEY: CANARY_KEY, ORDERFORM_MAXAR_PASSWORD: CANARY_KEY });
    try {
      for (const argv of [['plan', '--debug'], [...APPLY, '--debug']]) {
        const r = await canary.cli(...argv);
        expect(r.code, r.out + r.err).toBe(1);
        outputs.push([`${argv.join(' ')} (rejected key)`, r.out + r.err]);
      }
      const spawned = await canary.spawn(['plan', '--debug']);
      outputs.push(['spawned plan (rejected key)', spawned.out + spawned.err]);
    } finally {
      await canary.close();
    }

    const files = writtenFiles(w.dir);
    expect([...files.keys()].some((f) => f.endsWith('orderform.state.json'))).toBe(true);
    expect([...files.keys()].some((f) => f.endsWith('plan.json'))).toBe(true);
    expect(files.get(journal), 'a journal left by the killed run').toMatch(/orders\.paris-a/);
    // The debug log must have shown requests, or the scan proves little.
    expect(outputs.some(([, text]) => text.includes('debug:'))).toBe(true);
    const found = [...outputs.flatMap(([cmd, text]) => leaks(`output of ${cmd}`, text)), ...[...files].flatMap(([path, text]) => leaks(path, text))];
    expect(found).toEqual([]);
  }, 120_000);

  it('the scan finds a key and a token where there is one', () => {
    expect(leaks('x', `apikey=${API_KEYS.oneatlas}`)).toHaveLength(1);
    expect(leaks('x', 'Authorization: Bearer sbx.maxar.abcdefghijklmnopqrstuvwxyz012345')).toHaveLength(1);
    expect(leaks('x', `password=${MAXAR_LOGIN.password}&refresh_token=sbx.refresh.abcdefghijklmnopqrstuvwxyz012345`)).toHaveLength(2);
  });
});
