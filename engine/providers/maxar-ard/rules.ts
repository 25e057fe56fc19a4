/**
 * Maxar ARD vendor rules, checked offline before any call (and again before apply): pure functions
 * over normalized specs returning diagnostics, each with its own code.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { MaxarOrderSpec, ResourceSpec } from '../../model.js';

/** Maxar ARD prices in US dollars. */
export const MAXAR_CURRENCY = 'USD';

function checkMaxarOrder(spec: MaxarOrderSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (field: string) => ({ ...spec.source, path: `${spec.source.path}.${field}` });
  if (spec.aoi.geometry?.type !== 'Polygon' || spec.aoi.geometry.coordinates.length !== 1)
    out.push(error('MAXAR_AOI_NOT_POLYGON', 'a Maxar ARD AOI must be a single Polygon without holes', at('aoi')));
  if (spec.acquisitions.length === 0) out.push(error('MAXAR_NO_ACQUISITIONS', 'name at least one acquisition', at('acquisitions')));
  if (spec.maxPrice && spec.maxPrice.currency !== MAXAR_CURRENCY)
    out.push(error('MAXAR_PRICE_CURRENCY', `Maxar ARD prices in ${MAXAR_CURRENCY}; maxPrice is in ${spec.maxPrice.currency}`, at('maxPrice.currency')));
  if (Object.keys(spec.outputConfig).length !== 1)
    out.push(error('MAXAR_OUTPUT', 'give exactly one output location (s3, gcs or azure)', at('output')));
  // SDK order.py GCS_Config / AZ_Config and the cloud storage setup docs: Maxar needs write access to Google Cloud and Azure.
  for (const [kind, where, secretKey] of [['google_cloud_storage', 'gcs', 'serviceCredentialsEnv'], ['azure_blob_storage', 'azure', 'sasUrlEnv']] as const) {
    const dest = spec.outputConfig[kind];
    if (!dest) continue;
    const ways = (dest.credentials_id !== undefined ? 1 : 0) + (spec.outputSecret ? 1 : 0);
    if (ways !== 1) {
      out.push(error('MAXAR_OUTPUT_CREDENTIALS', `output.${where} needs write access: give exactly one of credentialsId or ${secretKey}`, at(`output.${where}`),
        `credentialsId names credentials registered with Maxar's credentials service; ${secretKey} names the environment variable holding the secret.`));
    }
  }
  return out;
}

export function maxarRules(resources: readonly ResourceSpec[]): Diagnostic[] {
  return resources.flatMap((r) => (r.kind === 'maxar_ard_order' ? checkMaxarOrder(r) : []));
}
