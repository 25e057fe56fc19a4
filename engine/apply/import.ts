/**
 * `orderform import ADDRESS REMOTE_ID`: adopt an object that exists remotely (an order placed by hand
 * or by an earlier run whose answer was lost, a quotation decided elsewhere, an alert) into state, so
 * that plans track it instead of ordering or creating it again. The resource's provider looks the id
 * up; this builds the state. Reads only; the caller writes state.
 */
import { specJson } from '../core/canonical.js';
import { stateFor } from '../core/resource-state.js';
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Config, ResourceSpec } from '../model.js';
import type { ProviderClients } from '../providers/index.js';
import { providerOf } from '../providers/registry.js';
import type { ResourceState } from '../state/types.js';

export interface Imported {
  resource: ResourceState;
  /** Where the remote object differs from the config (the next plan shows what follows). */
  diagnostics: Diagnostic[];
}

/** The resource declared at ADDRESS; checked offline, before the state lock is taken or credentials are read. */
export function declaredSpec(config: Pick<Config, 'resources'>, address: string): ResourceSpec {
  const spec = config.resources.find((r) => r.address === address);
  if (!spec) {
    throw new DiagnosticsError([error('IMPORT_NOT_IN_CONFIG', `${address} is not declared in the config`, undefined,
      'Declare the resource in the config first (import ties a remote object to a declared address).')]);
  }
  return spec;
}

/** Looks REMOTE_ID up for the resource the config declares at ADDRESS and builds its state. */
export async function importResource(
  spec: ResourceSpec,
  remoteId: string,
  clients: ProviderClients,
  now: Date,
  current: (address: string) => ResourceState | undefined,
): Promise<Imported> {
  const provider = providerOf(spec.kind);
  const client = provider.clientOf(clients);
  if (client === undefined) throw new DiagnosticsError([error('PROVIDER_NOT_CONFIGURED', `${spec.address}: the config declares no provider for this resource`, spec.source)]);
  const found = await provider.importResource(client, spec, remoteId, current);
  // A renamable object is recorded as the remote has it, so that the next plan renames (name) or replaces (criteria) it.
  const recorded = found.criteriaDiffer ? { ...spec, digest: `imported:${remoteId}` } : spec;
  const resource = stateFor(recorded, current(spec.address), now, {
    status: found.status,
    remote: found.remote,
    ...(found.price ? { price: found.price } : {}),
    ...(found.name !== undefined ? { spec: { ...(specJson(spec) as object), name: found.name } } : {}),
  });
  return { resource, diagnostics: found.diagnostics ?? [] };
}
