/**
 * Runs one `orderform` invocation in this process (the real CLI code from dist/) and reports, at exit,
 * what the parent cannot see from outside: time spent in state-file writes (every journal append,
 * truncate, snapshot write, rename and directory sync is fsync'd), their count, journal bytes, and
 * peak RSS, and the phases of the run split by its vendor requests (undici's diagnostics channels): before
 * the first request (command modules, config load, state read), the network phase (first request sent to last answer read:
 * refresh and pricing), after it (diff, cost, render). Usage: node cli-child.mjs REPORT_FILE -- ARGV...
 */
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dist } from './paths.mjs';

const { nodeFs } = await import(dist('engine/state/fs-ops.js'));
const { run } = await import(dist('cli/main.js'));
const { processIo } = await import(dist('cli/io.js'));

const report = process.argv[2];
const argv = process.argv.slice(process.argv.indexOf('--') + 1);
const writes = { stateWriteMs: 0, stateWrites: 0, journalBytes: 0 };
// nodeFs is the one object every file store writes through; timing its write calls times state writes.
for (const name of ['writeSynced', 'appendSynced', 'truncateSynced', 'rename', 'syncDir']) {
  const original = nodeFs[name];
  nodeFs[name] = async (...args) => {
    const t0 = performance.now();
    try {
      return await original(...args);
    } finally {
      writes.stateWriteMs += performance.now() - t0;
      writes.stateWrites += 1;
      if (name === 'appendSynced') writes.journalBytes += Buffer.byteLength(args[1]);
    }
  };
}

const net = { first: Infinity, last: -Infinity };
subscribe('undici:request:create', () => void (net.first = Math.min(net.first, performance.now())));
for (const end of ['undici:request:trailers', 'undici:request:error']) subscribe(end, () => void (net.last = performance.now()));

let stdout = '';
let stderr = '';
// The real process IO (signals, clock, pid), with output captured for the report.
const io = Object.assign(processIo(), {
  stdout: (t) => void (stdout += t),
  stderr: (t) => void (stderr += t),
  color: false,
  isTty: false,
});
const t0 = performance.now();
const code = await run(argv, io);
const t1 = performance.now();
const phases = net.last < net.first
  ? { beforeNetworkMs: t1 - t0, networkMs: 0, afterNetworkMs: 0 }
  : { beforeNetworkMs: net.first - t0, networkMs: net.last - net.first, afterNetworkMs: t1 - net.last };
writeFileSync(report, JSON.stringify({ code, elapsedMs: t1 - t0, ...phases, maxRssKb: process.resourceUsage().maxRSS, ...writes, stdoutTail: stdout.slice(-2000), stderrTail: stderr.slice(-2000) }));
process.exit(0);
