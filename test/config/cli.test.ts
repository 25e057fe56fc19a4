import { describe, expect, test } from 'vitest';
import { LEGACY, SQUARE, cli, tree } from './helpers.js';

describe('orderform validate', () => {
  test('reads orders.yaml by default and prints a one-line summary', async () => {
    const dir = tree({ 'orders.yaml': `${LEGACY}alerts:\n  a: { context: subscription, constellations: [PHR], productTypes: [mono], aoi: ${SQUARE} }\n` });
    expect(await cli(['validate'], dir)).toEqual({ code: 0, stdout: 'OK: 1 file, 1 alert\n', stderr: '' });
  });

  test('-c is repeatable and takes folders', async () => {
    const dir = tree({
      'providers.yaml': LEGACY,
      'alerts/a.yaml': `alerts:\n  a: { context: legacy, constellations: [PHR], productTypes: [mono], aoi: ${SQUARE} }\n`,
      'alerts/b.yml': `alerts:\n  b: { context: CTR21000411, constellations: [SPOT], productTypes: [mono], aoi: ${SQUARE} }\n`,
    });
    const { code, stdout } = await cli(['validate', '-c', 'providers.yaml', '--config', 'alerts'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('OK: 3 files, 2 alerts\n');
  });

  test('prints every problem at once and exits 1', async () => {
    const dir = tree({
      'orders.yaml': `${LEGACY}alerts:\n  a: { context: nope, constellations: [PHR], productTypes: [mono], aoi: ${SQUARE} }\n  b: { context: legacy, constellations: [PHR], productTypes: [mono], cloudCover: [50, 10], aoi: ${SQUARE} }\n`,
    });
    const { code, stdout, stderr } = await cli(['validate'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("orders.yaml:7:17: error UNKNOWN_ALERT_CONTEXT: alert context 'nope' is neither 'subscription' nor a declared contract");
    expect(stderr).toContain('orders.yaml:8:82: error INVALID_RANGE: cloudCover [50, 10]: the minimum is above the maximum');
    expect(stderr).toMatch(/2 errors, 0 warnings\n$/);
  });

  test('a missing file is a plain error, not a stack trace', async () => {
    const { code, stderr } = await cli(['validate', 'missing.yaml'], tree({}));
    expect(code).toBe(1);
    expect(stderr).toContain('error CONFIG_FILE_NOT_FOUND: config file not found: missing.yaml');
    expect(stderr).not.toContain('internal error');
  });

  test('warnings are shown but do not fail validation', async () => {
    const { code, stdout, stderr } = await cli(['validate'], tree({ 'orders.yaml': 'state: { postgres: { urlEnv: ORDERFORM_TEST_PG } }\n' }));
    expect(code).toBe(0);
    expect(stderr).toContain('warning STATE_URL_ENV_UNSET');
    expect(stdout).toBe('OK: 1 file, no resources\n');
  });
});
