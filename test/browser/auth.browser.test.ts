import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { effectiveBackground, latinWordsIn, latinWordsOnPage, launchBrowser, luminance, uniqueEmail, type TestBrowser } from './browser.ts';

let app: TestApp;
let browser: TestBrowser & { problems: string[] };
let page: Page;

const user = { name: 'Анна Смирнова', company: 'ООО «Ромашка»', email: uniqueEmail('anna'), password: 'надёжный-пароль-42' };

beforeAll(async () => {
  app = await createTestApp({ serveEditor: true });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function expectDarkTheme() {
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  const root = page.locator('.radix-themes').first();
  await expect.poll(() => root.getAttribute('class')).toMatch(/\bdark\b/);
  expect(await root.getAttribute('class')).not.toMatch(/\blight\b/);
  const bodyBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const rootBg = await effectiveBackground(page, '.radix-themes');
  for (const bg of [bodyBg, rootBg]) {
    const l = luminance(bg);
    expect(l, `background ${bg} must be dark`).not.toBeNull();
    expect(l!, `background ${bg} must be dark`).toBeLessThan(0.05);
  }
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain('dark');
}

async function expectRussianOnly(allow: string[] = []) {
  const latin = await latinWordsOnPage(page, allow);
  expect(latin, `Latin words on ${page.url()}`).toEqual([]);
}

describe('the Latin-word helper', () => {
  it('flags untranslated words and lets brands, e-mails and URLs through', () => {
    expect(latinWordsIn('Связать AmoCRM и LPTracker: anna@example.ru, https://x.ru/hooks/abc')).toEqual([]);
    expect(latinWordsIn('Сохранить · Save · Loading…')).toEqual(['Save', 'Loading']);
    expect(latinWordsIn('Тест {{trigger.body.lead}}')).toEqual([]);
  });
});

describe('sign-up, sign-out and sign-in in the browser', () => {
  it('sends a guest from / to the login page, in Russian and dark', async () => {
    await page.goto(app.url + '/');
    await page.waitForURL(/\/login$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Вход' }).isVisible()).toBe(true);
    await expectDarkTheme();
    // The card itself is dark too, not a light panel on a dark page.
    const cardBg = luminance(await effectiveBackground(page, '.auth-card'));
    expect(cardBg!).toBeLessThan(0.05);
    await expect.poll(() => page.title()).toMatch(/Вход/);
    await expectRussianOnly();
    await browser.shot('login');
  });

  it('registers through the form and lands on «Обзор» with the workspace and the role', async () => {
    await page.getByRole('link', { name: 'Зарегистрируйтесь' }).click();
    await page.waitForURL(/\/register$/);
    await page.getByRole('heading', { name: 'Регистрация' }).waitFor();
    await expectDarkTheme();
    await expectRussianOnly();
    await browser.shot('register');

    // Client-side validation first: an empty form is refused with Russian messages.
    await page.getByRole('button', { name: 'Создать аккаунт' }).click();
    await page.getByText('Не короче 8 символов').or(page.locator('#register-password-error')).first().waitFor();
    await expectRussianOnly();

    await page.getByLabel('Имя', { exact: true }).fill(user.name);
    await page.getByLabel('Электронная почта').fill(user.email);
    await page.getByLabel('Пароль', { exact: true }).fill(user.password);
    await page.getByLabel('Компания').fill(user.company);
    await page.getByRole('button', { name: 'Создать аккаунт' }).click();

    await page.waitForURL(app.url + '/');
    await page.getByRole('heading', { name: 'Обзор', level: 1 }).waitFor();
    const account = page.locator('.home-card', { has: page.getByRole('heading', { name: 'Аккаунт' }) });
    await account.waitFor();
    await expect.poll(() => account.innerText()).toContain(user.company);
    const text = await account.innerText();
    expect(text).toContain('Рабочее пространство');
    expect(text).toContain(user.email);
    expect(text).toContain(user.name);
    // The first user of a fresh installation is the platform administrator.
    expect(text).toContain('Администратор платформы');
    expect(await page.locator('main').innerText()).toContain(`«${user.company}»`);
    await expectDarkTheme();
    // Wait for the stats to load so the screenshot and the text check see the final page.
    await page.locator('.page').getByText('Правила', { exact: false }).first().waitFor();
    await expectRussianOnly();
    await browser.shot('overview');
  });

  it('signs out from the user menu', async () => {
    await page.getByRole('button', { name: 'Меню пользователя' }).click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.innerText()).toContain(user.company);
    await browser.shot('user-menu');
    await page.getByRole('menuitem', { name: 'Выйти', exact: true }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    // The session is really gone: reloading a signed-in page goes back to the login page.
    await page.goto(app.url + '/rules');
    await page.waitForURL(/\/login\?next=%2Frules$/);
  });

  it('shows «Неверный email или пароль» for a wrong password and keeps the user on the form', async () => {
    await page.getByLabel('Электронная почта').fill(user.email);
    await page.getByLabel('Пароль', { exact: true }).fill('совсем-не-тот-пароль');
    await page.getByRole('button', { name: 'Войти' }).click();
    const error = page.locator('.auth-card').getByText('Неверный email или пароль');
    await error.waitFor();
    expect(await error.isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/login/);
    // The message sits inside the form card, above the submit button.
    const errorBox = (await error.boundingBox())!;
    const submitBox = (await page.getByRole('button', { name: 'Войти' }).boundingBox())!;
    expect(errorBox.y).toBeLessThan(submitBox.y);
    await expectRussianOnly(['email']);
    await browser.shot('login-error');
  });

  it('signs in with the right password and returns to the page asked for', async () => {
    await page.getByLabel('Пароль', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(app.url + '/rules');
    await page.getByRole('heading', { name: 'Правила' }).waitFor();
    await page.getByRole('link', { name: 'Обзор' }).click();
    await page.getByRole('heading', { name: 'Обзор', level: 1 }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(user.company);
  });

  it('shows a Russian 404 for an unknown address', async () => {
    await page.goto(app.url + '/no-such-page');
    await page.getByText('Страница не найдена').first().waitFor();
    await expectDarkTheme();
    await expectRussianOnly();
    await browser.shot('not-found');
    expect(browser.problems).toEqual([]);
  });
});
