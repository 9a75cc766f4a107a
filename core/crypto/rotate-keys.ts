import type pg from 'pg';
import { secretAad, type SecretBox } from './secret-box.ts';

/** Re-encrypts every stored secret with the newest key, row by row under a lock. */
export async function rotateKeys(pool: pg.Pool, box: SecretBox): Promise<{ rotated: number; current: number }> {
  let rotated = 0;
  let current = 0;
  const { rows } = await pool.query<{ id: string }>('select id from connection order by id');
  for (const { id } of rows) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows: [row] } = await client.query<{ tenant_id: string; credentials: string }>(
        'select tenant_id, credentials from connection where id = $1 for update', [id]);
      if (row && box.needsRotation(row.credentials)) {
        const aad = secretAad(row.tenant_id, id);
        await client.query('update connection set credentials = $2 where id = $1', [id, box.encrypt(box.decrypt(row.credentials, aad), aad)]);
        rotated++;
      } else if (row) current++;
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  return { rotated, current };
}
