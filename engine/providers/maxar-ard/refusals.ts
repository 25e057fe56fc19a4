/**
 * What Maxar ARD's refusal of an order (dry run or real) means for the user. The documents give no status or
 * body for a refused order beyond `{message}` (SDK exceptions.py); a fee-limit breach is documented only as
 * "will return an error and will not be placed" (seed 004). So 400/403/413/422 are refusals, read by message.
 */
import { DiagnosticsError, error, type Diagnostic } from '../../diagnostics.js';
import type { MaxarOrderSpec } from '../../model.js';
import { HttpError } from '../http.js';

const REFUSAL_STATUSES = new Set([400, 403, 413, 422]);

/** A coded diagnostic for a refusal, or undefined for any other failure (rethrow it). */
function refusalOf(err: unknown, spec: MaxarOrderSpec, placing: boolean): Diagnostic | undefined {
  if (!(err instanceof HttpError) || !REFUSAL_STATUSES.has(err.status)) return undefined;
  const said = err.vendorMessage || `HTTP ${err.status}`;
  const nothing = placing ? ' Nothing was ordered and nothing is recorded as placed.' : '';
  if (/limit|exceed|balance|cannot order/i.test(said)) {
    return error('MAXAR_LIMIT_REFUSED', `${spec.address}: Maxar refused the order against the account's fee limits: ${said}`, spec.source,
      `Check what is left with \`orderform plan\` (limits table), remove or defer orders, or ask your Maxar account admin to raise the limit.${nothing}`);
  }
  if (err.status === 413 || /Problem with intersects\/bbox/i.test(said)) {
    return error('MAXAR_AOI_REFUSED', `${spec.address}: Maxar refused the AOI: ${said}`, spec.aoi.source, `Fix the AOI (a smaller or simpler polygon that overlaps the acquisitions).${nothing}`);
  }
  if (err.status === 403) {
    return error('MAXAR_FORBIDDEN', `${spec.address}: Maxar refused this login the order: ${said}`, spec.source, `Check the account id and that the login may order for it.${nothing}`);
  }
  return error('MAXAR_ORDER_REFUSED', `${spec.address}: Maxar refused the order: ${said}`, spec.source, `Fix the order as the message says, then run \`orderform plan\` again.${nothing}`);
}

/** Runs `call`, turning a refusal into a DiagnosticsError. */
export async function orRefusal<T>(spec: MaxarOrderSpec, placing: boolean, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const d = refusalOf(err, spec, placing);
    throw d ? new DiagnosticsError([d]) : err;
  }
}
