/**
 * A one-line progress bar on stderr, for a TTY only: when stdout is piped, in CI or with --quiet it
 * prints nothing, so output stays machine-readable. Driven by events (apply hooks, download
 * chunks), never by a timer.
 *
 * For plan/apply: `const bar = createProgress(io, { quiet })`, then `bar.start('Applying', n)` and
 * pass `applyProgressHooks(bar)` as (or merged into) `ApplyOptions.hooks`; call `bar.finish()`
 * before printing the summary. For a refresh: `bar.start('Refreshing', resources)` and
 * `bar.advance(1, address)` per resource read.
 */
import type { ApplyHooks } from '../../engine/apply/types.js';
import type { PlanProgress } from '../../engine/plan/build.js';
import type { RefreshProgress } from '../../engine/plan/refresh.js';
import type { CliIo } from '../io.js';
import { formatBytes } from './table.js';

export interface ProgressBar {
  /** (Re)starts the bar: what is being done and how many units it takes. */
  start(label: string, total: number): void;
  /** Moves forward by `n` units; `note` (an address, a file name) is shown after the bar. */
  advance(n?: number, note?: string): void;
  /** Clears the bar's line so that normal output follows. */
  finish(): void;
  /** Writes a whole line above the bar (the bar is drawn again under it). */
  line(text: string): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** `bytes` shows sizes (downloads) instead of counts. */
  unit?: 'items' | 'bytes';
  /** Bar cells (default 24). */
  width?: number;
}

const SILENT: ProgressBar = { start: () => undefined, advance: () => undefined, finish: () => undefined, line: () => undefined };

export function createProgress(io: Pick<CliIo, 'isTty' | 'stderr'>, opts: ProgressOptions = {}): ProgressBar {
  if (!io.isTty || opts.quiet) return SILENT;
  const width = opts.width ?? 24;
  const amount = (n: number) => (opts.unit === 'bytes' ? formatBytes(n) : String(n));
  let label = '';
  let total = 0;
  let done = 0;
  let shown = false;
  let lastNote = '';
  const draw = (note = '') => {
    lastNote = note;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    io.stderr(`\r\x1b[2K${label} ${bar} ${amount(done)}/${amount(total)} ${Math.floor(share * 100)}%${note ? `  ${note}` : ''}`);
    shown = true;
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      done = 0;
      draw();
    },
    advance(n = 1, note) {
      done += n;
      draw(note);
    },
    finish() {
      if (shown) io.stderr('\r\x1b[2K');
      shown = false;
    },
    line(text) {
      const redraw = shown;
      io.stderr(`\r\x1b[2K${text}\n`);
      if (redraw) draw(lastNote);
    },
  };
}

/** Apply hooks that move the bar one step per finished, failed or skipped change. */
export function applyProgressHooks(bar: ProgressBar): ApplyHooks {
  return {
    onStart: (c) => bar.advance(0, c.address),
    onDone: (c) => bar.advance(1, c.address),
    onFail: (c) => bar.advance(1, `${c.address} failed`),
    onSkip: (c) => bar.advance(1, `${c.address} skipped`),
  };
}

/** buildPlan's `onProgress`: the bar restarts when pricing starts and moves one step per priced change. */
export function planProgressHook(bar: ProgressBar): (p: PlanProgress) => void {
  return (p) => (p.done === 0 ? bar.start('Pricing', p.total) : bar.advance(1, p.address));
}

/** refreshRemote's `onProgress`: one step per vendor list read. */
export function refreshProgressHook(bar: ProgressBar): (p: RefreshProgress) => void {
  return (p) => (p.done === 0 ? bar.start('Reading', p.total) : bar.advance(1, p.what));
}
