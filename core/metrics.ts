import client from 'prom-client';

/** One registry per process; created in the composition root, so tests get their own. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Длительность HTTP-запросов',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const jobs = new client.Counter({
    name: 'jobs_total',
    help: 'Выполненные задания очереди по типу и исходу',
    labelNames: ['task', 'outcome'],
    registers: [registry],
  });
  const webhooks = new client.Counter({
    name: 'webhooks_total',
    help: 'Принятые вебхуки по исходу',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const runs = new client.Counter({
    name: 'runs_finished_total',
    help: 'Завершённые запуски по статусу',
    labelNames: ['status'],
    registers: [registry],
  });
  const orphans = new client.Counter({
    name: 'orphans_swept_total',
    help: 'События и запуски без живого задания, найденные уборщиком: возвращены в очередь или завершены ошибкой',
    labelNames: ['kind', 'action'],
    registers: [registry],
  });
  return { registry, httpDuration, jobs, webhooks, runs, orphans };
}

export type Metrics = ReturnType<typeof createMetrics>;
