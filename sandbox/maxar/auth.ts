/**
 * `POST {MAXAR}/api/v1/auth/authenticate` (AUTH docs: JSON `{grant_type: "password", username, password}`;
 * the SDK sends the same fields form-encoded, so both are read) → `{access_token, token_type, expires_in,
 * refresh_token}`; `grant_type=refresh_token` renews from a refresh token (docs: valid 30 days).
 * `GET /api/v1/auth/self` → `{user: {user_id, account_id, username, admin}}` (docs: "account and user ID";
 * SDK reads `user.account_id`, `user.user_id`; `admin` [I] from seed 004's field list, left out with the
 * `maxarSelfAdmin` knob off).
 */
import { requireToken } from '../auth.js';
import { json, type Route, type Sim, type SimRequest } from '../context.js';
import { formFields, hostError } from '../errors.js';
import { ACCOUNT_ID, USERS, type MaxarUser } from './seed.js';

const REFRESH_LIFETIME_SEC = 30 * 86_400;

/** The logged-in user behind the request's token (401 without a live one). */
export function caller(req: SimRequest, sim: Sim): MaxarUser {
  requireToken(req, sim, 'maxar');
  const user = USERS.find((u) => u.user_id === sim.tokens.subject(req));
  if (!user) throw hostError('maxar', 401, 'UNAUTHORIZED', 'Unauthorized: invalid token');
  return user;
}

function tokenAnswer(sim: Sim, user: MaxarUser, refreshToken: string) {
  const lifetime = sim.knobs.tokenLifetimeSec;
  return json(200, {
    access_token: sim.tokens.issue('maxar', sim.now(), lifetime, user.user_id),
    token_type: 'Bearer',
    expires_in: lifetime,
    refresh_token: refreshToken,
  });
}

export const maxarAuthRoutes: Route[] = [
  {
    method: 'POST',
    template: '/api/v1/auth/authenticate',
    host: 'maxar',
    handler: (req, sim) => {
      const form = formFields(req);
      if (form.grant_type === 'refresh_token') {
        const subject = form.refresh_token ? sim.tokens.redeem(form.refresh_token, sim.now()) : undefined;
        const user = USERS.find((u) => u.user_id === subject);
        // [I] status and text of a refused refresh token
        if (!user) throw hostError('maxar', 401, 'UNAUTHORIZED', 'Refresh token is invalid or expired');
        return tokenAnswer(sim, user, form.refresh_token as string);
      }
      if (form.grant_type !== 'password') throw hostError('maxar', 400, 'BAD_REQUEST', "grant_type must be 'password' or 'refresh_token'");
      const user = USERS.find((u) => u.username === form.username && u.password === form.password);
      // [I] status and text of refused credentials
      if (!user) throw hostError('maxar', 401, 'UNAUTHORIZED', 'Incorrect username or password');
      return tokenAnswer(sim, user, sim.tokens.issueRefresh(user.user_id, sim.now(), REFRESH_LIFETIME_SEC));
    },
  },
  {
    method: 'GET',
    template: '/api/v1/auth/self',
    host: 'maxar',
    handler: (req, sim) => {
      const u = caller(req, sim);
      return json(200, { user: { user_id: u.user_id, account_id: ACCOUNT_ID, username: u.username, ...(sim.knobs.maxarSelfAdmin ? { admin: u.admin } : {}) } });
    },
  },
];
