/** What `orderform sandbox` prints: `export NAME=value` lines on stdout (for eval), its state on stderr. */

export const renderExports = (env: Readonly<Record<string, string>>): string =>
  Object.entries(env).map(([k, v]) => `export ${k}=${v}\n`).join('');

export const renderServing = (url: string, seed: number): string => `orderform sandbox: serving ${url} (seed ${seed}); stop with Ctrl-C\n`;

export const SANDBOX_STOPPED = 'orderform sandbox: stopped\n';
