import type { Server } from 'node:http';
import { argsToEnv, ConfigError, loadConfig } from '../config/load-config.ts';
import { plugins } from '../plugins/index.ts';
import { resolveDatabase } from './boot.ts';
import { createContainer, type Container } from './container.ts';
import { migrate } from './db/orm.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import { listeningLine } from './listening-line.ts';

async function main() {
  const config = loadConfig({ ...process.env, ...argsToEnv(process.argv.slice(2)) });
  const role = config.ROLE;
  const logger = createLogger(config.LOG_LEVEL);
  // Resources are released in reverse order of acquisition, in one place.
  const releasers: { name: string; fn: () => Promise<void> }[] = [];
  let shuttingDown = false;

  async function shutdown(reason: string, code = 0) {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ reason }, 'Остановка…');
    const force = setTimeout(() => {
      logger.error('Остановка заняла больше 20 с: выходим принудительно');
      process.exit(1);
    }, 20_000);
    force.unref();
    for (const { name, fn } of releasers.reverse()) {
      await fn().catch((err) => logger.error({ err, name }, 'ошибка при остановке'));
    }
    logger.info('Остановлено');
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const db = await resolveDatabase(config, logger);
  if (db.embedded) releasers.push({ name: 'postgres', fn: () => db.embedded!.stop() });

  const container: Container = await createContainer({ config, logger, databaseUrl: db.url, plugins });
  releasers.push({ name: 'container', fn: () => container.release() });
  await migrate(container.orm, container.pool);

  if (role !== 'web') {
    await container.startWorker();
  }
  if (role !== 'worker') {
    const app = createApp(container);
    const server: Server = await new Promise((resolve, reject) => {
      // A CRM can fire thousands of webhooks at once; past Node's default backlog of 511 the kernel
      // drops connection attempts and the sender retries its SYN after 1 s, 3 s…, beyond AmoCRM's
      // 2 s answer window. Linux caps this at net.core.somaxconn (4096 by default).
      const s = app.listen({ port: config.PORT, host: config.HOST, backlog: 4096 }, () => resolve(s)).on('error', reject);
    });
    server.keepAliveTimeout = 65_000;
    releasers.push({
      name: 'http',
      fn: () => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
    });
    // A plain line, whatever LOG_LEVEL: people and scripts wait for it.
    console.log(listeningLine(server, config.PUBLIC_URL, role));
  } else {
    console.log('Обработчик очереди запущен (роль: worker)');
  }
}

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`Не удалось запустить сервер: ${message}`);
  if (!(err instanceof ConfigError) && err instanceof Error && err.stack) console.error(err.stack);
  process.exit(1);
});
