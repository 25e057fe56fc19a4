/**
 * A OneAtlas order spec told in the config's own terms, for field diffs (Provider.asWritten): wire options
 * back under `production` with their config names (`dem_2` → `dem.la-defense`) and types (`"true"` → true),
 * dehazing implied by HD left out.
 */
import { WIRE_OPTION_OF } from './rules.js';

const CONFIG_NAME = new Map(Object.entries(WIRE_OPTION_OF).map(([config, wire]) => [wire, config]));
const BOOLEAN = new Set(['hd', 'dehazing', 'fullStrip']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function oneatlasAsWritten(spec: Json): Json {
  if (spec.kind !== 'oneatlas_order' || !isObject(spec.options)) return spec;
  const { options, ...order } = spec;
  return { ...order, production: production(options as Record<string, string>, spec.aois) };
}

function production(options: Record<string, string>, aois: unknown): Json {
  const aoiName = new Map(Array.isArray(aois) ? aois.filter(isObject).map((a) => [String(a.id), String(a.name)]) : []);
  const out: Json = {};
  for (const [wire, value] of Object.entries(options)) {
    const perAoi = /^(dem|projection)_(\d+)$/.exec(wire);
    if (perAoi) {
      const field = perAoi[1]!;
      out[field] = { ...(out[field] as Json | undefined), [aoiName.get(perAoi[2]!) ?? perAoi[2]!]: value };
      continue;
    }
    const name = CONFIG_NAME.get(wire) ?? wire;
    out[name] = BOOLEAN.has(name) && (value === 'true' || value === 'false') ? value === 'true' : value;
  }
  if (out.hd === true && out.dehazing === true) delete out.dehazing;
  return out;
}
