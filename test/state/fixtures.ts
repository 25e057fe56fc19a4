import { join } from 'node:path';
import type { ResourceState } from '../../engine/state/types.js';
import { tempDir } from '../support/project.js';

export async function tempStatePath(): Promise<string> {
  return join(tempDir('state'), 'orderform.state.json');
}

export function resource(address: string, over: Partial<ResourceState> = {}): ResourceState {
  return {
    address,
    kind: 'oneatlas_order',
    status: 'in-progress',
    remote: { salesOrderId: `SAL-${address}` },
    specDigest: 'd1',
    spec: { key: address },
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}
