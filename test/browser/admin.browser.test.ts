import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import lptracker from '../../plugins/lptracker/index.ts';
import { plugins as installedPlugins } from '../../plugins/index.ts';
import { startLptSimulator, type LptSimulator } from '../../plugins/lptracker/simulator/lpt-simulator.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { latinWordsOnPage, launchBrowser, shareSession, type TestBrowser } from './browser.ts';

// Until LPTracker is in the installed list, the test installs it next to the others.
const plugins = installedPlugins.some((p) => p.id === 'lptracker') ? installedPlugins : [...installedPlugins, lptracker];

let app: TestApp;
let sim: LptSimulator;
let admin: HttpTestClient;
let member: HttpTestClient;
let adminBrowser: TestBrowser & { problems: string[] };
let memberBrowser: TestBrowser & { problems: string[] };
let page: Page;
let tenantId: string;

const REASON = 'Не оплачен счёт за декабрь';

beforeAll(async () => {
  [app, sim, adminBrowser, memberBrowser] = await Promise.all([createTestApp({ plugins, serveEditor: true }), startLptSimulator(), launchBrowser(), launchBrowser()]);
  // One project: the binding's test loads 2 + 3 requests per project at LPTracker's 3 per second.
  for (const id of [...sim.state.projects.keys()].slice(1)) sim.state.projects.delete(id);
  admin = app.client();
  member = app.client();
  await admin.register('admin@platform.ru', 'Анна Админова');
  const res = await member.request('POST', '/api/auth/register', { email: 'olga@romashka.ru', password: 'пароль-надёжный', name: 'Ольга', company: 'Ромашка' });
  tenantId = res.body.user.tenant.id;
  for (const [email, company] of [['ivan@vasilek.ru', 'Василёк'], ['petr@lutik.ru', 'Лютик']]) {
    await app.client().request('POST', '/api/auth/register', { email, password: 'пароль-надёжный', name: 'Коллега', company });
  }
  await shareSession(adminBrowser.context, admin);
  await shareSession(memberBrowser.context, member);
  page = adminBrowser.page;
});
afterAll(async () => {
  await adminBrowser?.close();
  await memberBrowser?.close();
  await app?.close();
  await sim?.close();
});

const drawer = () => page.getByTestId('admin-tenant-drawer');
const lpt = () => drawer().getByTestId('admin-lptracker');

async function expectRussianOnly(p: Page = page) {
  expect(await latinWordsOnPage(p), `Latin words on ${p.url()}`).toEqual([]);
}

async function shotBoth(name: string, p: Page = page, browser = adminBrowser) {
  await browser.shot(`${name}-1440`, p);
  await p.setViewportSize({ width: 1280, height: 720 });
  await browser.shot(`${name}-1280`, p);
  await p.setViewportSize({ width: 1440, height: 900 });
}

describe('«Администрирование»', () => {
  it('the admin opens it from the sidebar and finds a tenant by search (kept in the URL)', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('heading', { name: 'Администрирование', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('admin-tenant-row').count()).toBe(4);
    await expectRussianOnly();
    await shotBoth('admin-tenants');

    await page.getByRole('textbox', { name: 'Поиск по названию или email пользователя' }).fill('ромаш');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('ромаш');
    await expect.poll(() => page.getByTestId('admin-tenant-row').count()).toBe(1);
    const row = page.getByTestId('admin-tenant-row').first();
    expect(await row.getAttribute('data-tenant-id')).toBe(tenantId);
    expect(await row.getByTestId('admin-tenant-lptracker').getAttribute('data-status')).toBe('none');

    // By a user's email too.
    await page.getByRole('textbox', { name: 'Поиск по названию или email пользователя' }).fill('petr@lutik');
    await expect.poll(async () => page.getByTestId('admin-tenant-row').first().innerText()).toContain('Лютик');
    await page.getByRole('textbox', { name: 'Поиск по названию или email пользователя' }).fill('Ромашка');
    await expect.poll(async () => (await page.getByTestId('admin-tenant-row').allInnerTexts()).join()).toContain('Ромашка');
  });

  it('opens the tenant card: users with roles, no connections, no runs', async () => {
    await page.getByTestId('admin-tenant-row').first().click();
    await drawer().waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('tenant')).toBe(tenantId);
    await drawer().getByRole('heading', { name: 'Ромашка' }).waitFor();
    expect(await drawer().getByTestId('admin-user-row').count()).toBe(1);
    expect(await drawer().getByTestId('admin-user-role').innerText()).toBe('Участник');
    await drawer().getByText('Подключений нет').waitFor();
    await expectRussianOnly();
    await shotBoth('admin-tenant-card');
  });

  it('promotes the tenant\'s user to admin and back, each after a confirmation', async () => {
    const role = () => drawer().getByTestId('admin-user-role').innerText();
    await drawer().getByTestId('admin-user-role-toggle').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Назначить' }).click();
    await expect.poll(role).toBe('Администратор платформы');
    expect((await member.get('/api/auth/me')).body.role).toBe('admin');
    await drawer().getByTestId('admin-user-role-toggle').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Снять права' }).click();
    await expect.poll(role).toBe('Участник');
    expect((await member.get('/api/auth/me')).body.role).toBe('member');
  });

  it('binds LPTracker: a wrong password is refused with the reason, the right one binds', async () => {
    const form = lpt().getByTestId('admin-lptracker-form');
    await form.getByLabel('Логин').fill(sim.login);
    await form.getByLabel('Пароль', { exact: true }).fill('неверный-пароль');
    expect(await form.getByLabel('Пароль', { exact: true }).getAttribute('type')).toBe('password');
    await form.getByTestId('admin-lptracker-advanced').click();
    await form.getByLabel('Адрес API').fill(sim.url);
    await form.getByTestId('admin-lptracker-submit').click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Не удалось привязать/);
    await expectRussianOnly();
    await shotBoth('admin-lptracker-refused');

    await form.getByLabel('Пароль', { exact: true }).fill(sim.password);
    await form.getByTestId('admin-lptracker-submit').click();
    const binding = lpt().getByTestId('admin-lptracker-binding');
    await binding.waitFor({ timeout: 20_000 });
    await expect.poll(() => binding.getAttribute('data-status')).toBe('ok');
    expect(await binding.innerText()).toContain('/hooks/');
    await drawer().getByTestId('admin-connection').filter({ hasText: 'LPTracker' }).waitFor();
    // The list behind shows the binding too.
    await expect.poll(() => page.getByTestId('admin-tenant-row').first().getByTestId('admin-tenant-lptracker').getAttribute('data-status')).toBe('ok');
    await expectRussianOnly();
    await shotBoth('admin-lptracker-bound');
  });

  it('«Проверить подключение» tests it', async () => {
    const before = sim.stats.logins;
    await lpt().getByTestId('admin-lptracker-test').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Подключение LPTracker работает' }).waitFor({ timeout: 20_000 });
    expect(sim.stats.logins).toBeGreaterThan(before);
  });

  it('blocks with a reason: the member sees the banner and no admin entry, and a polite 403 at /admin', async () => {
    await drawer().getByTestId('admin-block').click();
    const dialog = page.getByTestId('admin-block-dialog');
    await dialog.getByTestId('admin-block-reason').fill(REASON);
    await shotBoth('admin-block-dialog');
    await dialog.getByTestId('admin-block-confirm').click();
    await drawer().getByTestId('admin-blocked-callout').waitFor();
    expect(await drawer().getByTestId('admin-blocked-callout').innerText()).toContain(REASON);
    await expect.poll(() => page.getByTestId('admin-tenant-blocked').count()).toBe(1);

    const m = memberBrowser.page;
    await m.goto(`${app.url}/`);
    const banner = m.getByTestId('tenant-blocked-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`Пространство заблокировано администратором: ${REASON}`);
    expect(await m.getByRole('link', { name: 'Администрирование' }).count()).toBe(0);
    await m.getByRole('link', { name: 'Логи' }).waitFor();
    await expectRussianOnly(m);
    await shotBoth('member-blocked-banner', m, memberBrowser);

    await m.goto(`${app.url}/admin`);
    await m.getByTestId('admin-forbidden').waitFor();
    expect(await m.getByRole('heading', { name: 'Раздел только для администраторов платформы' }).count()).toBe(1);
    expect(await m.getByTestId('admin-tenant-row').count()).toBe(0);
    await expectRussianOnly(m);
    await shotBoth('member-admin-403', m, memberBrowser);
  });

  it('unblocks after a confirmation', async () => {
    await drawer().getByTestId('admin-unblock').click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Разблокировать' }).click();
    await drawer().getByTestId('admin-block').waitFor();
    expect(await drawer().getByTestId('admin-blocked-callout').count()).toBe(0);
    expect((await member.get('/api/auth/me')).body.blocked).toBeNull();
  });

  it('unbinds LPTracker after a confirmation; the operation log names the admin', async () => {
    await lpt().getByTestId('admin-lptracker-unbind').click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.innerText()).toContain('Отвязать LPTracker от «Ромашка»?');
    await confirm.getByRole('button', { name: 'Отвязать' }).click();
    await lpt().getByTestId('admin-lptracker-form').waitFor();
    expect(await lpt().getByTestId('admin-lptracker-binding').count()).toBe(0);
    expect((await member.get('/api/connections')).body.items).toEqual([]);
    const log = ((await member.get('/api/logs?source=admin')).body.items as { message: string }[]).map((e) => e.message);
    expect(log.filter((m) => m.startsWith('Администратор admin@platform.ru ')).length).toBeGreaterThanOrEqual(5);
    // The confirmation must be gone first, or Escape would go to it while it closes.
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer().count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('tenant')).toBeNull();
    expect(adminBrowser.problems).toEqual([]);
    expect(memberBrowser.problems).toEqual([]);
  });
});
