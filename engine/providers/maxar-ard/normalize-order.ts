/** A Maxar ARD order as written → MaxarOrderSpec: one AOI, wire output_config/settings/notifications, digest, reference. */
import type { MaxarNotification as WrittenNotification, MaxarOrder, MaxarOutput, MaxarSettings } from '../../../schemas/generated/config.js';
import { error, type Diagnostic } from '../../diagnostics.js';
import { areaKm2 } from '../../geo/area.js';
import type { MaxarNotification, MaxarOrderSpec } from '../../model.js';
import type { Normalized, ResourceContext } from '../../config/context.js';
import { customerReferenceFor, digestOf } from '../../config/digest.js';
import { locate, locateKey, type Entry } from '../../config/merge.js';

export async function normalizeMaxarOrder(entry: Entry<MaxarOrder>, ctx: ResourceContext): Promise<Normalized<MaxarOrderSpec>> {
  const w = entry.value;
  const diagnostics: Diagnostic[] = [];
  const provider = ctx.providers.maxar;
  if (!provider) diagnostics.push(error('PROVIDER_NOT_DECLARED', 'a Maxar order needs providers.maxar', locateKey(entry)));
  else if (w.account !== undefined && provider.accountId !== undefined && w.account !== provider.accountId)
    diagnostics.push(error('UNKNOWN_MAXAR_ACCOUNT', `account ${w.account} is not providers.maxar.accountId (${provider.accountId})`, locate(entry, 'account')));

  const read = await ctx.readAoi({ ...entry, value: w.aoi, path: [...entry.path, 'aoi'] });
  // The same GeoJSON problem, under the Maxar rule's own code.
  diagnostics.push(...read.diagnostics.map((d) => (d.code === 'AOI_NOT_POLYGON' ? { ...d, code: 'MAXAR_AOI_NOT_POLYGON' } : d)));
  if (!provider || !read.polygon || diagnostics.some((d) => d.severity === 'error')) return { spec: null, diagnostics };

  const { outputConfig, outputSecret } = wireOutput(w.output);
  const accountId = provider.accountId ?? w.account;
  const settings = wireSettings(w.settings);
  const notifications = (w.notifications ?? []).map(wireNotification);
  // New fields enter the digest only when used, so orders written before them keep their digest.
  const defining = {
    ...(accountId ? { accountId } : {}),
    acquisitions: w.acquisitions,
    geometry: read.polygon,
    bundleAdjust: w.bundleAdjust ?? false,
    outputConfig,
    ...(outputSecret ? { outputSecret } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
    ...(notifications.length ? { notifications } : {}),
  };
  const digest = digestOf(defining);
  const spec: MaxarOrderSpec = {
    kind: 'maxar_ard_order',
    address: `orders.${entry.key}`,
    key: entry.key,
    digest,
    source: locateKey(entry),
    ...(accountId ? { accountId } : {}),
    acquisitions: w.acquisitions,
    aoi: { id: 1, name: entry.key, geometry: read.polygon, areaKm2: areaKm2(read.polygon), source: locate(entry, 'aoi') },
    bundleAdjust: defining.bundleAdjust,
    settings,
    outputConfig,
    ...(outputSecret ? { outputSecret } : {}),
    notifications,
    customerReference: customerReferenceFor(entry.key, digest),
    ...(w.maxPrice ? { maxPrice: w.maxPrice } : {}),
  };
  return { spec, diagnostics };
}

type Output = Pick<MaxarOrderSpec, 'outputConfig' | 'outputSecret'>;

/** `s3` / `gcs` / `azure` as the wire's `output_config` entry (prefix sent as "" when absent); secrets stay env var names. */
function wireOutput(o: MaxarOutput): Output {
  const prefix = (p: string | undefined): Record<string, string> => (p === undefined ? {} : { prefix: p });
  const id = (c: string | undefined): Record<string, string> => (c === undefined ? {} : { credentials_id: c });
  if (o.s3) return { outputConfig: { amazon_s3: { bucket: o.s3.bucket, ...prefix(o.s3.prefix), ...(o.s3.roleArn ? { role_arn: o.s3.roleArn } : {}) } } };
  if (o.gcs) {
    return {
      outputConfig: { google_cloud_storage: { bucket: o.gcs.bucket, ...prefix(o.gcs.prefix), ...id(o.gcs.credentialsId) } },
      ...(o.gcs.serviceCredentialsEnv ? { outputSecret: { field: 'service_credentials', env: o.gcs.serviceCredentialsEnv } } : {}),
    };
  }
  if (o.azure) {
    return {
      outputConfig: { azure_blob_storage: { container: o.azure.container, ...prefix(o.azure.prefix), ...id(o.azure.credentialsId) } },
      ...(o.azure.sasUrlEnv ? { outputSecret: { field: 'sas_url', env: o.azure.sasUrlEnv } } : {}),
    };
  }
  return { outputConfig: {} };
}

const SETTING_NAMES: Record<keyof MaxarSettings, string> = {
  cloudMask: 'cloud_mask',
  dataMask: 'data_mask',
  healthyVegetationMask: 'healthy_vegetation_mask',
  msAnalytic: 'ms_analytic',
  msSaturationMask: 'ms_saturation_mask',
  panAnalytic: 'pan_analytic',
  panFlareMask: 'pan_flare_mask',
  terrainShadowMask: 'terrain_shadow_mask',
  visual: 'visual',
  waterMask: 'water_mask',
};

function wireSettings(s: MaxarSettings | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(s ?? {})) if (typeof v === 'boolean') out[SETTING_NAMES[k as keyof MaxarSettings]] = v;
  return out;
}

function wireNotification(n: WrittenNotification): MaxarNotification {
  return n.email !== undefined ? { type: 'email', address: n.email } : { type: 'sns', topic_arn: n.sns as string };
}
