import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFaults } from '../../cli/commands/sandbox.js';
import { run } from '../../cli/main.js';
import { captureIo, runCli } from '../support/capture-io.js';
import { tempDir } from '../support/project.js';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('orderform sandbox', () => {
  it('prints only export lines on stdout, serves until SIGINT, then exits 0', async () => {
    const captured = captureIo({ cwd: process.cwd() });
    const exit = run(['sandbox', '--port', '0', '--seed', '3', '--error-rate', 'GET /api/v1/contracts=next:1'], captured.io);
    await until(() => captured.stdout().split('\n').length > 7);
    const lines = captured.stdout().trimEnd().split('\n');
    expect(lines.map((l) => l.split('=')[0])).toEqual([
      'export ORDERFORM_ONEATLAS_AUTH_URL',
      'export ORDERFORM_ONEATLAS_ORDER_URL',
      'export ORDERFORM_ONEATLAS_SEARCH_URL',
      'export ORDERFORM_ONEATLAS_DATA_URL',
      'export ORDERFORM_ONEATLAS_API_KEY',
      'export ORDERFORM_MAXAR_URL',
      'export ORDERFORM_MAXAR_USERNAME',
      'export ORDERFORM_MAXAR_PASSWORD',
    ]);
    const env = Object.fromEntries(lines.map((l) => l.replace(/^export /, '').split('=') as [string, string]));
    expect(env.ORDERFORM_MAXAR_URL).toBe(`${env.ORDERFORM_ONEATLAS_ORDER_URL}/maxar`);
    expect(env.ORDERFORM_ONEATLAS_API_KEY).toBe('sandbox-oneatlas-key');
    const knobs = await (await fetch(`${env.ORDERFORM_ONEATLAS_ORDER_URL}/__sandbox/knobs`)).json();
    expect(knobs.errorRate).toEqual({ 'GET /api/v1/contracts': { next: 1 } });
    captured.signal('SIGINT');
    expect(await exit).toBe(0);
    await expect(fetch(`${env.ORDERFORM_ONEATLAS_ORDER_URL}/__sandbox/calls`)).rejects.toThrow();
    expect(captured.stderr()).toContain('stopped');
  });

  it('--exports-file writes the same export lines, whole, once it listens', async () => {
    const dir = tempDir('sandbox-env');
    const file = join(dir, 'sandbox.env');
    const captured = captureIo({ cwd: dir });
    const exit = run(['sandbox', '--port', '0', '--exports-file', file], captured.io);
    await until(() => existsSync(file));
    expect(readFileSync(file, 'utf8')).toBe(captured.stdout());
    const url = /ORDERFORM_ONEATLAS_ORDER_URL=(\S+)/.exec(readFileSync(file, 'utf8'))![1];
    expect((await fetch(`${url}/__sandbox/calls`)).status).toBe(200);
    captured.signal('SIGINT');
    expect(await exit).toBe(0);
  });

  it('refuses a malformed fault flag with a diagnostic, not a stack trace', async () => {
    const r = await runCli(['sandbox', '--drop-after-commit', 'POST /api/v1/orders=lots'], { cwd: process.cwd() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SANDBOX_BAD_FLAG');
    expect(r.stdout).toBe('');
  });

  it('parses fault flags into rates and next-N counts', () => {
    expect(parseFaults('error-rate', ['POST /api/v1/orders=0.25', '*=next:3'])).toEqual({ 'POST /api/v1/orders': 0.25, '*': { next: 3 } });
    expect(() => parseFaults('error-rate', ['=0.5'])).toThrow();
    expect(() => parseFaults('error-rate', ['GET /x=1.5'])).toThrow();
  });
});
