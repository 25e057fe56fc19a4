/**
 * Maxar ARD login (AUTH docs "Get an Access Token" / "Authenticate Resource"; SDK session.py):
 * `POST /api/v1/auth/authenticate` with `grant_type=password`, `username` (the account's email) and
 * `password` → an access token valid `expires_in` (43200 s) and a refresh token valid 30 days. Renewal
 * before expiry uses `grant_type=refresh_token`; a refused refresh token falls back to the password.
 * Sent form-encoded as the SDK does (requests_oauthlib LegacyApplicationClient); the sandbox reads both.
 */
import { DiagnosticsError, error } from '../../diagnostics.js';
import { HttpError, type HttpClient, type TokenFetcher } from '../http.js';
import { readToken } from './wire.js';

export interface MaxarLogin {
  url: string;
  username: string;
  password: string;
  usernameEnv: string;
  passwordEnv: string;
}

const refused = (err: unknown): err is HttpError => err instanceof HttpError && (err.status === 400 || err.status === 401 || err.status === 403);

export function maxarLogin(login: MaxarLogin): TokenFetcher {
  let refreshToken: string | undefined;
  const grant = async (http: HttpClient, form: Record<string, string>) => {
    const t = readToken((await http.request({ method: 'POST', url: login.url, form, safe: true })).body);
    if (t.refresh_token) {
      http.addSecret(t.refresh_token);
      refreshToken = t.refresh_token;
    }
    return { accessToken: t.access_token, expiresInSec: Number(t.expires_in) };
  };
  return async (http) => {
    if (refreshToken) {
      try {
        return await grant(http, { grant_type: 'refresh_token', refresh_token: refreshToken });
      } catch (err) {
        if (!refused(err)) throw err;
        refreshToken = undefined; // expired or revoked: log in again below
      }
    }
    try {
      return await grant(http, { grant_type: 'password', username: login.username, password: login.password });
    } catch (err) {
      if (!refused(err)) throw err;
      throw new DiagnosticsError([
        error('INVALID_CREDENTIALS', `Maxar ARD refused the login in ${login.usernameEnv} / ${login.passwordEnv}`, undefined,
          `Set ${login.usernameEnv} to your ARD username (the email address of your ARD account) and ${login.passwordEnv} to its password. (${err.message})`),
      ]);
    }
  };
}
