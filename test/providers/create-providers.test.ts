import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { createProviders } from '../../engine/providers/index.js';
import { providersConfig } from './fixtures.js';

const config = providersConfig({ oneatlas: 'http://127.0.0.1:1', maxar: 'http://127.0.0.1:1/maxar' });

describe('createProviders', () => {
  it('names every unset key variable in a MISSING_CREDENTIALS diagnostic', () => {
    let err: unknown;
    try {
      createProviders({ config, env: { ORDERFORM_MAXAR_USERNAME: 'me@example.com', ORDERFORM_MAXAR_PASSWORD: '  ' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DiagnosticsError);
    const ds = (err as DiagnosticsError).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['MISSING_CREDENTIALS', 'MISSING_CREDENTIALS']);
    expect(ds[0]?.summary).toContain('ORDERFORM_ONEATLAS_API_KEY');
    expect(ds[1]?.summary).toContain('ORDERFORM_MAXAR_PASSWORD');
  });

  it('builds only the configured vendors', async () => {
    const p = createProviders({ config: { providers: { maxar: config.providers.maxar } }, env: { ORDERFORM_MAXAR_USERNAME: 'me@example.com', ORDERFORM_MAXAR_PASSWORD: 'pw-123456' } });
    expect(p.oneatlas).toBeUndefined();
    expect(await p.maxar?.accountId()).toBe('557471230760500000');
    await p.close();
  });
});
