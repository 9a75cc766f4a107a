import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { effectiveBackground, latinWordsOnPage, launchBrowser, luminance, shareSession, type TestBrowser } from './browser.ts';

let app: TestApp;
let browser: TestBrowser & { problems: string[] };
let page: Page;

const user = { email: 'olga@example.ru', name: 'Ольга Петрова', password: 'старый-пароль-1' };
const NEW_PASSWORD = 'новый-пароль-2024';

beforeAll(async () => {
  app = await createTestApp({ serveEditor: true });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openMenuItem(name: string, shot?: string) {
  await page.getByRole('button', { name: 'Меню пользователя' }).click();
  await page.getByRole('menu').waitFor();
  if (shot) await browser.shot(shot);
  await page.getByRole('menuitem', { name }).click();
}

async function expectRussianOnly() {
  expect(await latinWordsOnPage(page), `Latin words on ${page.url()}`).toEqual([]);
}

describe('password change and «выйти на всех устройствах» from the user menu', () => {
  it('changes the password through the dialog: Russian validation, the server\'s field error, a success toast', async () => {
    const client = app.client();
    await client.register(user.email, user.name, user.password);
    const elsewhere = app.client();
    expect((await elsewhere.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200);
    await shareSession(browser.context, client);
    await page.goto(app.url + '/');
    await page.getByRole('heading', { name: 'Обзор', level: 1 }).waitFor();

    await openMenuItem('Сменить пароль', 'user-menu-account-actions');
    const dialog = page.getByRole('dialog', { name: 'Смена пароля' });
    await dialog.waitFor();
    // Dark, like the rest of the app.
    expect(luminance(await effectiveBackground(page, '[role="dialog"]'))!).toBeLessThan(0.05);

    await dialog.getByRole('button', { name: 'Сменить пароль' }).click();
    await dialog.getByText('Введите текущий пароль').waitFor();
    expect(await dialog.innerText()).toContain('Введите новый пароль');

    await dialog.getByLabel('Текущий пароль').fill('совсем-не-тот');
    await dialog.getByLabel('Новый пароль', { exact: true }).fill(NEW_PASSWORD);
    await dialog.getByLabel('Повторите новый пароль').fill(NEW_PASSWORD + '!');
    await dialog.getByRole('button', { name: 'Сменить пароль' }).click();
    await dialog.getByText('Пароли не совпадают').waitFor();

    await dialog.getByLabel('Повторите новый пароль').fill(NEW_PASSWORD);
    await dialog.getByRole('button', { name: 'Сменить пароль' }).click();
    // The server checks the current password and points at the field.
    await page.locator('#change-password-currentPassword-error').getByText('Неверный текущий пароль').waitFor();
    await expectRussianOnly();
    await browser.shot('change-password-dialog');

    await dialog.getByLabel('Текущий пароль').fill(user.password);
    await dialog.getByRole('button', { name: 'Сменить пароль' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const toast = page.getByTestId('account-notice');
    await toast.waitFor();
    expect(await toast.innerText()).toContain('Пароль изменён. Завершено других сеансов: 1');
    await expectRussianOnly();
    await browser.shot('change-password-done');

    // This browser stays signed in; the other session is over.
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
  });

  it('signs in with the new password, not the old one', async () => {
    await page.getByRole('button', { name: 'Меню пользователя' }).click();
    await page.getByRole('menuitem', { name: 'Выйти', exact: true }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Электронная почта').fill(user.email);
    await page.getByLabel('Пароль', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('.auth-card').getByText('Неверный email или пароль').waitFor();
    await page.getByLabel('Пароль', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(app.url + '/');
    await page.getByRole('heading', { name: 'Обзор', level: 1 }).waitFor();
  });

  it('«Выйти на всех устройствах» asks first, then ends every session and opens the login page', async () => {
    const other = app.client();
    expect((await other.post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
    await openMenuItem('Выйти на всех устройствах');
    const confirm = page.getByRole('alertdialog', { name: 'Выйти на всех устройствах?' });
    await confirm.waitFor();
    await expectRussianOnly();
    await browser.shot('logout-everywhere-confirm');
    await confirm.getByRole('button', { name: 'Выйти везде' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    expect((await other.get('/api/auth/me')).status).toBe(401);
    await page.goto(app.url + '/rules');
    await page.waitForURL(/\/login\?next=%2Frules$/);
    expect(browser.problems).toEqual([]);
  });
});
