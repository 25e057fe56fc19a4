/**
 * Failures of the user's world, not of orderform: an endpoint that does not answer, a host name that
 * does not resolve, a full disk, a file or folder that cannot be written. The one mapping from OS and
 * network error codes to orderform codes, each naming the URL or path and what to check; the CLI's
 * last resort and apply's per-change errors both use it, so none of these reads "internal error".
 */
import { dirname } from 'node:path';
import { error, type Diagnostic } from './diagnostics.js';
import { HttpError, NetworkError } from './providers/http.js';

/** Nothing listens, or no route: the request never left. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
/** The host name does not resolve. */
const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);
/** A folder on the way does not exist (or is a file): orderform creates files, never the folders they go in. */
const NO_PATH = new Set(['ENOENT', 'ENOTDIR']);

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** The coded diagnostic for an error from the network or the file system; undefined for anything else (a bug). */
export function systemErrorDiagnostic(err: unknown): Diagnostic | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof NetworkError) return networkDiagnostic(e);
    if (e instanceof HttpError && (e.status === 429 || e.status >= 500)) return unavailable(e);
    const { code, path, syscall } = e as NodeJS.ErrnoException;
    const d = typeof code === 'string' ? fileDiagnostic(code, path, syscall) : undefined;
    if (d) return d;
  }
  return undefined;
}

function networkDiagnostic(e: NetworkError): Diagnostic {
  const { origin, hostname } = partsOf(e.url);
  const check = LOOPBACK.test(hostname)
    ? `Is the sandbox running? Start it with \`orderform sandbox --exports-file sandbox.env &\`, then \`. ./sandbox.env\` (it listens on a new port each start).`
    : 'Check the URL (providers.*.endpoint(s) in the config, or the ORDERFORM_*_URL variables), the network and any proxy.';
  const code = e.code ?? '';
  if (UNREACHABLE.has(code)) return error('ENDPOINT_UNREACHABLE', `cannot connect to ${origin} (${code}): ${e.method} ${e.url}`, undefined, check);
  if (UNKNOWN_HOST.has(code)) return error('ENDPOINT_HOST_UNKNOWN', `the host of ${origin} does not resolve (${code}): ${e.method} ${e.url}`, undefined, check);
  return error('ENDPOINT_CONNECTION_FAILED', `${e.method} ${e.url} failed: ${e.reason}`, undefined, `${check} Reads are retried; run again once the endpoint answers.`);
}

/**
 * 429 or 5xx once the retries are spent (Maxar's SDK retries 429/503/504 too): only a call that changes nothing
 * ends here, or a purchase refused for the rate (429, not processed); a 5xx to a purchase is OUTCOME_UNKNOWN.
 */
function unavailable(e: HttpError): Diagnostic {
  const { origin } = partsOf(e.url);
  return error('VENDOR_UNAVAILABLE', `${e.method} ${e.url} answered HTTP ${e.status}${e.vendorMessage ? `: ${e.vendorMessage}` : ''}`, undefined,
    `${origin} ${e.status === 429 ? 'limits the request rate' : 'is unavailable'}; orderform retried (honouring Retry-After) and gave up. Nothing was changed by this call: run the same command again later.`);
}

/** A write through a file handle fails without a path; the writers that know it add it (engine/state/fs-ops.ts). */
function fileDiagnostic(code: string, path: string | undefined, syscall: string | undefined): Diagnostic | undefined {
  if (DISK_FULL.has(code)) {
    const where = path ? `the disk that holds ${dirname(path)}` : 'the disk orderform writes to (the config folder, the state file, --out or --download)';
    return error('DISK_FULL', `no space left on the disk${path ? ` to write ${path}` : ''} (${code})`, undefined, `Free space on ${where}, then run the same command again.`);
  }
  if (DENIED.has(code)) {
    const readOnly = code === 'EROFS' ? ' The file system is mounted read-only.' : '';
    const what = path ? `: ${path}` : '';
    const check = path ? `Check the owner and mode of ${path} and of its folder ${dirname(path)}.` : 'Check the owner and mode of the files orderform reads and writes.';
    return error('FILE_ACCESS_DENIED', `permission denied${syscall ? ` (${syscall})` : ''}${what} (${code})`, undefined, `${check}${readOnly}`);
  }
  if (NO_PATH.has(code) && path) {
    return error('PATH_NOT_FOUND', `no such file or folder${syscall ? ` (${syscall})` : ''}: ${path} (${code})`, undefined,
      `Check the path. orderform writes files but does not create the folders they go in: create ${dirname(path)} first if it is meant to hold one.`);
  }
  return undefined;
}

function partsOf(url: string): { origin: string; hostname: string } {
  try {
    const u = new URL(url);
    return { origin: u.origin, hostname: u.hostname };
  } catch {
    return { origin: url, hostname: '' };
  }
}
