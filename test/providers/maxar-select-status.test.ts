/**
 * The select statuses the documents name (SELECT docs, SDK select.py: RUNNING, SUCCEEDED, FAILED, ERROR) beyond
 * the sandbox's, which finishes every select by its first read: each outcome that is not a result has a code.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import type { MaxarClient } from '../../engine/providers/maxar-ard/client.js';
import type { WireSelect } from '../../engine/providers/maxar-ard/wire.js';
import { selectMaxar } from '../../engine/providers/maxar-ard/select.js';

const AOI = { type: 'Polygon', coordinates: [[[2.3, 48.84], [2.34, 48.84], [2.34, 48.87], [2.3, 48.84]]] } as never;

/** A client whose select reads give these answers, one per status read. */
function answering(...reads: Partial<WireSelect>[]): MaxarClient {
  const next = () => ({ id: 'sel-1', status: 'RUNNING', ...reads.shift() }) as WireSelect;
  return { select: async () => next(), selectStatus: async () => next() } as unknown as MaxarClient;
}

const codeOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e as DiagnosticsError).diagnostics[0]);

describe('Maxar select statuses', () => {
  it.each(['FAILED', 'ERROR'])('a select Maxar reports %s is MAXAR_SELECT_FAILED with Maxar\'s message', async (status) => {
    const d = await codeOf(selectMaxar(answering({}, { status, error_message: { error: 'AOI too small' } }), { aoi: AOI, limit: 5 }, { sleep: async () => {} }));
    expect(d).toMatchObject({ code: 'MAXAR_SELECT_FAILED', summary: 'Maxar select sel-1 failed: AOI too small' });
    const bare = await codeOf(selectMaxar(answering({ status }), { aoi: AOI, limit: 5 }));
    expect(bare).toMatchObject({ code: 'MAXAR_SELECT_FAILED', summary: `Maxar select sel-1 failed: ${status}` });
  });

  it('a select still RUNNING after the status reads allowed is MAXAR_SELECT_TIMEOUT', async () => {
    const d = await codeOf(selectMaxar(answering({}, {}, {}, {}), { aoi: AOI, limit: 5 }, { sleep: async () => {}, attempts: 3 }));
    expect(d).toMatchObject({ code: 'MAXAR_SELECT_TIMEOUT', summary: 'Maxar select sel-1 is still running' });
  });
});
