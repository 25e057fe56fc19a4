/** [I] `POST {MAXAR}/api/v1/auth/token`: API key (form or JSON `apikey`) → bearer token; a wrong key is 401. */
import { API_KEYS } from '../auth.js';
import { json, type Route } from '../context.js';
import { formFields, hostError } from '../errors.js';

export const maxarTokenRoutes: Route[] = [
  {
    method: 'POST',
    template: '/api/v1/auth/token',
    host: 'maxar',
    handler: (req, sim) => {
      if (formFields(req).apikey !== API_KEYS.maxar) throw hostError('maxar', 401, 'UNAUTHORIZED', 'Invalid API key');
      const lifetime = sim.knobs.tokenLifetimeSec;
      return json(200, { access_token: sim.tokens.issue('maxar', sim.now(), lifetime), expires_in: lifetime, token_type: 'Bearer' });
    },
  },
];
