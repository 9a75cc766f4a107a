import { z } from 'zod';

/** Every setting, with its default. Read once at boot from the environment (see load-config.ts). */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Unset → an embedded PostgreSQL in DATA_DIR/pg. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  /** Base of the webhook URLs shown to users. Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** `kid:base64key,kid2:base64key2`; the first one encrypts, all decrypt. 32-byte keys. */
  ENCRYPTION_KEYS: z.string().optional(),
  SESSION_SECRET: z.string().min(32, 'должен быть не короче 32 символов').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  ADMIN_EMAIL: z.string().email().optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Worker concurrency (jobs at once per process). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Job slots one tenant may hold at once across the deployment (its jobs go to this many named
   * queues; each runs one job at a time). The others' jobs use the remaining slots. Unset: half
   * of WORKER_CONCURRENCY.
   */
  TENANT_JOB_SLOTS: z.coerce.number().int().min(1).max(100).optional(),
  /** Same body on the same webhook within this window counts as a duplicate. */
  DEDUPE_WINDOW_SECONDS: z.coerce.number().int().min(0).default(600),
  /** Default maximum attempts of a run (per workflow setting overrides it). */
  RUN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
  /** First retry delay of a run after a transient failure; doubles each attempt, with jitter. */
  RETRY_BASE_MS: z.coerce.number().int().min(10).default(1000),
  WEBHOOK_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** Budgets of one run (see core/engine/run-limits.ts): template output per prop and per step… */
  RUN_TEMPLATE_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  RUN_STEP_TEMPLATE_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  /** …node outputs a run holds in memory… */
  RUN_MAX_OUTPUT_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  /** …time spent in regex tests… */
  RUN_REGEX_BUDGET_MS: z.coerce.number().int().min(1).default(100),
  /** …and rules per condition. */
  RUN_MAX_CONDITION_RULES: z.coerce.number().int().min(1).default(100),
  /**
   * Webhooks admitted per second (and as a burst) on each web process, per webhook address and
   * per tenant; above it the sender gets 429 with Retry-After and nothing is acknowledged.
   */
  INGEST_RATE_PER_TOKEN: z.coerce.number().positive().default(200),
  INGEST_BURST_PER_TOKEN: z.coerce.number().int().min(1).default(1000),
  INGEST_RATE_PER_TENANT: z.coerce.number().positive().default(500),
  INGEST_BURST_PER_TENANT: z.coerce.number().int().min(1).default(2500),
  /** Events of one tenant waiting for processing; above it new webhooks get 429. */
  TENANT_MAX_QUEUED_EVENTS: z.coerce.number().int().min(1).default(50_000),
  /** Test runs of one tenant at the same time, and replays of events per minute. */
  TENANT_MAX_TEST_RUNS: z.coerce.number().int().min(1).default(2),
  TENANT_REPLAYS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Events, runs, steps, logs and expired dedupe records older than this are deleted. */
  RETENTION_DAYS: z.coerce.number().min(1).default(30),
  /** Concurrent webhook requests share one commit; how long a batch waits for company. */
  INGEST_BATCH_MS: z.coerce.number().min(0).max(50).default(2),
  /**
   * Connections of the process's one pool (shared by the API, the ORM, the ingest lane and the
   * worker). A worker needs about one per concurrent job plus a few for the queue itself.
   */
  DB_POOL_SIZE: z.coerce.number().int().min(4).max(200).default(24),
  /**
   * Where plugins' outgoing requests may go besides the public internet: comma-separated CIDRs
   * and host names (`127.0.0.1/32,crm.local,*.corp.ru`). Empty: loopback, private, link-local
   * and other internal addresses are refused.
   */
  EGRESS_ALLOW: z.string().default(''),
  /** Bearer token for /metrics; unset: /metrics is closed. */
  METRICS_TOKEN: z.string().min(16, 'должен быть не короче 16 символов').optional(),
  /** What this process does: `all` (HTTP and jobs), `web` (HTTP only) or `worker` (jobs only). */
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  /**
   * How many reverse proxies stand in front of the server. 0: X-Forwarded-For is ignored;
   * N: the client address is the N-th from the right of X-Forwarded-For.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * No session lives longer than this from its login, however active it is (sliding renewal stops
   * at this cap); then the user signs in again.
   */
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  /** `closed`: only the first user of an empty installation may register. */
  REGISTRATION: z.enum(['open', 'closed']).default('open'),
  /** Registration attempts from one IP address per hour; 0 — no limit. */
  REGISTRATION_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(5),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'ENCRYPTION_KEYS' | 'SESSION_SECRET' | 'PUBLIC_URL' | 'TENANT_JOB_SLOTS'> {
  TENANT_JOB_SLOTS: number;
  PUBLIC_URL: string;
  /** Newest first. */
  ENCRYPTION_KEYS: { id: string; key: Buffer }[];
  SESSION_SECRET: string;
  /** Absolute. */
  DATA_DIR: string;
}
