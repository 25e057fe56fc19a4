import { describe, expect, it } from 'vitest';
import { MAXAR_LOGIN } from '../../sandbox/index.js';
import { useSandbox } from './client.js';

const LOGIN = { grant_type: 'password', username: MAXAR_LOGIN.username, password: MAXAR_LOGIN.password };

let clock = Date.parse('2025-01-10T12:00:00Z');
const ctx = useSandbox({ now: () => new Date(clock), tokenLifetimeSec: 60 });

describe('OneAtlas token endpoint', () => {
  it('exchanges the API key for a bearer token with the Keycloak-style fields', async () => {
    const r = await ctx.c.form('/auth/realms/IDP/protocol/openid-connect/token', { apikey: 'sandbox-oneatlas-key', grant_type: 'api_key', client_id: 'IDP' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ expires_in: 60, refresh_expires_in: 0, token_type: 'Bearer', 'not-before-policy': 0, scope: '' });
    expect(typeof r.body.access_token).toBe('string');
  });

  it('answers 403 invalid_grant to a wrong key and 400 to a wrong grant', async () => {
    const bad = await ctx.c.form('/auth/realms/IDP/protocol/openid-connect/token', { apikey: 'nope', grant_type: 'api_key', client_id: 'IDP' });
    expect(bad.status).toBe(403);
    expect(bad.body.error).toBe('invalid_grant');
    const grant = await ctx.c.form('/auth/realms/IDP/protocol/openid-connect/token', { apikey: 'sandbox-oneatlas-key', grant_type: 'password', client_id: 'IDP' });
    expect(grant.status).toBe(400);
  });

  it('refuses calls without, with a wrong, or with an expired token (401)', async () => {
    const none = await ctx.c.raw('/api/v1/contracts', {});
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ message: 'Authentication failed (cause: Token expired)' });
    const wrong = await ctx.c.raw('/api/v1/contracts', { headers: { authorization: 'Bearer forged' } });
    expect(wrong.status).toBe(401);
    expect((await ctx.c.call('GET', '/api/v1/contracts')).status).toBe(200);
    clock += 61_000;
    expect((await ctx.c.call('GET', '/api/v1/contracts')).status).toBe(401);
  });

  it('does not accept a Maxar token on OneAtlas, and vice versa', async () => {
    const maxar = await ctx.c.form('/maxar/api/v1/auth/authenticate', LOGIN);
    const onOneAtlas = await ctx.c.raw('/api/v1/contracts', { headers: { authorization: `Bearer ${maxar.body.access_token}` } });
    expect(onOneAtlas.status).toBe(401);
    const oa = await ctx.c.form('/auth/realms/IDP/protocol/openid-connect/token', { apikey: 'sandbox-oneatlas-key', grant_type: 'api_key', client_id: 'IDP' });
    const onMaxar = await ctx.c.raw('/maxar/api/v1/admin/account/557471230760500000', { headers: { authorization: `Bearer ${oa.body.access_token}` } });
    expect(onMaxar.status).toBe(401);
    expect(onMaxar.body).toEqual({ message: expect.stringMatching(/^Unauthorized/) });
  });

  it('logs a Maxar user in with a password grant (form or JSON) and renews with the refresh token', async () => {
    const form = await ctx.c.form('/maxar/api/v1/auth/authenticate', LOGIN);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) });
    const json = await ctx.c.raw('/maxar/api/v1/auth/authenticate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LOGIN) });
    expect(json.status).toBe(200);
    const renewed = await ctx.c.form('/maxar/api/v1/auth/authenticate', { grant_type: 'refresh_token', refresh_token: form.body.refresh_token });
    expect(renewed.status).toBe(200);
    const self = await ctx.c.raw('/maxar/api/v1/auth/self', { headers: { authorization: `Bearer ${renewed.body.access_token}` } });
    expect(self.body.user).toMatchObject({ account_id: '557471230760500000', username: LOGIN.username, admin: false });
  });

  it('answers 401 to a wrong Maxar password or refresh token, 400 to another grant', async () => {
    expect((await ctx.c.form('/maxar/api/v1/auth/authenticate', { ...LOGIN, password: 'nope' })).status).toBe(401);
    expect((await ctx.c.form('/maxar/api/v1/auth/authenticate', { grant_type: 'refresh_token', refresh_token: 'nope' })).status).toBe(401);
    expect((await ctx.c.form('/maxar/api/v1/auth/authenticate', { grant_type: 'client_credentials' })).status).toBe(400);
  });

  it('uses the token-lifetime knob for tokens issued after it changes', async () => {
    ctx.sb.knobs.tokenLifetimeSec = 5;
    const r = await ctx.c.form('/maxar/api/v1/auth/authenticate', LOGIN);
    expect(r.body.expires_in).toBe(5);
  });
});
