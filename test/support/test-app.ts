import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../../config/load-config.ts';
import type { Config } from '../../config/config.schema.ts';
import { createContainer, type Container } from '../../core/container.ts';
import { createApp } from '../../core/http/app.ts';
import { createLogger } from '../../core/logger.ts';
import type { PluginDefinition } from '../../core/sdk/index.ts';
import { plugins as installedPlugins } from '../../plugins/index.ts';
import { createTestDatabase } from './test-db.ts';
import { HttpTestClient } from './http-client.ts';

export interface TestApp {
  c: Container;
  config: Config;
  url: string;
  server: http.Server;
  /** A client with its own cookie jar (one browser). */
  client(): HttpTestClient;
  close(): Promise<void>;
}

/**
 * The real app on a real database and a real port (app.callback() behind node:http), built the
 * way main.ts builds it.
 */
export async function createTestApp(opts: {
  env?: Record<string, string>;
  plugins?: PluginDefinition[];
  worker?: boolean;
  serveEditor?: boolean;
  /** Where the app's log lines go (with `env.LOG_LEVEL`), e.g. a buffer a test greps. */
  logDestination?: DestinationStream;
} = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // The port is taken first, so the config is built once with the address clients will use
  // (CSRF origin, hook URLs) and never changed afterwards.
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      PUBLIC_URL: url,
      // Tests talk to local servers (simulators, targets); egress tests set their own policy.
      EGRESS_ALLOW: '127.0.0.1/32,::1/128',
      // Test files register many users from 127.0.0.1; the auth tests set their own limit.
      REGISTRATION_LIMIT_PER_HOUR: '0',
      ...opts.env,
    },
    () => {},
  );
  const logger = createLogger(config.LOG_LEVEL, opts.logDestination);
  const c = await createContainer({ config, logger, databaseUrl: db.url, plugins: opts.plugins ?? installedPlugins });
  server.on('request', createApp(c, { serveEditor: opts.serveEditor ?? false }).callback());
  if (opts.worker) await c.startWorker();
  return {
    c,
    config,
    url,
    server,
    client: () => new HttpTestClient(url),
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await c.release();
      await db.drop();
    },
  };
}
