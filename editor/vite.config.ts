import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const editorPort = Number(process.env.EDITOR_PORT ?? 5173);
/** The only origin the server accepts writes from (core/http/middleware/csrf.middleware.ts). */
const serverOrigin = new URL(process.env.PUBLIC_URL ?? apiTarget).origin;

/** The dev server's own pages: http://localhost:5173 or http://127.0.0.1:5173. */
function isEditorOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.hostname === 'localhost' || u.hostname === '127.0.0.1') && Number(u.port) === editorPort;
  } catch {
    return false;
  }
}

/**
 * In `npm run dev` the editor's pages come from Vite, so the browser's Origin is Vite's. The proxy
 * presents those requests with the server's origin; any other origin goes through unchanged and
 * the server refuses it, as it would in production.
 */
const toServer: ProxyOptions = {
  target: apiTarget,
  changeOrigin: true,
  configure(proxy) {
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (origin && isEditorOrigin(origin)) proxyReq.setHeader('origin', serverOrigin);
    });
  },
};

const outDir = fileURLToPath(new URL('../dist/editor', import.meta.url));
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text asset, at the highest levels: compressed once
 * at build time instead of on every request (koa-static sends them by Accept-Encoding).
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'precompress',
    apply: 'build',
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f) && !f.startsWith('.vite'));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(outDir, f);
          const data = await readFile(file);
          await writeFile(`${file}.br`, await br(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }));
          await writeFile(`${file}.gz`, await gz(data, { level: 9 }));
        }),
      );
    },
  };
}

/**
 * Libraries in chunks of their own: cached across releases of the app and shared between pages.
 * A group also takes the dependencies of what it captures, so the libraries every page needs go
 * first: otherwise React would land in the editor's chunk and the login page would download it.
 */
const VENDOR_GROUPS: { name: string; test: RegExp; priority: number }[] = [
  { name: 'vendor-react', test: /node_modules[\\/](?:react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
  { name: 'vendor-radix', test: /node_modules[\\/](?:@radix-ui|radix-ui)[\\/]/, priority: 30 },
  { name: 'vendor-flow', test: /node_modules[\\/](?:@xyflow|d3-[a-z-]+)[\\/]/, priority: 20 },
  { name: 'vendor-zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // scripts/check-bundle-budget.mjs reads what each route loads from here.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    port: editorPort,
    // On another port the proxy would not recognise the editor's origin (see toServer).
    strictPort: true,
    proxy: {
      '/api': toServer,
      '/hooks': apiTarget,
      '/healthz': apiTarget,
    },
  },
});
