import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { TABLE_OWNERS } from '../../../core/db/entities.ts';
import { initOrm } from '../../../core/db/orm.ts';
import { createPool } from '../../../core/db/pool.ts';
import { createLogger } from '../../../core/logger.ts';
import { createTestDatabase } from '../../support/test-db.ts';

/** MikroORM's column types, as information_schema names them. */
const UDT: Record<string, string> = {
  uuid: 'uuid', text: 'text', bigserial: 'int8', serial: 'int4', int: 'int4', integer: 'int4', smallint: 'int2', bigint: 'int8', jsonb: 'jsonb', json: 'json',
  boolean: 'bool', timestamptz: 'timestamptz', 'timestamptz(6)': 'timestamptz', date: 'date',
};

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let orm: MikroORM;
let columns: Map<string, Map<string, { udt: string; nullable: boolean }>>;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool(db.url, 4, createLogger('silent'));
  orm = await initOrm(pool, 2);
  const { rows } = await pool.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `select table_name, column_name, udt_name, is_nullable from information_schema.columns where table_schema = 'public'`);
  columns = new Map();
  for (const r of rows) {
    if (!columns.has(r.table_name)) columns.set(r.table_name, new Map());
    columns.get(r.table_name)!.set(r.column_name, { udt: r.udt_name, nullable: r.is_nullable === 'YES' });
  }
});

afterAll(async () => {
  await orm?.close(true);
  await pool?.end();
  await db?.drop();
});

describe('entities and migrations', () => {
  it('every entity matches its table column by column: names, types, nullability', () => {
    const problems: string[] = [];
    for (const meta of Object.values(orm.getMetadata().getAll())) {
      const table = columns.get(meta.tableName);
      if (!table) {
        problems.push(`${meta.className}: нет таблицы ${meta.tableName}`);
        continue;
      }
      const mapped = new Set<string>();
      for (const prop of meta.props) {
        if (!prop.fieldNames?.length || prop.persist === false) continue;
        prop.fieldNames.forEach((field, i) => {
          mapped.add(field);
          const col = table.get(field);
          if (!col) return problems.push(`${meta.tableName}.${field}: нет такого столбца`);
          const type = (prop.columnTypes?.[i] ?? '').toLowerCase();
          if (UDT[type] !== col.udt) problems.push(`${meta.tableName}.${field}: сущность ${type}, таблица ${col.udt}`);
          if (Boolean(prop.nullable) !== col.nullable) problems.push(`${meta.tableName}.${field}: nullable ${Boolean(prop.nullable)} ≠ ${col.nullable}`);
        });
      }
      for (const name of table.keys()) if (!mapped.has(name)) problems.push(`${meta.tableName}.${name}: столбец не описан в сущности`);
    }
    expect(problems).toEqual([]);
  });

  it('every table has an owner: an entity, or hand-written SQL with a stated reason', () => {
    const entityTables = new Set(Object.values(orm.getMetadata().getAll()).map((m) => m.tableName));
    const orphans = [...columns.keys()].filter((t) => !entityTables.has(t) && !(t in TABLE_OWNERS));
    expect(orphans).toEqual([]);
    const stale = Object.keys(TABLE_OWNERS).filter((t) => !columns.has(t));
    expect(stale).toEqual([]);
  });
});
