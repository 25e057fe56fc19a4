/**
 * Runs one `orderform` invocation in this process (the real CLI code from dist/) and reports, at exit,
 * what the parent cannot see from outside: time spent in state-file writes (every journal append,
 * truncate, snapshot write, rename and directory sync is fsync'd), their count, journal bytes, and
 * peak RSS. Usage: node cli-child.mjs REPORT_FILE -- ARGV...
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dist } from './paths.mjs';

const { nodeFs } = await import(dist('engine/state/fs-ops.js'));
const { run } = await import(dist('cli/main.js'));

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

let stdout = '';
let stderr = '';
const io = {
  stdout: (t) => void (stdout += t),
  stderr: (t) => void (stderr += t),
  color: false,
  isTty: false,
  env: process.env,
  cwd: process.cwd(),
  exitCode: 0,
};
const t0 = performance.now();
const code = await run(argv, io);
const elapsedMs = performance.now() - t0;
writeFileSync(report, JSON.stringify({ code, elapsedMs, maxRssKb: process.resourceUsage().maxRSS, ...writes, stdoutTail: stdout.slice(-2000), stderrTail: stderr.slice(-2000) }));
process.exit(0);
