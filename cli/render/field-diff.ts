/**
 * One field's change as signed lines, shared by the text and markdown renderers. Scalars read as
 * `path: before → after`; nested values as a line diff of their JSON (diffJson), with long
 * unchanged runs folded so that a moved vertex does not print the whole polygon.
 */
import { diffJson } from 'diff';
import { canonical } from '../../engine/core/canonical.js';
import type { FieldDiff } from '../../engine/plan/types.js';

export interface DiffLine {
  /** `+` added, `-` removed, `~` changed in place, ` ` context. */
  sign: '+' | '-' | '~' | ' ';
  text: string;
}

const CONTEXT = 2;

const isScalar = (v: unknown) => v === null || v === undefined || typeof v !== 'object';
const show = (v: unknown) => (v === undefined ? 'null' : JSON.stringify(v));

export function fieldDiffLines(fd: FieldDiff): DiffLine[] {
  if (isScalar(fd.before) && isScalar(fd.after)) return [{ sign: '~', text: `${fd.path}: ${show(fd.before)} → ${show(fd.after)}` }];
  const lines: DiffLine[] = [];
  for (const part of diffJson(toDiffable(fd.before), toDiffable(fd.after))) {
    const sign = part.added ? '+' : part.removed ? '-' : ' ';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ sign, text });
  }
  return [{ sign: ' ', text: `${fd.path}:` }, ...fold(lines)];
}

function toDiffable(v: unknown): string | object {
  return isScalar(v) ? `${show(v)}\n` : (canonical(v) as object);
}

/** Keeps CONTEXT unchanged lines around each change and replaces the rest with one `…`. */
function fold(lines: DiffLine[]): DiffLine[] {
  const near = (i: number) => lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.sign !== ' ');
  const out: DiffLine[] = [];
  lines.forEach((l, i) => {
    if (l.sign !== ' ' || near(i)) out.push(l);
    else if (out.at(-1)?.text !== '…') out.push({ sign: ' ', text: '…' });
  });
  return out;
}
