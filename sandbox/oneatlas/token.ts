/** `POST /auth/realms/IDP/protocol/openid-connect/token`: API key → bearer token (Keycloak-style reply). */
import { randomUUID } from 'node:crypto';
import { API_KEYS } from '../auth.js';
import { json, type Route } from '../context.js';
import { formFields, hostError } from '../errors.js';

export const tokenRoutes: Route[] = [
  {
    method: 'POST',
    template: '/auth/realms/IDP/protocol/openid-connect/token',
    host: 'auth',
    handler: (req, sim) => {
      const form = formFields(req);
      if (form.grant_type !== 'api_key') throw hostError('auth', 400, 'unsupported_grant_type', 'grant_type must be api_key');
      if (form.client_id !== 'IDP') throw hostError('auth', 400, 'invalid_client', 'client_id must be IDP');
      if (form.apikey !== API_KEYS.oneatlas) throw hostError('auth', 403, 'invalid_grant', 'Invalid API key');
      const lifetime = sim.knobs.tokenLifetimeSec;
      return json(200, {
        access_token: sim.tokens.issue('oneatlas', sim.now(), lifetime),
        expires_in: lifetime,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        session_state: randomUUID(),
        scope: '',
      });
    },
  },
];
