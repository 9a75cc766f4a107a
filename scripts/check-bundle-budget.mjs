// Run after `vite build` (npm run build): prints what each main route downloads, compressed as the
// server sends it, and fails when the login page grows past its budget or a chunk past Vite's
// warning size. Sizes come from the build manifest, so a new static import is counted at once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist/editor');
/** What the login route (the first visit of anyone) may download, gzipped. */
export const LOGIN_BUDGET = 350_000;
/** Vite's default `chunkSizeWarningLimit` (500 kB minified): kept as a hard limit here. */
export const CHUNK_LIMIT = 500_000;

/** Route → the manifest keys (source files) of the chunks it loads besides the entry. */
export const ROUTES = {
  'Вход (/login)': [],
  'Обзор (/)': ['src/pages/home/home.page.tsx'],
  'Правила (/rules)': ['src/pages/workflows/workflows-list.page.tsx'],
  'Редактор правила (/rules/:id)': ['src/pages/workflows/workflow-editor.page.tsx', '../core/graph/zod-locale.ts'],
  'Логи (/logs)': ['src/pages/logs/logs.layout.tsx', 'src/pages/logs/runs-tab.page.tsx'],
  'Запуск (/logs/runs/:id)': ['src/pages/logs/run-detail.page.tsx'],
  'Настройки (/settings)': ['src/pages/settings/settings.page.tsx', '../core/graph/zod-locale.ts'],
};

export function readManifest(dir = dist) {
  return JSON.parse(readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8'));
}

/** Files (JS and CSS) a manifest key loads through static imports, itself included. */
export function filesOf(manifest, keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`В манифесте сборки нет «${key}»: обновите ROUTES в scripts/check-bundle-budget.mjs`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  ['index.html', ...keys].forEach(visit);
  return [...files];
}

const sizes = new Map();
function sizeOf(file) {
  let s = sizes.get(file);
  if (!s) {
    const data = readFileSync(path.join(dist, file));
    s = {
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(file, s);
  }
  return s;
}

const kb = (n) => `${(n / 1000).toFixed(1)} КБ`;

function main() {
  const manifest = readManifest();
  const rows = Object.entries(ROUTES).map(([route, keys]) => {
    const files = filesOf(manifest, keys);
    const total = files.map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, br: a.br + s.br }), { raw: 0, gzip: 0, br: 0 });
    return { route, files: files.length, ...total };
  });
  const head = ['Страница', 'файлов', 'без сжатия', 'gzip', 'brotli'];
  const table = [head, ...rows.map((r) => [r.route, String(r.files), kb(r.raw), kb(r.gzip), kb(r.br)])];
  const widths = head.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  console.log('\nЧто загружает каждая страница при первом визите (общие файлы и её собственные):');
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '));
  const problems = [];
  const login = rows[0];
  if (login.gzip > LOGIN_BUDGET) problems.push(`Страница входа весит ${kb(login.gzip)} в gzip — больше бюджета ${kb(LOGIN_BUDGET)}`);
  const flow = Object.values(manifest).find((c) => c.name === 'vendor-flow');
  if (flow && filesOf(manifest, []).includes(flow.file)) problems.push('Страница входа загружает React Flow (vendor-flow)');
  for (const chunk of new Set(Object.values(manifest).map((c) => c.file))) {
    if (chunk.endsWith('.js') && sizeOf(chunk).raw > CHUNK_LIMIT) problems.push(`Файл ${chunk} больше ${kb(CHUNK_LIMIT)}: ${kb(sizeOf(chunk).raw)}`);
  }
  if (problems.length) {
    console.error(`\nБюджет размера сборки превышен:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`Бюджет соблюдён: вход ${kb(login.gzip)} из ${kb(LOGIN_BUDGET)} в gzip.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
