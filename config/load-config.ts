import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, type Config } from './config.schema.ts';

export class ConfigError extends Error {}

interface GeneratedSecrets {
  ENCRYPTION_KEYS: string;
  SESSION_SECRET: string;
}

/** Parses `kid:base64,kid:base64`. */
export function parseKeys(spec: string): { id: string; key: Buffer }[] {
  const keys = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const idx = part.indexOf(':');
      if (idx <= 0) throw new ConfigError('ENCRYPTION_KEYS: каждый ключ записывается как «id:base64»');
      const id = part.slice(0, idx);
      const key = Buffer.from(part.slice(idx + 1), 'base64');
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new ConfigError(`ENCRYPTION_KEYS: недопустимый id ключа «${id}»`);
      if (key.length !== 32) throw new ConfigError(`ENCRYPTION_KEYS: ключ «${id}» должен быть 32 байта в base64`);
      return { id, key };
    });
  if (keys.length === 0) throw new ConfigError('ENCRYPTION_KEYS: не задан ни один ключ');
  return keys;
}

/**
 * Outside production, missing secrets are generated once into DATA_DIR (mode 0600) so a newcomer
 * needs no setup, and restarts keep sessions and encrypted credentials readable.
 */
function loadOrCreateSecrets(dataDir: string, warn: (msg: string) => void): GeneratedSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as GeneratedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: GeneratedSecrets = {
    ENCRYPTION_KEYS: `k${Date.now().toString(36)}:${randomBytes(32).toString('base64')}`,
    SESSION_SECRET: randomBytes(48).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  warn(`ENCRYPTION_KEYS и SESSION_SECRET не заданы: сгенерированы и сохранены в ${file} (только для разработки)`);
  return secrets;
}

/** `--role=web` and other `--name=value` arguments, as the settings they stand for. */
export function argsToEnv(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of argv) {
    const m = /^--([a-z][a-z0-9-]*)=(.*)$/.exec(arg);
    if (!m) throw new ConfigError(`Неизвестный аргумент «${arg}»: ожидается --имя=значение`);
    out[m[1]!.toUpperCase().replaceAll('-', '_')] = m[2]!;
  }
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, warn: (msg: string) => void = console.warn): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Неверная конфигурация:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  let { ENCRYPTION_KEYS: keys, SESSION_SECRET: sessionSecret } = raw;
  if (!keys || !sessionSecret) {
    if (raw.NODE_ENV === 'production') {
      const missing = [!keys && 'ENCRYPTION_KEYS', !sessionSecret && 'SESSION_SECRET'].filter(Boolean).join(', ');
      throw new ConfigError(`В production обязательны переменные: ${missing}`);
    }
    const generated = loadOrCreateSecrets(dataDir, warn);
    keys ??= generated.ENCRYPTION_KEYS;
    sessionSecret ??= generated.SESSION_SECRET;
  }
  return {
    ...raw,
    DATA_DIR: dataDir,
    PUBLIC_URL: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    ENCRYPTION_KEYS: parseKeys(keys),
    TENANT_JOB_SLOTS: raw.TENANT_JOB_SLOTS ?? Math.max(1, Math.ceil(raw.WORKER_CONCURRENCY / 2)),
    SESSION_SECRET: sessionSecret,
  };
}
