/**
 * Splitting a config's text into blocks that parse on their own: each top-level key, and each entry of
 * `orders:` / `alerts:` / `quotations:` written in block style. yaml's CST for a whole 10,000-resource
 * file holds ~300 MB; one block's is kilobytes. The split only looks at line starts, so it answers
 * null for any text it cannot cut safely (the caller then parses the whole document), and the caller
 * still re-checks every block (it must parse without errors to exactly one key).
 */

/** A piece of the text: `[start, end)` offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A top-level key's block; `entries` when it is a resource block split into its entries. */
export interface TopBlock extends Span {
  /** The header (`orders:` and the comments up to the first entry) is `[start, entries[0].start)`. */
  entries?: Span[];
}

const SPLIT_BLOCKS = /^(orders|alerts|quotations):[ \t]*(#.*)?\r?$/;
/** A top-level line that starts a `key:` (plain or quoted key, not a sequence, comment or marker). */
const TOP_KEY = /^[^\s#\-?:&*!|>%@`'"{[\]},][^\n]*?:(\s|$)|^["'][^\n]*?["']:(\s|$)/;
/** Anchors and aliases can tie blocks together: those texts are parsed whole. */
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s,[\]{}]/m;

/** The top-level blocks, or null when the text is not in the plain shape this splits. */
export function splitBlocks(text: string): TopBlock[] | null {
  if (ANCHOR_OR_ALIAS.test(text)) return null;
  const starts = lineStarts(text);
  const tops: TopBlock[] = [];
  for (const start of starts) {
    const c = text[start];
    if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '#') continue;
    const line = lineAt(text, start);
    if (!TOP_KEY.test(line)) return null; // `---`, `...`, directives, top-level sequences or scalars, flow continuations
    if (tops.length) tops[tops.length - 1]!.end = start;
    tops.push({ start, end: text.length });
  }
  if (!tops.length) return null;
  for (const top of tops) {
    if (SPLIT_BLOCKS.test(lineAt(text, top.start))) top.entries = entriesOf(text, top) ?? undefined;
  }
  return tops;
}

/** Offsets where lines start, the first at 0: what yaml's LineCounter records while parsing. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * A resource block's entries: lines at the indentation of its first entry that start a key. Returns
 * null (parse the block whole) when it has no entries or is written as a sequence.
 */
function entriesOf(text: string, top: Span): Span[] | null {
  const entries: Span[] = [];
  let indent = -1;
  let at = text.indexOf('\n', top.start) + 1;
  while (at > 0 && at < top.end) {
    const next = text.indexOf('\n', at) + 1 || top.end;
    const line = lineAt(text, at);
    const spaces = /^ */.exec(line)![0].length;
    const rest = line.slice(spaces);
    if (rest.startsWith('\t')) return null; // tabs around indentation: the whole parse reports them
    if (rest && !rest.startsWith('#') && rest !== '\r') {
      if (indent === -1) {
        if (spaces === 0) return null;
        indent = spaces;
      }
      if (spaces === indent && TOP_KEY.test(rest)) {
        if (entries.length) entries[entries.length - 1]!.end = at;
        entries.push({ start: at, end: top.end });
      } else if (!entries.length) return null;
    }
    at = next;
  }
  return entries.length ? entries : null;
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}
