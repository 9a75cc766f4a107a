import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, secretAad } from './secret-box.ts';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const box = createSecretBox([k1]);
    const ct = box.encrypt('api-key-секрет', secretAad('t1', 'r1'));
    expect(ct).not.toContain('api-key');
    expect(ct.startsWith('v1.k1.')).toBe(true);
    expect(box.decrypt(ct, secretAad('t1', 'r1'))).toBe('api-key-секрет');
  });

  it('uses a fresh nonce each time', () => {
    const box = createSecretBox([k1]);
    expect(box.encrypt('x', 'a')).not.toBe(box.encrypt('x', 'a'));
  });

  it('refuses a ciphertext moved to another tenant or record', () => {
    const box = createSecretBox([k1]);
    const ct = box.encrypt('secret', secretAad('t1', 'r1'));
    expect(() => box.decrypt(ct, secretAad('t2', 'r1'))).toThrow(/расшифровать/);
    expect(() => box.decrypt(ct, secretAad('t1', 'r2'))).toThrow(/расшифровать/);
  });

  it('refuses tampered data', () => {
    const box = createSecretBox([k1]);
    const ct = box.encrypt('secret', 'a');
    const parts = ct.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => box.decrypt(parts.join('.'), 'a')).toThrow();
  });

  it('decrypts with older keys and encrypts with the newest', () => {
    const old = createSecretBox([k1]);
    const ct = old.encrypt('secret', 'a');
    const rotated = createSecretBox([k2, k1]);
    expect(rotated.decrypt(ct, 'a')).toBe('secret');
    expect(rotated.needsRotation(ct)).toBe(true);
    const fresh = rotated.encrypt('secret', 'a');
    expect(fresh.startsWith('v1.k2.')).toBe(true);
    expect(rotated.needsRotation(fresh)).toBe(false);
  });

  it('names an unknown key', () => {
    const ct = createSecretBox([k2]).encrypt('s', 'a');
    expect(() => createSecretBox([k1]).decrypt(ct, 'a')).toThrow(/k2/);
  });
});
