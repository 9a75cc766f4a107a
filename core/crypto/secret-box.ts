import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest. Format: `v1.<keyId>.<nonce b64url>.<ciphertext+tag b64url>`.
 * The key id lets several keys coexist (rotation); the AAD binds a ciphertext to its tenant and
 * record, so a value copied into another row or tenant does not decrypt.
 */
export interface Key {
  id: string;
  key: Buffer;
}

export class SecretBoxError extends Error {
  readonly code = 'SECRET_DECRYPT_FAILED';
}

export interface SecretBox {
  encrypt(plaintext: string, aad: string): string;
  decrypt(ciphertext: string, aad: string): string;
  /** Whether the value was encrypted with an older key. */
  needsRotation(ciphertext: string): boolean;
  encryptJson(value: unknown, aad: string): string;
  decryptJson<T = unknown>(ciphertext: string, aad: string): T;
}

export const secretAad = (tenantId: string, recordId: string) => `${tenantId}:${recordId}`;

export function createSecretBox(keys: Key[]): SecretBox {
  if (keys.length === 0) throw new Error('no encryption keys');
  const [current] = keys;
  const byId = new Map(keys.map((k) => [k.id, k.key]));

  const encrypt = (plaintext: string, aad: string): string => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current!.key, nonce);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return ['v1', current!.id, nonce.toString('base64url'), body.toString('base64url')].join('.');
  };

  const decrypt = (ciphertext: string, aad: string): string => {
    const [v, kid, nonceB64, bodyB64] = ciphertext.split('.');
    const key = kid ? byId.get(kid) : undefined;
    if (v !== 'v1' || !key || !nonceB64 || !bodyB64) {
      throw new SecretBoxError(kid && v === 'v1' ? `Неизвестный ключ шифрования «${kid}»` : 'Повреждённый шифротекст');
    }
    const body = Buffer.from(bodyB64, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceB64, 'base64url'));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('Не удалось расшифровать секрет: неверный ключ или данные изменены');
    }
  };

  return {
    encrypt,
    decrypt,
    needsRotation: (ciphertext) => ciphertext.split('.')[1] !== current!.id,
    encryptJson: (value, aad) => encrypt(JSON.stringify(value), aad),
    decryptJson: <T,>(ciphertext: string, aad: string) => JSON.parse(decrypt(ciphertext, aad)) as T,
  };
}
