/**
 * A spec (as planned, or as state recorded it) told in the config's own terms, for field diffs: what
 * orderform derives rather than the user writes left out (the digest, the reference made from it), then
 * the provider of its kind's own terms (Provider.asWritten). What apply sends is untouched: this is for reading.
 */
import { allProviders } from '../providers/registry.js';
import { customerReferenceFor } from './digest.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function asWritten(spec: unknown): unknown {
  if (!isObject(spec)) return spec;
  const { digest, ...rest } = spec;
  const out: Json = rest;
  if (typeof spec.key === 'string' && typeof digest === 'string' && spec.customerReference === customerReferenceFor(spec.key, digest)) delete out.customerReference;
  // A state may hold a kind no provider registers any more: then it is shown as recorded.
  const owner = typeof spec.kind === 'string' ? allProviders().find((p) => Object.hasOwn(p.kinds, spec.kind as string)) : undefined;
  return owner?.asWritten ? owner.asWritten(out) : out;
}
