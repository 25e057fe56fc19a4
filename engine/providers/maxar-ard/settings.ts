/** `providers.maxar`: the login variables, the endpoint and the account; the client built from them. */
import type { MaxarProvider as Written } from '../../../schemas/generated/config.js';
import { resolveEndpoint, type Env } from '../../config/endpoints.js';
import { locate } from '../../config/merge.js';
import type { MaxarProvider } from '../../model.js';
import type { ProviderSettings } from '../provider.js';
import { MaxarClient } from './client.js';

export const MAXAR_USERNAME_ENV = 'ORDERFORM_MAXAR_USERNAME';
export const MAXAR_PASSWORD_ENV = 'ORDERFORM_MAXAR_PASSWORD';
const ENDPOINT_ENV = 'ORDERFORM_MAXAR_URL';

export function resolveMaxarEndpoint(configured: string | undefined, env: Env): string {
  return resolveEndpoint(configured, env, ENDPOINT_ENV, 'https://ard.maxar.com');
}

export const maxarSettings: ProviderSettings<Written, MaxarProvider, MaxarClient> = {
  normalize: ({ value: p }, env) => ({
    usernameEnv: p.credentials?.usernameEnv ?? MAXAR_USERNAME_ENV,
    passwordEnv: p.credentials?.passwordEnv ?? MAXAR_PASSWORD_ENV,
    endpoint: resolveMaxarEndpoint(p.endpoint, env),
    ...(p.accountId ? { accountId: p.accountId } : {}),
  }),
  endpoints: (at) => [{ configured: at.value.endpoint, envName: ENDPOINT_ENV, at: () => locate(at, 'endpoint') }],
  credentials: (s) => ({
    username: { what: 'Maxar ARD username (the email address of your ARD account)', variable: s.usernameEnv },
    password: { what: 'Maxar ARD password', variable: s.passwordEnv },
  }),
  client: (s, secrets, { http, env }) =>
    new MaxarClient({
      http,
      endpoint: s.endpoint,
      ...(s.accountId ? { accountId: s.accountId } : {}),
      username: secrets.username!,
      password: secrets.password!,
      usernameEnv: s.usernameEnv,
      passwordEnv: s.passwordEnv,
      env,
    }),
  // Declared, or an account id given, or the username variable set (the account is then the login's own).
  reachable: (declared, { env, account }) =>
    account || (!declared && env[MAXAR_USERNAME_ENV])
      ? {
          usernameEnv: declared?.usernameEnv ?? MAXAR_USERNAME_ENV,
          passwordEnv: declared?.passwordEnv ?? MAXAR_PASSWORD_ENV,
          endpoint: declared?.endpoint ?? resolveMaxarEndpoint(undefined, env),
          ...(account ? { accountId: account } : {}),
        }
      : declared,
};
