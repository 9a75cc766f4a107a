import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { axeViolations, latinWordsOnPage, shareSession, VIEWPORTS, type TestBrowser } from './browser.ts';
import { DATA_REGIONS, startSeededApp, visit, type AppPage, type SeededApp } from './app-pages.ts';

/**
 * Every page of the app, signed out and signed in, at a wide and a phone screen: no serious or
 * critical axe-core violation (contrast, names of controls, labels, landmarks…) and no
 * untranslated interface text.
 */
let app: TestApp;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;
let pages: AppPage[];
let rig: SeededApp | undefined;

beforeAll(async () => {
  rig = await startSeededApp('a11y');
  ({ app, client, browser, page, pages } = rig);
});
afterAll(() => rig?.close());

/** Checks the page as it is now; returns the failures instead of stopping at the first page. */
async function check(label: string): Promise<string[]> {
  const failures: string[] = [];
  const violations = await axeViolations(page);
  if (violations.length) failures.push(`${label} — axe:\n  ${violations.join('\n  ')}`);
  const latin = await latinWordsOnPage(page, [], DATA_REGIONS);
  if (latin.length) failures.push(`${label} — латиница: ${latin.join('; ')}`);
  return failures;
}

describe.each([['desktop'], ['phone']] as const)('every page at %s', (viewport) => {
  it('is accessible and Russian, signed out', async () => {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await browser.context.clearCookies();
    const failures: string[] = [];
    for (const p of pages.filter((x) => x.guest)) {
      await page.goto(app.url + p.path);
      await p.ready(page);
      failures.push(...(await check(`${p.path} (${viewport})`)));
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('is accessible and Russian, signed in', async () => {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await shareSession(browser.context, client);
    const failures: string[] = [];
    for (const p of pages.filter((x) => !x.guest)) {
      await visit(page, app.url, p);
      failures.push(...(await check(`${p.path} (${viewport})`)));
    }
    if (viewport === 'phone') {
      // The drawer is a page of its own for a phone user.
      await page.getByTestId('nav-menu-button').click();
      await page.getByTestId('nav-drawer').waitFor();
      failures.push(...(await check('меню (phone)')));
      await page.keyboard.press('Escape');
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
