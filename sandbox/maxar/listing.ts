/**
 * Two order listings with one set of query parameters (seed 004): date range on creation, repeated
 * `filter=path:value` (ANDed, nested with `.`, matched against the order's fields), sort (desc default),
 * limit (default 10), cursor paging with starting_after / ending_before (order ids).
 * - `GET /api/v1/order` (ORD-REF "List your orders"; SDK order.py list_orders): the caller's own orders.
 * - `GET /api/v1/admin/account/{account_id}/order` (seed, "Role: Admin"; a user gets 403 [I]): every
 *   user's, `user_id` narrows to one.
 * Both answer `{data, has_more}` (SDK session.py paginated_response reads exactly these; [I] for the admin one).
 */
import { json, type Handler, type Route, type Sim, type SimRequest } from '../context.js';
import { hostError } from '../errors.js';
import { pathAccount } from './account.js';
import { caller } from './auth.js';
import { orderView } from './orders.js';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100; // [I]

type View = ReturnType<typeof orderView>;

function invalid(message: string) {
  return hostError('maxar', 400, 'BAD_REQUEST', message);
}

function dateParam(req: SimRequest, name: string): string | undefined {
  const v = req.query.get(name);
  if (v === null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw invalid(`${name} must be a date YYYY-MM-DD`);
  return v;
}

function valueAt(order: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), order);
}

/** `date_created:YYYY-MM-DD` matches the day; arrays match any element; scalars compare as strings. */
function filterOf(text: string): (o: View) => boolean {
  const colon = text.indexOf(':');
  if (colon <= 0) throw invalid(`filter '${text}' must be field:value`);
  const path = text.slice(0, colon);
  const wanted = text.slice(colon + 1);
  return (o) => {
    const v = valueAt(o.order, path);
    if (path === 'date_created' && /^\d{4}-\d{2}-\d{2}$/.test(wanted)) return String(v).slice(0, 10) === wanted;
    if (Array.isArray(v)) return v.some((x) => String(x) === wanted);
    return v !== undefined && v !== null && typeof v !== 'object' && String(v) === wanted;
  };
}

/** The page of `mine` (already narrowed to what the caller may see) the query asks for. */
function page(req: SimRequest, sim: Sim, mine: (o: View) => boolean) {
  const q = req.query;
  const start = dateParam(req, 'start_date');
  const end = dateParam(req, 'end_date');
  const limitText = q.get('limit');
  const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalid(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  const sort = q.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw invalid("sort must be 'asc' or 'desc'");
  const after = q.get('starting_after');
  const before = q.get('ending_before');
  if (after !== null && before !== null) throw invalid('use starting_after or ending_before, not both');
  const filters = q.getAll('filter').map(filterOf);

  let orders = sim.store.data.maxarOrders
    .map((o) => orderView(o, sim))
    .filter((o) => (start === undefined || o.date_created.slice(0, 10) >= start) && (end === undefined || o.date_created.slice(0, 10) <= end))
    .filter(mine)
    .filter((o) => filters.every((f) => f(o)));
  orders.sort((a, b) => (a.id < b.id ? -1 : 1));
  if (sort === 'desc') orders.reverse();

  const cursor = after ?? before;
  let hasMore: boolean;
  if (cursor !== null) {
    const at = orders.findIndex((o) => o.id === cursor);
    if (at < 0 && !sim.store.data.maxarOrders.some((o) => o.id === cursor)) throw invalid(`unknown order id '${cursor}'`);
    const position = at < 0 ? positionOf(orders, cursor, sort) : at;
    if (after !== null) {
      const rest = orders.slice(at < 0 ? position : position + 1);
      hasMore = rest.length > limit;
      orders = rest.slice(0, limit);
    } else {
      const head = orders.slice(0, position);
      hasMore = head.length > limit;
      orders = head.slice(-limit);
    }
  } else {
    hasMore = orders.length > limit;
    orders = orders.slice(0, limit);
  }
  return json(200, { data: orders, has_more: hasMore });
}

const ownOrders: Handler = (req, sim) => {
  const user = caller(req, sim);
  return page(req, sim, (o) => o.user_id === user.user_id);
};

const accountOrders: Handler = (req, sim) => {
  const user = pathAccount(req, sim);
  if (!user.admin) throw hostError('maxar', 403, 'FORBIDDEN', 'User is not authorized to access this resource: admin role required');
  const userId = req.query.get('user_id');
  return page(req, sim, (o) => userId === null || o.user_id === userId);
};

/** Where a cursor that the filters exclude would sit in the sorted list (ids grow with creation). */
function positionOf(orders: View[], cursor: string, sort: 'asc' | 'desc'): number {
  const i = orders.findIndex((o) => (sort === 'asc' ? o.id > cursor : o.id < cursor));
  return i < 0 ? orders.length : i;
}

export const listingRoutes: Route[] = [
  { method: 'GET', template: '/api/v1/order', host: 'maxar', handler: ownOrders },
  { method: 'GET', template: '/api/v1/admin/account/{account_id}/order', host: 'maxar', handler: accountOrders },
];
