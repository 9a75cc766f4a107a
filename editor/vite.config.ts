import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

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

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/editor', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
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
