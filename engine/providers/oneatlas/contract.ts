import type { ResourceContext } from '../../config/context.js';
import { locate, type Located } from '../../config/merge.js';
import type { PathSeg } from '../../config/path.js';
import { error, type Diagnostic } from '../../diagnostics.js';
import type { OneAtlasContractRef } from '../../model.js';

/** The contract a resource names, or a positioned UNKNOWN_CONTRACT. */
export function findContract(ctx: ResourceContext, at: Located<unknown>, field: PathSeg[], name: string): OneAtlasContractRef | Diagnostic {
  const contracts = ctx.providers.oneatlas?.contracts ?? [];
  const found = contracts.find((c) => c.name === name);
  if (found) return found;
  return error(
    'UNKNOWN_CONTRACT',
    `unknown contract '${name}'`,
    locate(at, ...field),
    contracts.length ? `declared in providers.oneatlas.contracts: ${contracts.map((c) => c.name).join(', ')}` : 'no providers.oneatlas.contracts declared',
  );
}
