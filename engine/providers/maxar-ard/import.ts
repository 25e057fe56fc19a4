/** `orderform import` for Maxar ARD orders: one GET of the order, compared with the config. */
import { warning } from '../../diagnostics.js';
import type { MaxarOrderSpec } from '../../model.js';
import { notFound, referenceCheck } from '../import-checks.js';
import type { ImportFound } from '../provider.js';
import type { MaxarClient } from './client.js';
import { fromOrder } from './convert.js';
import { MAXAR_CURRENCY } from './rules.js';

export async function importMaxarOrder(client: MaxarClient, spec: MaxarOrderSpec, id: string): Promise<ImportFound> {
  const w = await client.order(id);
  if (!w) throw notFound(spec, `Maxar order ${id}`);
  const o = fromOrder(w);
  const diagnostics = referenceCheck(spec, spec.customerReference, o.reference);
  const acquisitions = (w.order?.acquisitions ?? []).map((a) => (typeof a === 'object' && a !== null ? String((a as { id?: unknown }).id) : String(a))).sort().join(', ');
  if (acquisitions !== [...spec.acquisitions].sort().join(', ')) {
    diagnostics.push(warning('IMPORT_SPEC_DIFFERS', `${spec.address}: the remote order has acquisitions ${acquisitions}, the config ${spec.acquisitions.join(', ')}`, spec.source));
  }
  const total = w.order?.usage?.cost.total_imagery_cost;
  const accountId = spec.accountId ?? (await client.accountId());
  return {
    status: o.status,
    remote: { accountId, customerReference: o.reference ?? spec.customerReference, orderId: o.orderId },
    ...(typeof total === 'number' ? { price: { amount: total, currency: MAXAR_CURRENCY } } : {}),
    diagnostics,
  };
}
