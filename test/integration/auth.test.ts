import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ env: { ADMIN_EMAIL: 'boss@example.ru' } });
});
afterAll(() => app.close());

describe('registration', () => {
  it('makes the first user of an empty installation a platform admin, owning a new tenant', async () => {
    const client = app.client();
    const res = await client.post('/api/auth/register', { email: '  First@Example.RU ', password: 'пароль123', name: 'Первый' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'first@example.ru', name: 'Первый', role: 'admin', tenant: { name: 'Первый' } });
    const cookie = res.setCookie.find((c) => c.startsWith('sid='))!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
    expect(cookie).toMatch(/expires=/i);
    expect(cookie).not.toMatch(/secure/i); // PUBLIC_URL is http here
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: res.body.user.id, email: 'first@example.ru', name: 'Первый', role: 'admin', tenant: res.body.user.tenant, blocked: null });
  });

  it('makes later users members, except ADMIN_EMAIL', async () => {
    const member = await app.client().register('second@example.ru');
    expect(member.role).toBe('member');
    const boss = await app.client().register('BOSS@example.ru');
    expect(boss.role).toBe('admin');
    expect(boss.tenant.id).not.toBe(member.tenant.id);
  });

  it('refuses a duplicate email (after normalisation) with 409 and a Russian message on the field', async () => {
    const res = await app.client().post('/api/auth/register', { email: 'SECOND@example.ru', password: 'пароль123', name: 'Дубль' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect(res.body.error.message).toMatch(/[а-я]/);
    expect(res.body.error.details.fields.email).toBeTruthy();
  });

  it('refuses a short password with 422 pointing at the field', async () => {
    const res = await app.client().post('/api/auth/register', { email: 'short@example.ru', password: '1234567', name: 'Коротко' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields.password).toMatch(/8/);
  });

  it('refuses a malformed email and a missing name', async () => {
    const res = await app.client().post('/api/auth/register', { email: 'не-почта', password: 'пароль123' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['email', 'name']);
  });
});

describe('login and logout', () => {
  it('logs in, reads me, logs out', async () => {
    await app.client().register('login@example.ru', 'Вход', 'верный-пароль');
    const client = app.client();
    const res = await client.post('/api/auth/login', { email: 'Login@Example.ru', password: 'верный-пароль' });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('login@example.ru');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const out = await client.post('/api/auth/logout');
    expect(out.status).toBe(204);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error).toEqual({ code: 'UNAUTHORIZED', message: 'Требуется вход в систему' });
  });

  it('answers a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await app.client().post('/api/auth/login', { email: 'login@example.ru', password: 'не-тот' });
    const unknown = await app.client().post('/api/auth/login', { email: 'nobody@example.ru', password: 'не-тот' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('Неверный email или пароль');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('throttles after 5 failures for one email and IP, even for the right password', async () => {
    await app.client().register('throttle@example.ru', 'Т', 'верный-пароль');
    for (let i = 0; i < 5; i++) {
      expect((await app.client().post('/api/auth/login', { email: 'throttle@example.ru', password: `нет-${i}` })).status).toBe(401);
    }
    const blocked = await app.client().post('/api/auth/login', { email: 'throttle@example.ru', password: 'верный-пароль' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another email from the same IP is not affected.
    expect((await app.client().post('/api/auth/login', { email: 'login@example.ru', password: 'верный-пароль' })).status).toBe(200);
    // The window passing lifts the block.
    await app.c.pool.query("update auth_limit set window_ends_at = now() - interval '1 second'");
    expect((await app.client().post('/api/auth/login', { email: 'throttle@example.ru', password: 'верный-пароль' })).status).toBe(200);
  });

  it('stores argon2id hashes, never the password', async () => {
    const { rows } = await app.c.pool.query("select password_hash from app_user where email = 'login@example.ru'");
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain('верный-пароль');
  });
});

describe('session cookie', () => {
  it('rejects a forged or tampered token', async () => {
    const client = app.client();
    await client.register('forge@example.ru');
    const token = client.cookieHeader().replace('sid=', '');
    const [h, p, s] = token.split('.');
    const forged = `${h}.${p}.${s!.slice(0, -2)}xx`;
    const res = await fetch(`${app.url}/api/auth/me`, { headers: { cookie: `sid=${forged}` } });
    expect(res.status).toBe(401);
  });

  it('renews a session past half of its life (sliding expiry)', async () => {
    const client = app.client();
    const user = await client.register('slide@example.ru');
    const { decodeJwt, SignJWT } = await import('jose');
    const jti = decodeJwt(client.cookieHeader().replace('sid=', '')).jti!;
    // The same session, but a token issued long ago and about to expire.
    const now = Math.floor(Date.now() / 1000);
    const old = await new SignJWT({ tid: user.tenant.id }).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setJti(jti)
      .setIssuedAt(now - 11 * 3600).setExpirationTime(now + 3600).sign(new TextEncoder().encode(app.config.SESSION_SECRET));
    const res = await fetch(`${app.url}/api/auth/me`, { headers: { cookie: `sid=${old}` } });
    expect(res.status).toBe(200);
    const renewed = res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
    expect(decodeJwt(renewed.slice(4).split(';')[0]!).exp!).toBeGreaterThan(now + 11 * 3600);
  });

  it('logout ends the session on the server: a copied token stops working', async () => {
    const client = app.client();
    await client.register('revoke@example.ru');
    const copied = client.cookieHeader();
    expect((await fetch(`${app.url}/api/auth/me`, { headers: { cookie: copied } })).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await fetch(`${app.url}/api/auth/me`, { headers: { cookie: copied } })).status).toBe(401);
  });

  it('a second login is a second session; logging out of one keeps the other', async () => {
    await app.client().register('two@example.ru', 'Два', 'пароль-два-раза');
    const a = app.client();
    const b = app.client();
    await a.post('/api/auth/login', { email: 'two@example.ru', password: 'пароль-два-раза' });
    await b.post('/api/auth/login', { email: 'two@example.ru', password: 'пароль-два-раза' });
    await a.post('/api/auth/logout');
    expect((await a.get('/api/auth/me')).status).toBe(401);
    expect((await b.get('/api/auth/me')).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('rejects a cookie-authenticated write from another origin', async () => {
    const client = app.client();
    await client.register('csrf@example.ru');
    const res = await client.post('/api/connections', { plugin: 'x', name: 'y', credentials: {} }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_REJECTED');
    const noOrigin = await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie: client.cookieHeader() } });
    expect(noOrigin.status).toBe(403);
  });

  it('rejects a login posted from another origin', async () => {
    const res = await app.client().post('/api/auth/login', { email: 'csrf@example.ru', password: 'x' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('errors', () => {
  it('answers unknown API routes and bad JSON in the error format, in Russian', async () => {
    const client = app.client();
    const nf = await client.get('/api/nope');
    expect(nf.status).toBe(404);
    expect(nf.body.error.message).toMatch(/[а-я]/);
    const bad = await client.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_JSON');
    expect(bad.body.error.message).toMatch(/[а-я]/);
  });

  it('sets security headers and a request id', async () => {
    const res = await app.client().get('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
