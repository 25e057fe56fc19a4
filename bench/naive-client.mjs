/**
 * The naive baseline: a client that reads each resource in state one by one with plain fetch, the
 * way a script without paged list/search reads would (the API has no GET of one alert, so one alert
 * list call per alert; one workspace search per legacy order by its customerReference). Sequential,
 * so it costs about one latency per resource.
 */
import { readFileSync } from 'node:fs';

async function token(env) {
  const res = await fetch(`${env.ORDERFORM_ONEATLAS_AUTH_URL}/auth/realms/IDP/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ apikey: env.ORDERFORM_ONEATLAS_API_KEY, grant_type: 'api_key', client_id: 'IDP' }),
  });
  return (await res.json()).access_token;
}

async function ok(res) {
  if (!res.ok) throw new Error(`naive client: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Reads up to `limit` resources of the state file; returns how many and the calls made. */
export async function naiveRead(env, stateFile, limit = Infinity) {
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  const resources = Object.values(state.resources).slice(0, limit);
  const auth = { authorization: `Bearer ${await token(env)}` };
  let calls = 1;
  let workspace;
  for (const r of resources) {
    if (r.kind === 'oneatlas_alert') {
      await ok(await fetch(`${env.ORDERFORM_ONEATLAS_DATA_URL}/api/v1/alerts?itemsPerPage=1`, { headers: auth }));
    } else {
      if (!workspace) {
        workspace = (await ok(await fetch(`${env.ORDERFORM_ONEATLAS_DATA_URL}/api/v1/me`, { headers: auth }))).contract.workspaceId;
        calls += 1;
      }
      const body = JSON.stringify({ workspace, customerReference: r.remote.customerReference, itemsPerPage: 1, startPage: 1 });
      await ok(await fetch(`${env.ORDERFORM_ONEATLAS_SEARCH_URL}/api/v2/opensearch`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body }));
    }
    calls += 1;
  }
  return { resources: resources.length, calls };
}
