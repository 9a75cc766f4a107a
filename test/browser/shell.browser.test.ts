import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app.ts';
import { horizontalOverflow, VIEWPORTS, type TestBrowser, type ViewportName } from './browser.ts';
import { startSeededApp, visit, type AppPage, type SeededApp } from './app-pages.ts';

let app: TestApp;
let browser: TestBrowser & { problems: string[] };
let page: Page;
let pages: AppPage[];
let rig: SeededApp | undefined;

beforeAll(async () => {
  rig = await startSeededApp('shell');
  ({ app, browser, page, pages } = rig);
});
afterAll(() => rig?.close());

const open = (p: AppPage) => visit(page, app.url, p);

const signedIn = () => pages.filter((p) => !p.guest);

describe.each(Object.keys(VIEWPORTS) as ViewportName[])('the shell at %s', (viewport) => {
  const { width, height } = VIEWPORTS[viewport];

  it(`fits every signed-in page into ${width} px without sideways scrolling`, async () => {
    await page.setViewportSize({ width, height });
    const overflow: Record<string, string[]> = {};
    for (const p of signedIn()) {
      await open(p);
      const found = await horizontalOverflow(page);
      if (found.length) overflow[p.path] = found;
      const compact = width < 900;
      // Narrow screens: a top bar with the menu button; wide ones: the sidebar.
      expect(await page.getByTestId('nav-menu-button').isVisible(), `menu button on ${p.path}`).toBe(compact);
      expect(await page.locator('.app-sidebar').count(), `sidebar on ${p.path}`).toBe(compact ? 0 : 1);
      await browser.shot(`shell-${viewport}-${p.name}`);
    }
    expect(overflow, `sideways scrolling at ${width}×${height}`).toEqual({});
    expect(browser.problems).toEqual([]);
  });
});

describe('the drawer on a phone', () => {
  const menuButton = () => page.getByTestId('nav-menu-button');
  const drawer = () => page.getByTestId('nav-drawer');

  it('opens from the top bar, keeps focus inside, closes on Escape and gives focus back', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(app.url + '/rules');
    await menuButton().click();
    await drawer().waitFor();
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Обзор', 'Правила', 'Логи', 'Настройки', 'Администрирование']) {
      expect(await drawer().getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await drawer().getByRole('link', { name: 'Правила', exact: true }).getAttribute('aria-current')).toBe('page');
    await browser.shot('shell-phone-drawer');

    // Tab round the drawer twice over: focus never leaves it for the page underneath.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="nav-drawer"]'))), `Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'detached' });
    expect(await menuButton().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes when a page is chosen, and when the current page is chosen again', async () => {
    await menuButton().click();
    await drawer().getByRole('link', { name: 'Логи', exact: true }).click();
    await page.waitForURL(/\/logs$/);
    await drawer().waitFor({ state: 'detached' });
    await menuButton().click();
    await drawer().getByRole('link', { name: 'Логи', exact: true }).click();
    await drawer().waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/logs');
  });

  it('is reached and used from the keyboard alone', async () => {
    await page.goto(app.url + '/settings');
    await page.getByRole('heading', { name: 'Настройки', level: 1 }).waitFor();
    await page.keyboard.press('Tab'); // «Перейти к содержимому»
    await page.keyboard.press('Tab');
    expect(await menuButton().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await drawer().waitFor();
    const link = drawer().getByRole('link', { name: 'Правила', exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rules$/);
    await drawer().waitFor({ state: 'detached' });
  });

  it('shows the rule editor route inside the shell', async () => {
    const editor = pages.find((p) => p.name === 'editor')!;
    await open(editor);
    expect(await menuButton().isVisible()).toBe(true);
    expect(await page.locator('main .react-flow').count()).toBe(1);
  });
});

describe('the sidebar on a wide screen', () => {
  const sidebar = () => page.locator('.app-sidebar');

  it('folds to icons and back, remembers the choice, keeps every link named', async () => {
    await page.setViewportSize(VIEWPORTS.laptop);
    await page.goto(app.url + '/logs');
    await page.getByRole('link', { name: 'Обзор', exact: true }).waitFor();
    const wide = (await sidebar().boundingBox())!.width;
    await page.getByRole('button', { name: 'Свернуть меню' }).click();
    await expect.poll(async () => (await sidebar().boundingBox())!.width).toBeLessThan(80);
    expect(wide).toBeGreaterThan(200);
    // Icons only: the names are still there for screen readers and as tooltips.
    for (const name of ['Обзор', 'Правила', 'Логи', 'Настройки', 'Администрирование']) {
      expect(await sidebar().getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await sidebar().innerText()).not.toContain('Настройки');
    await sidebar().getByRole('link', { name: 'Настройки', exact: true }).hover();
    await page.getByRole('tooltip', { name: 'Настройки' }).waitFor();
    await browser.shot('shell-laptop-rail');

    await page.reload();
    await page.getByRole('button', { name: 'Развернуть меню' }).waitFor();
    await page.getByRole('button', { name: 'Развернуть меню' }).click();
    await expect.poll(async () => (await sidebar().boundingBox())!.width).toBeGreaterThan(200);
  });

  it('offers «Перейти к содержимому» as the first Tab stop', async () => {
    await page.goto(app.url + '/logs');
    await page.getByRole('link', { name: 'Обзор', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к содержимому' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('shows a visible focus ring on the navigation when reached by keyboard', async () => {
    await page.goto(app.url + '/logs');
    await page.getByRole('link', { name: 'Обзор', exact: true }).waitFor();
    const link = page.locator('.app-sidebar').getByRole('link', { name: 'Правила', exact: true });
    for (let i = 0; i < 6 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await link.evaluate((el) => el === document.activeElement), 'Tab reaches «Правила»').toBe(true);
    const ring = await link.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });
});
