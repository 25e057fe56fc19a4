/** A Maxar ARD order as written → MaxarOrderSpec: one AOI, wire output_config, digest, reference. */
import type { MaxarOrder, MaxarOutput } from '../../schemas/generated/config.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { areaKm2 } from '../geo/area.js';
import type { MaxarOrderSpec } from '../model.js';
import type { Normalized, ResourceContext } from './context.js';
import { customerReferenceFor, digestOf } from './digest.js';
import { locate, locateKey, type Entry } from './merge.js';

export async function normalizeMaxarOrder(entry: Entry<MaxarOrder>, ctx: ResourceContext): Promise<Normalized<MaxarOrderSpec>> {
  const w = entry.value;
  const diagnostics: Diagnostic[] = [];
  const provider = ctx.providers.maxar;
  if (!provider) diagnostics.push(error('PROVIDER_NOT_DECLARED', 'a Maxar order needs providers.maxar (account id)', locateKey(entry)));
  else if (w.account !== undefined && w.account !== provider.accountId)
    diagnostics.push(error('UNKNOWN_MAXAR_ACCOUNT', `account ${w.account} is not providers.maxar.accountId (${provider.accountId})`, locate(entry, 'account')));

  const read = await ctx.readAoi({ ...entry, value: w.aoi, path: [...entry.path, 'aoi'] });
  // The same GeoJSON problem, under the Maxar rule's own code.
  diagnostics.push(...read.diagnostics.map((d) => (d.code === 'AOI_NOT_POLYGON' ? { ...d, code: 'MAXAR_AOI_NOT_POLYGON' } : d)));
  if (!provider || !read.polygon || diagnostics.some((d) => d.severity === 'error')) return { spec: null, diagnostics };

  const outputConfig = wireOutput(w.output);
  const defining = {
    accountId: provider.accountId,
    acquisitions: w.acquisitions,
    geometry: read.polygon,
    bundleAdjust: w.bundleAdjust ?? false,
    outputConfig,
  };
  const digest = digestOf(defining);
  const spec: MaxarOrderSpec = {
    kind: 'maxar_ard_order',
    address: `orders.${entry.key}`,
    key: entry.key,
    digest,
    source: locateKey(entry),
    accountId: provider.accountId,
    acquisitions: w.acquisitions,
    aoi: { id: 1, name: entry.key, geometry: read.polygon, areaKm2: areaKm2(read.polygon), source: locate(entry, 'aoi') },
    bundleAdjust: defining.bundleAdjust,
    outputConfig,
    customerReference: customerReferenceFor(entry.key, digest),
    ...(w.maxPrice ? { maxPrice: w.maxPrice } : {}),
  };
  return { spec, diagnostics };
}

/** `s3` / `gcs` / `azure` as the wire's `output_config` entry. */
function wireOutput(o: MaxarOutput): Record<string, Record<string, string>> {
  const prefix = (p: string | undefined): Record<string, string> => (p === undefined ? {} : { prefix: p });
  if (o.s3) return { amazon_s3: { bucket: o.s3.bucket, ...prefix(o.s3.prefix) } };
  if (o.gcs) return { google_cloud_storage: { bucket: o.gcs.bucket, ...prefix(o.gcs.prefix) } };
  if (o.azure) return { azure_blob_storage: { container: o.azure.container, ...prefix(o.azure.prefix) } };
  return {};
}
