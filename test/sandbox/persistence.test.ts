import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.js';
import { tempDir } from '../support/project.js';
import { TestClient, workOrder } from './client.js';

const dir = tempDir('sandbox-state');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('state file', () => {
  it('keeps orders, credit and alerts across a restart; tokens do not survive', async () => {
    const stateFile = join(dir, 'sandbox.json');
    const first = await startSandbox({ stateFile, catalogSize: 100, deliveryDelayMs: 0 });
    const c1 = new TestClient(first);
    const order = await c1.call('POST', '/api/v1/orders', workOrder({ customerReference: 'persisted' }));
    const credit = (await c1.call('GET', '/api/v1/contracts')).body.contracts[0].creditRemaining;
    const token = await c1.token('oneatlas');
    await first.close();

    const second = await startSandbox({ stateFile, catalogSize: 100, deliveryDelayMs: 0 });
    try {
      const c2 = new TestClient(second);
      expect((await c2.raw('/api/v1/contracts', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect((await c2.call('GET', '/api/v1/contracts')).body.contracts[0].creditRemaining).toBe(credit);
      const found = await c2.call('POST', '/api/v2/opensearch', { workspace: 'ws-legacy-sandbox', customerReference: 'persisted' });
      expect(found.body.features[0].properties.salesOrderId).toBe(order.body.salesOrderId);
      const next = await c2.call('POST', '/api/v1/orders', workOrder({ customerReference: 'after-restart' }));
      expect(next.body.salesOrderId).not.toBe(order.body.salesOrderId);
    } finally {
      await second.close();
    }
  });
});
