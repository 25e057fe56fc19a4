/**
 * The v2 orders-search `q` language: `(field:value)` terms joined by AND / OR (AND binds tighter),
 * parentheses for grouping, `*` wildcards in values, optional double quotes around a value.
 */

export type Query =
  | { op: 'term'; field: string; pattern: RegExp }
  | { op: 'and' | 'or'; left: Query; right: Query }
  | { op: 'all' };

export class QueryError extends Error {}

type Token = '(' | ')' | 'AND' | 'OR' | { term: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else {
      let term = '';
      let quoted = false;
      while (i < q.length && (quoted || !/[\s()]/.test(q[i] as string))) {
        if (q[i] === '"') quoted = !quoted;
        term += q[i];
        i++;
      }
      if (quoted) throw new QueryError('unterminated quote');
      tokens.push(term === 'AND' || term === 'OR' ? term : { term });
    }
  }
  return tokens;
}

function wildcard(value: string): RegExp {
  const escaped = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function parseQuery(q: string, fields: readonly string[]): Query {
  const tokens = tokenize(q);
  if (tokens.length === 0) return { op: 'all' };
  let pos = 0;
  const peek = () => tokens[pos];
  const orExpr = (): Query => {
    let left = andExpr();
    while (peek() === 'OR') {
      pos++;
      left = { op: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Query => {
    let left = primary();
    while (peek() === 'AND') {
      pos++;
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const primary = (): Query => {
    const t = tokens[pos++];
    if (t === '(') {
      const inner = orExpr();
      if (tokens[pos++] !== ')') throw new QueryError('missing )');
      return inner;
    }
    if (t === undefined || typeof t === 'string') throw new QueryError(`unexpected ${t ?? 'end of query'}`);
    const colon = t.term.indexOf(':');
    if (colon <= 0) throw new QueryError(`'${t.term}' is not field:value`);
    const field = t.term.slice(0, colon);
    if (!fields.includes(field)) throw new QueryError(`unknown field '${field}' (one of ${fields.join(', ')})`);
    const value = t.term.slice(colon + 1).replace(/^"(.*)"$/, '$1');
    return { op: 'term', field, pattern: wildcard(value) };
  };
  const query = orExpr();
  if (pos !== tokens.length) throw new QueryError(`unexpected ${String(tokens[pos])}`);
  return query;
}

export function matches(query: Query, record: Record<string, string | undefined>): boolean {
  switch (query.op) {
    case 'all':
      return true;
    case 'term': {
      const v = record[query.field];
      return v !== undefined && query.pattern.test(v);
    }
    case 'and':
      return matches(query.left, record) && matches(query.right, record);
    case 'or':
      return matches(query.left, record) || matches(query.right, record);
  }
}
