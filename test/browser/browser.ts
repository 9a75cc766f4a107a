import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HttpTestClient } from '../support/http-client.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Full-viewport screenshot into `test-artifacts/screenshots/<name>.png`. */
  shot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium with a fresh profile (no cookies, no cache), Russian locale and a
 * 1440×900 window. Uncaught errors and console errors are collected in `problems` for the tests.
 */
export async function launchBrowser(): Promise<TestBrowser & { problems: string[] }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ic-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    // Console errors other than failed requests (a 401 from /api/auth/me is how a guest is detected).
    p.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    context,
    page,
    problems,
    async shot(name, p = page) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      // Let enter animations (page-enter, fade-in) finish so the picture shows the settled page.
      await p.waitForTimeout(250);
      await p.screenshot({ path: file, animations: 'disabled' });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Puts the session of an API client (registered/logged in over HTTP) into the browser. */
export async function shareSession(context: BrowserContext, client: HttpTestClient): Promise<void> {
  const cookies = client
    .cookieHeader()
    .split('; ')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: client.baseUrl, httpOnly: true, sameSite: 'Lax' as const };
    });
  if (!cookies.some((c) => c.name === 'sid')) throw new Error('the API client has no session cookie');
  await context.addCookies(cookies);
}

/**
 * Product, brand and technical names that may appear in Latin in the Russian UI. Everything else
 * written in Latin letters on a page is treated as untranslated text. Titles of installed plugins
 * (Latin brand names) are allowed too: `latinWordsOnPage` reads them from the app's registry.
 */
export const LATIN_ALLOWLIST = new Set(
  [
    // Brands the product's own copy names whatever plugins are installed («для AmoCRM и LPTracker»).
    'AmoCRM', 'LPTracker', 'CRM',
    // Protocols, formats and HTTP methods shown as they are written in any Russian manual.
    'HTTP', 'HTTPS', 'JSON', 'URL', 'API', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OAuth', 'ID',
    // Keyboard keys.
    'Ctrl', 'Shift', 'Enter', 'Esc', 'Delete', 'Backspace',
  ].map((w) => w.toLowerCase()),
);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL_RE = /\bhttps?:\/\/\S+/gi;
const TEMPLATE = /\{\{[^}]*\}\}/g;
/** Dotted technical identifiers: node types (`webhook.catch`), field paths (`trigger.body.lead`). */
const DOTTED_ID = /\b[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\b/g;
/** Node ids (`n1`) and version tags (`v2`). */
const SHORT_ID = /\b[nev]\d+\b/g;
/** Short ids of runs and events (`d5b4771d`), HTTP status classes (`4xx`). */
const HEX_ID = /\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b|\b\dxx\b/g;
/** Keys in JSON examples of field hints (`{"name": …}`). */
const JSON_KEY = /"[A-Za-z_][\w]*"\s*:/g;
/** MIME types (`application/json`). */
const MIME = /\b(?:application|text|multipart|image)\/[\w.+-]+/g;

/**
 * Latin words in `text` that are not on the allowlist. E-mails, URLs, `{{templates}}`, dotted
 * identifiers (`webhook.catch`) and short ids (`n1`, `v2`) are not words of the interface.
 */
export function latinWordsIn(text: string, allow: Iterable<string> = []): string[] {
  const extra = new Set([...allow].map((w) => w.toLowerCase()));
  const cleaned = text.replace(URL_RE, ' ').replace(EMAIL, ' ').replace(TEMPLATE, ' ').replace(MIME, ' ').replace(JSON_KEY, ' ').replace(HEX_ID, ' ').replace(DOTTED_ID, ' ').replace(SHORT_ID, ' ');
  const words = cleaned.match(/[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g) ?? [];
  const bad = words.filter((w) => {
    const k = w.toLowerCase();
    return !LATIN_ALLOWLIST.has(k) && !extra.has(k);
  });
  return [...new Set(bad)];
}

const pluginTitleWords = new Map<string, Promise<string[]>>();

/**
 * Latin words of the installed plugins' titles («AmoCRM», «Bitrix24»), asked from the page's own
 * app (`GET /api/node-types` as the signed-in user), so a new plugin's brand name needs no edit
 * here. Nothing before sign-in (the registry is not public); remembered per app.
 */
export function registryTitleWords(page: Page): Promise<string[]> {
  let origin: string;
  try {
    origin = new URL(page.url()).origin;
  } catch {
    return Promise.resolve([]);
  }
  if (!/^https?:/.test(origin)) return Promise.resolve([]);
  let words = pluginTitleWords.get(origin);
  if (!words) {
    words = page
      .evaluate(async () => {
        const res = await fetch('/api/node-types', { credentials: 'same-origin' });
        if (!res.ok) return null;
        const body = (await res.json()) as { plugins?: { title?: string }[] };
        return (body.plugins ?? []).map((p) => String(p.title ?? ''));
      })
      .catch(() => null)
      .then((titles) => {
        if (!titles) pluginTitleWords.delete(origin);
        return (titles ?? []).flatMap((t) => t.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []);
      });
    pluginTitleWords.set(origin, words);
  }
  return words;
}

/**
 * The visible text of the page (`document.body.innerText`) checked for Latin words. `exclude` lists
 * selectors of regions that show user data rather than UI text (JSON of a step, a rule's own
 * template): they are hidden for the moment of reading. Plugin titles from the registry are allowed.
 */
export async function latinWordsOnPage(page: Page, allow: Iterable<string> = [], exclude: string[] = []): Promise<string[]> {
  allow = [...allow, ...(await registryTitleWords(page))];
  const text = await page.evaluate((selectors) => {
    const hidden = selectors.flatMap((sel) => [...document.querySelectorAll<HTMLElement>(sel)]);
    const before = hidden.map((el) => el.style.display);
    hidden.forEach((el) => (el.style.display = 'none'));
    try {
      return document.body.innerText;
    } finally {
      hidden.forEach((el, i) => (el.style.display = before[i]!));
    }
  }, exclude);
  const words = latinWordsIn(text, allow);
  // Each word with a little context, so a failure says where the untranslated text is.
  return words.map((w) => {
    const i = text.search(new RegExp(`(?<![A-Za-z])${w}(?![A-Za-z])`));
    return `${w} ← «${text.slice(Math.max(0, i - 30), i + w.length + 30).replace(/\s+/g, ' ')}»`;
  });
}

/** Parses `rgb(…)`/`rgba(…)` and returns the relative luminance 0…1 (alpha 0 → null). */
export function luminance(color: string): number | null {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const [r, g, b, a] = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
  if (a === 0) return null;
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** The first non-transparent background from the element up through its ancestors. */
export async function effectiveBackground(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(bg)) return bg;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  });
}

/** Unique e-mail per test run (databases are per file, but keep them readable). */
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}@example.ru`;

/** The three screens every page is checked on: a laptop, a small laptop, a phone. */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  laptop: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * Nothing sticks out sideways: neither the document nor the shell's scrolling content area is wider
 * than the window (a phone user would have to scroll sideways to reach a button).
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) out.push(`документ: ${doc.scrollWidth} > ${window.innerWidth}`);
    const content = document.querySelector<HTMLElement>('.app-content');
    if (content && content.scrollWidth > content.clientWidth + 1) out.push(`.app-content: ${content.scrollWidth} > ${content.clientWidth}`);
    if (out.length) {
      // Name the widest elements that cross the right edge, so a failure says what to fix.
      const right = Math.min(window.innerWidth, content?.getBoundingClientRect().right ?? window.innerWidth);
      const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > right + 1 && el.getBoundingClientRect().width > 0)
        .filter((el) => !el.closest('[data-radix-popper-content-wrapper], .react-flow'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)})`);
      out.push(...culprits);
    }
    return out;
  });
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Served on the page's own origin, so the app's Content-Security-Policy (script-src 'self') lets it run. */
const AXE_URL = '/__test__/axe.min.js';
const axeRouted = new WeakSet<Page>();

export interface AxeOptions {
  /** Selectors left out of the check (a third-party widget that is not ours to fix). */
  exclude?: string[];
  /** axe rule ids not to run, each with a reason in the calling test. */
  disableRules?: string[];
}

/**
 * Serious and critical axe-core violations (WCAG 2.1 A/AA) of the page as it is now, one line each:
 * rule, what it means and the first offending elements.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  if (!axeRouted.has(page)) {
    await page.route(`**${AXE_URL}`, (route) => route.fulfill({ path: AXE_PATH, contentType: 'application/javascript' }));
    axeRouted.add(page);
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  // Let enter animations settle: half-transparent text would be measured at its faded colour.
  await page.waitForTimeout(250);
  const violations = await page.evaluate(async ({ exclude, disableRules }) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(
      { include: [document], exclude: exclude.map((s) => [s]) },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        rules: Object.fromEntries(disableRules.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target.join(' '), why: n.failureSummary ?? '' })) }));
  }, { exclude: options.exclude ?? [], disableRules: options.disableRules ?? [] });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target} — ${n.why.replace(/\s+/g, ' ')}`).join('\n')}`);
}

/** Fails the test on any serious or critical axe-core violation of the page as it is now. */
export async function expectAccessible(page: Page, options: AxeOptions = {}): Promise<void> {
  const violations = await axeViolations(page, options);
  expect(violations, `axe на ${page.url()}:\n${violations.join('\n')}`).toEqual([]);
}
