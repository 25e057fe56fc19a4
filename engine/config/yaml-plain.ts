/**
 * A fast reader for the plain YAML most config blocks are written in: block maps and sequences, one-line
 * flow collections, plain and simply quoted scalars, comments. yaml builds a token and a node for every
 * scalar and reads ~2 MB/s; a 10,000-resource config is mostly such blocks. Anything outside this subset
 * (block scalars, anchors, tags, escapes, multi-line scalars, non-JSON numbers, duplicate keys, odd
 * indentation) answers null and the caller lets yaml read the block, so values are always yaml's.
 */

/** Where each map key and its value start, by path (segments joined by `SEP`), as yaml-source.ts indexes them. */
export type PairOffsets = Map<string, [number, number]>;

export const SEP = '\u0000';

/**
 * Collections nested deeper than this are refused (CONFIG_TOO_DEEP, yaml-source.ts): a config needs
 * about 10 levels, and every reader of the value (this one, yaml, ajv) recurses once per level.
 */
export const MAX_NESTING = 64;

export interface PlainBlock {
  key: string;
  value: unknown;
  /** Offsets relative to the block's start. */
  offsets: PairOffsets;
}

interface Line {
  indent: number;
  /** Absolute offsets of the content (after the indentation) and of the line end (before `\r\n` / `\n`). */
  start: number;
  end: number;
}

/** Thrown inside the reader when the text leaves the subset; never escapes `readPlainBlock`. */
class NotPlain extends Error {}
const bail = (): never => {
  throw new NotPlain();
};

/** `[start, end)` of `text` read as a map with exactly one key, or null when it is not plain YAML. */
export function readPlainBlock(text: string, start: number, end: number): PlainBlock | null {
  if (text.slice(start, end).includes('\t')) return null;
  try {
    return new Reader(text, start, end).block();
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;
  private depth = 0;
  readonly offsets: PairOffsets = new Map();

  constructor(
    private readonly text: string,
    private readonly base: number,
    end: number,
  ) {
    for (let at = base; at < end; ) {
      let nl = text.indexOf('\n', at);
      if (nl === -1 || nl > end) nl = end;
      const lineEnd = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let c = at;
      while (c < lineEnd && text.charCodeAt(c) === 32) c++;
      if (c < lineEnd && text[c] !== '#') this.lines.push({ indent: c - at, start: c, end: lineEnd });
      at = nl + 1;
    }
  }

  block(): PlainBlock | null {
    const first = this.lines[0];
    if (!first) return null;
    const value = this.map(first.indent, '', true);
    if (this.i !== this.lines.length) bail();
    const keys = Object.keys(value);
    if (keys.length !== 1) return null;
    return { key: keys[0]!, value: value[keys[0]!], offsets: this.offsets };
  }

  /** A block map at `indent`; `indexed`: its pairs are reachable through maps only (see PairOffsets). */
  private map(indent: number, prefix: string, indexed: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.lines[this.i]; line && line.indent >= indent; line = this.lines[this.i]) {
      if (line.indent > indent) bail();
      const { key, after } = this.key(line.start, line.end, ':');
      if (Object.hasOwn(out, key)) bail();
      const pos = this.skipSpaces(after, line.end);
      this.i += 1;
      let value: unknown;
      let valueAt: number;
      if (pos === line.end || this.text[pos] === '#') {
        const next = this.lines[this.i];
        if (!next || next.indent <= indent) bail(); // an empty value, or a sequence at the key's indentation
        valueAt = next!.start;
        value = this.nested(() => this.node(next!.indent, prefix + key + SEP, indexed));
      } else {
        valueAt = pos;
        const read = this.inline(pos, line.end, prefix + key + SEP, indexed);
        this.lineEnd(read.end, line.end);
        value = read.value;
      }
      if (indexed) this.offsets.set(prefix + key, [line.start - this.base, valueAt - this.base]);
      out[key] = value;
    }
    return out;
  }

  /** One level deeper; past MAX_NESTING yaml reads the block (and yaml-source.ts refuses it with a position). */
  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_NESTING) bail();
    const value = read();
    this.depth -= 1;
    return value;
  }

  /** The block node whose first line is the current one, at `indent`: a map or a sequence. */
  private node(indent: number, prefix: string, indexed: boolean): unknown {
    return this.text[this.lines[this.i]!.start] === '-' && this.isDash(this.lines[this.i]!) ? this.seq(indent) : this.map(indent, prefix, indexed);
  }

  private isDash(line: Line): boolean {
    return line.start + 1 === line.end || this.text[line.start + 1] === ' ';
  }

  private seq(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.lines[this.i]; line && line.indent >= indent; line = this.lines[this.i]) {
      if (line.indent > indent || this.text[line.start] !== '-' || !this.isDash(line)) bail();
      const pos = this.skipSpaces(line.start + 1, line.end);
      if (pos === line.end || this.text[pos] === '#') bail(); // the item's node on the next lines
      if (this.isKeyLine(pos, line.end)) {
        // `- key: value`: a map whose keys line up with this first one.
        this.lines[this.i] = { indent: line.indent + (pos - line.start), start: pos, end: line.end };
        out.push(this.nested(() => this.map(line.indent + (pos - line.start), '', false)));
      } else {
        const read = this.inline(pos, line.end, '', false);
        this.lineEnd(read.end, line.end);
        this.i += 1;
        out.push(read.value);
      }
    }
    return out;
  }

  private isKeyLine(pos: number, end: number): boolean {
    try {
      this.key(pos, end, ':');
      return true;
    } catch {
      return false;
    }
  }

  /** A plain key followed by `:` and a space or the end; `after` is past the colon. */
  private key(pos: number, end: number, colon: string): { key: string; after: number } {
    let c = pos;
    while (c < end && KEY_CHAR.test(this.text[c]!)) c++;
    if (c === pos || this.text[c] !== colon || (c + 1 < end && this.text[c + 1] !== ' ')) bail();
    const key = this.text.slice(pos, c);
    if (typeof resolvePlain(key) !== 'string' || key === '__proto__') bail();
    return { key, after: c + 1 };
  }

  /** A value written on one line from `pos`: a flow collection, a quoted or a plain scalar. */
  private inline(pos: number, end: number, prefix: string, indexed: boolean, inFlow = false): { value: unknown; end: number } {
    const c = this.text[pos];
    if (c === '{') return this.nested(() => this.flowMap(pos, end, prefix, indexed));
    if (c === '[') return this.nested(() => this.flowSeq(pos, end));
    if (c === '"' || c === "'") return this.quoted(pos, end);
    if (c === undefined || INDICATOR.test(c) || (c === '-' && !/[0-9]/.test(this.text[pos + 1] ?? ''))) bail();
    let e = pos;
    while (e < end) {
      const ch = this.text[e]!;
      if (ch === ':' && (e + 1 === end || this.text[e + 1] === ' ' || inFlow)) bail(); // a pair where a scalar is expected
      if (ch === '#' && this.text[e - 1] === ' ') break;
      if (inFlow && FLOW_END.test(ch)) break;
      e++;
    }
    let s = e;
    while (this.text[s - 1] === ' ') s--;
    return { value: resolvePlain(this.text.slice(pos, s)), end: e };
  }

  private quoted(pos: number, end: number): { value: string; end: number } {
    const q = this.text[pos]!;
    let out = '';
    for (let c = pos + 1; c < end; c++) {
      const ch = this.text[c]!;
      if (q === '"' && ch === '\\') bail();
      if (ch !== q) {
        out += ch;
        continue;
      }
      if (q === "'" && this.text[c + 1] === "'") {
        out += "'";
        c++;
        continue;
      }
      return { value: out, end: c + 1 };
    }
    return bail(); // closed on a later line
  }

  private flowMap(pos: number, end: number, prefix: string, indexed: boolean): { value: Record<string, unknown>; end: number } {
    const out: Record<string, unknown> = {};
    let c = this.skipSpaces(pos + 1, end);
    if (this.text[c] === '}') return { value: out, end: c + 1 };
    for (;;) {
      const { key, after } = this.key(c, end, ':');
      if (Object.hasOwn(out, key)) bail();
      const at = this.skipSpaces(after, end);
      const read = this.inline(at, end, prefix + key + SEP, indexed, true);
      if (indexed) this.offsets.set(prefix + key, [c - this.base, at - this.base]);
      out[key] = read.value;
      c = this.skipSpaces(read.end, end);
      if (this.text[c] === '}') return { value: out, end: c + 1 };
      if (this.text[c] !== ',') bail();
      c = this.skipSpaces(c + 1, end);
      if (this.text[c] === '}') bail(); // a trailing comma
    }
  }

  private flowSeq(pos: number, end: number): { value: unknown[]; end: number } {
    const out: unknown[] = [];
    let c = this.skipSpaces(pos + 1, end);
    if (this.text[c] === ']') return { value: out, end: c + 1 };
    for (;;) {
      const read = this.inline(c, end, '', false, true);
      out.push(read.value);
      c = this.skipSpaces(read.end, end);
      if (this.text[c] === ']') return { value: out, end: c + 1 };
      if (this.text[c] !== ',') bail();
      c = this.skipSpaces(c + 1, end);
      if (this.text[c] === ']') bail();
    }
  }

  /** Only spaces and a comment may follow a value on its line. */
  private lineEnd(pos: number, end: number): void {
    const c = this.skipSpaces(pos, end);
    if (c < end && !(this.text[c] === '#' && c > pos)) bail();
  }

  private skipSpaces(pos: number, end: number): number {
    while (pos < end && this.text.charCodeAt(pos) === 32) pos++;
    return pos;
  }
}

const KEY_CHAR = /[A-Za-z0-9_.\-/]/;
/** Characters that start something other than a plain scalar. */
const INDICATOR = /[?:,[\]{}#&*!|>%@`\s]/;
const FLOW_END = /[,[\]{}]/;

const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
/** What yaml's core schema reads as something other than a string: null, booleans, numbers in every form. */
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OTHER_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** A plain scalar as yaml's core schema reads it; forms whose number yaml might read differently bail. */
function resolvePlain(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (JSON_NUMBER.test(s) && !(s.startsWith('-') && Number(s) === 0)) return Number(s);
  if (s === '' || OTHER_NUMBER.test(s)) return bail();
  return s;
}
