/** An alert as written → AlertSpec: context resolved to `subscription` or a contractId, defaults applied. */
import type { Alert } from '../../../schemas/generated/config.js';
import { error, type Diagnostic } from '../../diagnostics.js';
import type { AlertSpec } from '../../model.js';
import type { Normalized, ResourceContext } from '../../config/context.js';
import { digestOf } from '../../config/digest.js';
import { locate, locateKey, type Entry } from '../../config/merge.js';

const SUBSCRIPTION_CONTEXT = 'subscription';

export async function normalizeAlert(entry: Entry<Alert>, ctx: ResourceContext): Promise<Normalized<AlertSpec>> {
  const w = entry.value;
  const diagnostics: Diagnostic[] = [];
  const provider = ctx.providers.oneatlas;
  let context: string | undefined = SUBSCRIPTION_CONTEXT;
  if (!provider) {
    diagnostics.push(error('PROVIDER_NOT_DECLARED', 'an alert needs providers.oneatlas', locateKey(entry)));
  } else if (w.context !== SUBSCRIPTION_CONTEXT) {
    context = provider.contracts.find((c) => c.name === w.context || c.contractId === w.context)?.contractId;
    if (!context)
      diagnostics.push(
        error('UNKNOWN_ALERT_CONTEXT', `alert context '${w.context}' is neither 'subscription' nor a declared contract`, locate(entry, 'context'),
          `contracts: ${provider.contracts.map((c) => `${c.name} (${c.contractId})`).join(', ')}`),
      );
  }
  const read = await ctx.readAoi({ ...entry, value: w.aoi, path: [...entry.path, 'aoi'] });
  diagnostics.push(...read.diagnostics);
  if (!context || !read.polygon || diagnostics.some((d) => d.severity === 'error')) return { spec: null, diagnostics };

  const defining = {
    context,
    constellations: w.constellations,
    productTypes: w.productTypes,
    cloudCover: (w.cloudCover ?? [0, 100]) as [number, number],
    incidenceAngle: (w.incidenceAngle ?? [0, 90]) as [number, number],
    geometry: read.polygon,
  };
  const spec: AlertSpec = {
    kind: 'oneatlas_alert',
    address: `alerts.${entry.key}`,
    key: entry.key,
    // Every field but the name: a rename updates in place, anything else replaces.
    digest: digestOf(defining),
    source: locateKey(entry),
    name: w.name ?? entry.key,
    ...defining,
  };
  return { spec, diagnostics };
}
