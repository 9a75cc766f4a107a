import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { Connection } from '../modules/connections/connection.entity.ts';
import { secretAad, type SecretBox } from './secret-box.ts';

/** Re-encrypts every stored secret with the newest key, row by row under a lock. */
export async function rotateKeys(orm: MikroORM, box: SecretBox): Promise<{ rotated: number; current: number }> {
  let rotated = 0;
  let current = 0;
  const ids = (await orm.em.fork().find(Connection, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((c) => c.id);
  for (const id of ids) {
    await orm.em.fork().transactional(async (em) => {
      const conn = await em.findOne(Connection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['credentials'] });
      if (!conn) return;
      if (!box.needsRotation(conn.credentials)) {
        current++;
        return;
      }
      const aad = secretAad(conn.tenant.id, id);
      conn.credentials = box.encrypt(box.decrypt(conn.credentials, aad), aad);
      rotated++;
    });
  }
  return { rotated, current };
}
