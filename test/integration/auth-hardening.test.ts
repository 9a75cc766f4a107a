import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, SignJWT } from 'jose';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { rawRequest, startForwardingProxy } from '../support/forwarding-proxy.ts';
import argon2 from 'argon2';

/** TRUST_PROXY=1: each test plays its clients' addresses through X-Forwarded-For. */
let app: TestApp;
/** TRUST_PROXY=0 (the default). */
let direct: TestApp;
let closed: TestApp;

const PASSWORD = 'верный-пароль-1';
/**
 * Users that need no registration are inserted with an argon2id hash of low cost: login verifies
 * it the real way, in milliseconds instead of the deliberate ~100 ms (seconds on a loaded CI machine).
 */
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  [app, direct, closed] = await Promise.all([
    createTestApp({ env: { TRUST_PROXY: '1', REGISTRATION_LIMIT_PER_HOUR: '5' } }),
    createTestApp({ env: { REGISTRATION_LIMIT_PER_HOUR: '5' } }),
    createTestApp({ env: { REGISTRATION: 'closed' } }),
  ]);
});
afterAll(() => Promise.all([app?.close(), direct?.close(), closed?.close()]));

let lastIp = 0;
/** A client address never used before, so no limit carries over from another test. */
const freshIp = () => `10.0.${++lastIp >> 8}.${lastIp & 255}`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
const login = (email: string, password: string, ip: string, client = app.client()) => client.post('/api/auth/login', { email, password }, from(ip));
const token = (client: HttpTestClient) => client.cookieHeader().replace('sid=', '');
const hits = async (key: string, target = app) =>
  (await target.c.pool.query<{ hits: number }>('select hits from auth_limit where key = $1', [key])).rows[0]?.hits ?? 0;

/** A seeded user signed in by `client` (its own session). */
async function signedIn(client: HttpTestClient, email: string) {
  await seedUser(email);
  const res = await login(email, PASSWORD, freshIp(), client);
  expect(res.status, res.text).toBe(200);
  return res.body.user as { id: string; tenant: { id: string } };
}

/** A user with PASSWORD, written straight into the database (no hash to compute, no limit to spend). */
async function seedUser(email: string, target = app) {
  await target.c.pool.query(
    `with t as (insert into tenant (name) values ('Тест') returning id)
     insert into app_user (tenant_id, email, name, password_hash, role) select id, $1, 'Тест', $2, 'member' from t`,
    [email, passwordHash],
  );
}
const setHits = (key: string, n: number, target = app) =>
  target.c.pool.query("insert into auth_limit (key, hits, window_ends_at) values ($1, $2, now() + interval '15 minutes') on conflict (key) do update set hits = $2", [key, n]);

async function opLogHas(text: string) {
  const { rows } = await app.c.pool.query("select 1 from log_entry where source = 'auth' and message like $1", [`%${text}%`]);
  return rows.length > 0;
}

describe('login throttle', () => {
  it('100 concurrent logins from one address, 99 wrong: exactly 5 passwords are checked, the right one after the limit gets 429', async () => {
    const email = 'burst@example.ru';
    await seedUser(email);
    const ip = freshIp();
    let limitReached!: () => void;
    const refused = new Promise<void>((r) => (limitReached = r));
    const wrong = Array.from({ length: 99 }, (_, i) =>
      login(email, `неверный-${i}`, ip).then((res) => {
        if (res.status === 429) limitReached();
        return res;
      }),
    );
    // The right password joins the burst once a 429 proves the limit is reached, so the expectation
    // does not depend on the order in which the database happened to serialise the attempts.
    const right = refused.then(() => login(email, PASSWORD, ip));
    const statuses = (await Promise.all(wrong)).map((r) => r.status);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(94);
    const late = await right;
    expect(late.status).toBe(429);
    expect(late.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(late.body.error.message).toMatch(/Слишком много неудачных попыток входа\. Повторите через 15 мин\./);
    const wait = Number(late.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(800);
    expect(wait).toBeLessThanOrEqual(900);
    expect(await hits(`login:pair:${email}|${ip}`)).toBe(5);
    expect(await hits(`login:account:${email}`)).toBe(5);
  });

  it('spraying: 100 concurrent guesses from 100 addresses stop at 20 failures of the account, then it is locked everywhere', async () => {
    const email = 'spray@example.ru';
    await seedUser(email);
    await seedUser('neighbour@example.ru');
    // 17 failures already spent from elsewhere (checking 20 real passwords would only cost time).
    await setHits(`login:account:${email}`, 17);
    const statuses = (await Promise.all(Array.from({ length: 100 }, (_, i) => login(email, `угадай-${i}`, freshIp())))).map((r) => r.status);
    expect(count(statuses, 401)).toBe(3);
    expect(count(statuses, 429)).toBe(97);
    expect(await hits(`login:account:${email}`)).toBe(20);
    // The refused guesses are no failures of their addresses.
    const { rows } = await app.c.pool.query("select count(*)::int as n from auth_limit where key like 'login:pair:spray@example.ru|%' and hits > 0");
    expect(rows[0].n).toBe(3);

    const locked = await login(email, PASSWORD, freshIp());
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('в эту учётную запись');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await login('neighbour@example.ru', PASSWORD, freshIp())).status).toBe(200);

    await app.c.pool.query("update auth_limit set window_ends_at = now() - interval '1 second' where key = $1", [`login:account:${email}`]);
    expect((await login(email, PASSWORD, freshIp())).status).toBe(200);
  });

  it('a successful login forgives the failures of its address only, not those of the account', async () => {
    const email = 'forgive@example.ru';
    await seedUser(email);
    const [home, elsewhere] = [freshIp(), freshIp()];
    for (let i = 0; i < 2; i++) expect((await login(email, 'нет', home)).status).toBe(401);
    expect((await login(email, 'нет', elsewhere)).status).toBe(401);
    expect((await login(email, PASSWORD, home)).status).toBe(200);
    expect(await hits(`login:pair:${email}|${home}`)).toBe(0);
    expect(await hits(`login:pair:${email}|${elsewhere}`)).toBe(1);
    // Three failures; the success is not one.
    expect(await hits(`login:account:${email}`)).toBe(3);
  });
});

describe('TRUST_PROXY', () => {
  it('=1: the address the proxy appends is the client; a spoofed X-Forwarded-For cannot choose the throttle key', async () => {
    const email = 'proxy@example.ru';
    await seedUser(email);
    const proxy = await startForwardingProxy(app.url);
    try {
      const attempt = (localAddress: string, spoofed: string, password = 'не-тот') =>
        rawRequest(proxy.url, { path: '/api/auth/login', localAddress, headers: { origin: app.url, 'x-forwarded-for': spoofed }, body: { email, password } });
      expect((await attempt('127.0.0.5', '1.2.3.4')).status).toBe(401);
      expect((await attempt('127.0.0.5', '9.9.9.9')).status).toBe(401);
      const { rows } = await app.c.pool.query("select key, hits from auth_limit where key like 'login:pair:proxy@example.ru|%'");
      expect(rows).toEqual([{ key: `login:pair:${email}|127.0.0.5`, hits: 2 }]);
      await setHits(`login:pair:${email}|127.0.0.5`, 5);
      // A new spoofed value from the same client: the same key, refused.
      expect((await attempt('127.0.0.5', '5.6.7.8', PASSWORD)).status).toBe(429);
      // Another client sending the same spoofed value is somebody else.
      expect((await attempt('127.0.0.6', '1.2.3.4', PASSWORD)).status).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('=0: X-Forwarded-For is ignored, the connection\'s address is the client', async () => {
    const email = 'direct@example.ru';
    await seedUser(email, direct);
    for (let i = 0; i < 2; i++) expect((await login(email, 'нет', freshIp(), direct.client())).status).toBe(401);
    const { rows } = await direct.c.pool.query("select key, hits from auth_limit where key like 'login:pair:%'");
    expect(rows).toEqual([{ key: `login:pair:${email}|127.0.0.1`, hits: 2 }]);
  });
});

describe('password change', () => {
  it('ends every other session of the user, keeps the current one, and writes the operation log', async () => {
    const email = 'change@example.ru';
    const a = app.client();
    await signedIn(a, email);
    const b = app.client();
    expect((await login(email, PASSWORD, freshIp(), b)).status).toBe(200);
    const copied = b.cookieHeader();
    const res = await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'новый-пароль-2' }, from(freshIp()));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ endedSessions: 1 });
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await fetch(`${app.url}/api/auth/me`, { headers: { cookie: copied } })).status).toBe(401);
    expect((await login(email, PASSWORD, freshIp())).status).toBe(401);
    expect((await login(email, 'новый-пароль-2', freshIp())).status).toBe(200);
    expect(await opLogHas(`${email} сменил пароль; завершено других сеансов: 1`)).toBe(true);
  });

  it('refuses a wrong current password, a reused and a short new one with 422 on the field', async () => {
    const email = 'refuse@example.ru';
    const a = app.client();
    await signedIn(a, email);
    const ip = freshIp();
    const change = (body: object) => a.post('/api/auth/password', body, from(ip));
    const wrong = await change({ currentPassword: 'не-тот', newPassword: 'новый-пароль-2' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    expect(wrong.body.error.details.fields).toEqual({ currentPassword: 'Неверный текущий пароль' });
    const reused = await change({ currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(reused.status).toBe(422);
    expect(reused.body.error.details.fields.newPassword).toBe('Новый пароль должен отличаться от текущего');
    const short = await change({ currentPassword: PASSWORD, newPassword: '1234567' });
    expect(short.status).toBe(422);
    expect(short.body.error.details.fields.newPassword).toMatch(/не короче 8/);
    expect((await app.client().post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'новый-пароль-2' })).status).toBe(401);
    // Nothing changed.
    expect((await login(email, PASSWORD, freshIp())).status).toBe(200);
  });

  it('counts a wrong current password like a failed login: once the limit is spent, even the right one gets 429', async () => {
    const email = 'guess@example.ru';
    const a = app.client();
    await signedIn(a, email);
    const ip = freshIp();
    const change = (currentPassword: string) => a.post('/api/auth/password', { currentPassword, newPassword: 'новый-пароль-2' }, from(ip));
    expect((await change('нет')).status).toBe(422);
    expect(await hits(`login:pair:${email}|${ip}`)).toBe(1);
    expect(await hits(`login:account:${email}`)).toBe(1);
    await setHits(`login:pair:${email}|${ip}`, 5);
    const blocked = await change(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await login(email, PASSWORD, ip)).status).toBe(429);
  });
});

describe('sessions', () => {
  it('«выйти на всех устройствах» ends every session of the user, this one included, and clears the cookie', async () => {
    const email = 'everywhere@example.ru';
    const [a, b, stranger] = [app.client(), app.client(), app.client()];
    await signedIn(a, email);
    await signedIn(stranger, 'stranger@example.ru');
    expect((await login(email, PASSWORD, freshIp(), b)).status).toBe(200);
    const copied = a.cookieHeader();
    const res = await a.post('/api/auth/logout-all');
    expect(res.status).toBe(204);
    expect(res.setCookie.find((c) => c.startsWith('sid='))).toMatch(/^sid=;.*expires=Thu, 01 Jan 1970/i);
    expect((await fetch(`${app.url}/api/auth/me`, { headers: { cookie: copied } })).status).toBe(401);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await stranger.get('/api/auth/me')).status).toBe(200);
    expect(await opLogHas(`${email} вышел на всех устройствах; завершено сеансов: 2`)).toBe(true);
  });

  it('no session outlives SESSION_MAX_DAYS (30) from its login, however active', async () => {
    const a = app.client();
    await signedIn(a, 'old@example.ru');
    expect((await a.get('/api/auth/me')).status).toBe(200);
    const jti = decodeJwt(token(a)).jti;
    await app.c.pool.query("update user_session set created_at = now() - interval '30 days 1 minute' where id = $1", [jti]);
    const me = await a.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.setCookie.find((c) => c.startsWith('sid='))).toMatch(/^sid=;/);
  });

  it('sliding renewal stops at the absolute cap', async () => {
    const a = app.client();
    const user = await signedIn(a, 'cap@example.ru');
    const jti = decodeJwt(token(a)).jti!;
    const { rows } = await app.c.pool.query("update user_session set created_at = now() - interval '30 days' + interval '1 hour' where id = $1 returning created_at", [jti]);
    const cap = Math.floor((rows[0].created_at.getTime() + 30 * 86400_000) / 1000);
    // The same session with a token about to expire: past half of its life, so it is renewed.
    const now = Math.floor(Date.now() / 1000);
    const old = await new SignJWT({ tid: user.tenant.id }).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setJti(jti)
      .setIssuedAt(now - 11 * 3600).setExpirationTime(now + 1800).sign(new TextEncoder().encode(app.config.SESSION_SECRET));
    const res = await fetch(`${app.url}/api/auth/me`, { headers: { cookie: `sid=${old}` } });
    expect(res.status).toBe(200);
    const renewed = res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
    // Renewed up to the cap (in an hour), not for the full 12 hours.
    expect(decodeJwt(renewed.slice(4).split(';')[0]!).exp).toBe(cap);
    const { rows: stored } = await app.c.pool.query('select expires_at from user_session where id = $1', [jti]);
    expect(Math.floor(stored[0].expires_at.getTime() / 1000)).toBe(cap);
  });
});

describe('CSRF origin', () => {
  it('comes from PUBLIC_URL only: a forged Host (or X-Forwarded-Host) with a matching Origin is refused', async () => {
    const a = app.client();
    await signedIn(a, 'csrf@example.ru');
    const cookie = a.cookieHeader();
    const send = (path: string, headers: Record<string, string>, body?: object) => rawRequest(app.url, { path, headers, body });
    const forged = await send('/api/auth/logout-all', { host: 'evil.example', origin: 'http://evil.example', cookie });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CSRF_REJECTED');
    const viaProxyHeader = await send('/api/auth/logout-all', { 'x-forwarded-host': 'evil.example', origin: 'http://evil.example', cookie });
    expect(viaProxyHeader.status).toBe(403);
    const loginCsrf = await send('/api/auth/login', { host: 'evil.example', origin: 'http://evil.example' }, { email: 'csrf@example.ru', password: PASSWORD });
    expect(loginCsrf.status).toBe(403);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    // The same forged Host with our own origin passes: only the origin matters.
    expect((await send('/api/auth/logout', { host: 'evil.example', origin: app.url, cookie })).status).toBe(204);
  });
});

describe('registration', () => {
  it('REGISTRATION=closed: only the first user of an empty installation gets in, then 403 in Russian', async () => {
    const register = (email: string) => closed.client().post('/api/auth/register', { email, password: PASSWORD, name: 'Тест' });
    const both = await Promise.all([register('first-a@example.ru'), register('first-b@example.ru')]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 403]);
    const first = both.find((r) => r.status === 201)!;
    expect(first.body.user.role).toBe('admin');
    const later = await register('later@example.ru');
    expect(later.status).toBe(403);
    expect(later.body.error).toEqual({ code: 'REGISTRATION_CLOSED', message: 'Регистрация закрыта администратором' });
    const { rows } = await closed.c.pool.query('select count(*)::int as n from app_user');
    expect(rows[0].n).toBe(1);
    expect((await closed.client().post('/api/auth/login', { email: first.body.user.email, password: PASSWORD })).status).toBe(200);
  });

  it('5 registration attempts per address per hour, counted atomically: 20 at once make 5 accounts and 15 × 429', async () => {
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.client().post('/api/auth/register', { email: `mass-${i}@example.ru`, password: PASSWORD, name: 'Тест' }, from(ip))),
    );
    const statuses = results.map((r) => r.status);
    expect(count(statuses, 201)).toBe(5);
    expect(count(statuses, 429)).toBe(15);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body.error.code).toBe('TOO_MANY_REGISTRATIONS');
    expect(refused.body.error.message).toMatch(/^Слишком много регистраций с вашего адреса\. Повторите через 60 мин\.$/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    // Another address is not affected.
    expect((await app.client().post('/api/auth/register', { email: 'next-door@example.ru', password: PASSWORD, name: 'Тест' }, from(freshIp()))).status).toBe(201);
  });
});
