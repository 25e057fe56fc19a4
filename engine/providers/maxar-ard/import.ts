/** `orderform import` for Maxar ARD orders: one GET of the order, compared with the config. */
import { warning } from '../../diagnostics.js';
import type { MaxarOrderSpec } from '../../model.js';
import { notFound, referenceCheck } from '../import-checks.js';
import type { ImportFound } from '../provider.js';
import type { MaxarClient } from './client.js';
import { fromOrder } from './convert.js';

export async function importMaxarOrder(client: MaxarClient, spec: MaxarOrderSpec, id: string): Promise<ImportFound> {
  const w = await client.order(id);
  if (!w) throw notFound(spec, `Maxar order ${id}`);
  const o = fromOrder(w);
  const diagnostics = referenceCheck(spec, spec.customerReference, o.reference);
  const acquisitions = [...(w.acquisitions ?? [])].sort().join(', ');
  if (acquisitions !== [...spec.acquisitions].sort().join(', ')) {
    diagnostics.push(warning('IMPORT_SPEC_DIFFERS', `${spec.address}: the remote order has acquisitions ${acquisitions}, the config ${spec.acquisitions.join(', ')}`, spec.source));
  }
  return { status: o.status, remote: { accountId: spec.accountId, customerReference: o.reference ?? spec.customerReference, orderId: o.orderId }, ...(o.price ? { price: o.price } : {}), diagnostics };
}
