import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSecretBox, secretAad } from '../crypto/secret-box.ts';
import type { Graph } from '../graph/graph.schema.ts';
import { SECRET_MASK } from '../graph/secret-mask.ts';
import { defineAction, definePlugin, widget } from '../sdk/index.ts';
import { UserError } from '../sdk/errors.ts';
import { createPluginRegistry } from './plugin-registry.ts';
import {
  maskSecretProps, resealSecretProps, rotateGraphSecrets, runSecrets, sealSecretProps, SECRET_CIPHER_PREFIX, stripSecretProps,
} from './secret-props.ts';

const plugin = definePlugin({
  id: 'vault',
  title: 'Сейф',
  description: 'для теста',
  version: '1',
  nodes: [
    defineAction({
      id: 'call',
      title: 'Вызов',
      description: 'узел с секретами всех видов',
      props: z.object({
        url: z.string(),
        password: widget(z.string().default(''), 'secret'),
        auth: widget(z.record(z.string(), z.string()).default({}), 'secret-keyvalue'),
        headers: widget(z.record(z.string(), z.string()).default({}), 'keyvalue', { secretKeys: '^authorization$|token' }),
        shared: widget(z.string().default(''), 'secret-hash'),
      }),
      run: async () => null,
    }),
  ],
});
const { catalog } = createPluginRegistry([plugin]);
const k1 = randomBytes(32);
const box = createSecretBox([{ id: 'k1', key: k1 }]);
const aad = secretAad('tenant-1', 'wf-1');

const graph = (props: Record<string, unknown>): Graph => ({
  schemaVersion: 1,
  nodes: [{ id: 'n1', type: 'vault.call', version: 1, position: { x: 0, y: 0 }, props }],
  edges: [],
});
const PLAIN = {
  url: 'https://example.ru',
  password: 'пароль-1',
  auth: { 'X-Api-Key': 'ключ-2' },
  headers: { Authorization: 'Bearer токен-3', 'X-Api-Token': 'токен-4', Accept: 'application/json' },
  shared: 'общий-5',
};
const SECRETS = ['пароль-1', 'ключ-2', 'токен-3', 'токен-4', 'общий-5'];
const propsOf = (g: Graph) => g.nodes[0]!.props as typeof PLAIN;

describe('secret props', () => {
  it('are stored encrypted (or hashed) and never in clear; other props stay as they are', () => {
    const sealed = sealSecretProps(graph(PLAIN), catalog, { box, aad });
    const text = JSON.stringify(sealed);
    for (const s of SECRETS) expect(text).not.toContain(s);
    const p = propsOf(sealed);
    expect(p.url).toBe('https://example.ru');
    expect(p.password.startsWith(SECRET_CIPHER_PREFIX)).toBe(true);
    expect(p.auth['X-Api-Key']!.startsWith(SECRET_CIPHER_PREFIX)).toBe(true);
    expect(p.headers.Authorization!.startsWith(SECRET_CIPHER_PREFIX)).toBe(true);
    expect(p.headers.Accept).toBe('application/json');
    expect(p.shared).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('are shown masked; the mask sent back keeps the stored ciphertext; a new value replaces it', () => {
    const stored = sealSecretProps(graph(PLAIN), catalog, { box, aad });
    const view = maskSecretProps(stored, catalog);
    expect(propsOf(view)).toMatchObject({ password: SECRET_MASK, auth: { 'X-Api-Key': SECRET_MASK }, headers: { Authorization: SECRET_MASK, Accept: 'application/json' } });
    expect(JSON.stringify(view)).not.toContain(SECRET_CIPHER_PREFIX);

    const resaved = sealSecretProps(view, catalog, { box, aad, stored });
    expect(resaved).toEqual(stored);

    const changed = sealSecretProps(graph({ ...propsOf(view), password: 'новый' }), catalog, { box, aad, stored });
    expect(propsOf(changed).password).not.toBe(propsOf(stored).password);
    expect(runSecrets(catalog, box, aad).open(changed.nodes[0]!).props.password).toBe('новый');
  });

  it('refuse a mask with nothing stored behind it, and a ciphertext of another rule, in Russian', () => {
    expect(() => sealSecretProps(graph({ ...PLAIN, password: SECRET_MASK }), catalog, { box, aad })).toThrow(/Секретное значение не задано \(узел «n1», поле password\)/);
    const foreign = sealSecretProps(graph(PLAIN), catalog, { box, aad: secretAad('tenant-1', 'wf-other') });
    let err: unknown;
    try {
      sealSecretProps(foreign, catalog, { box, aad });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('SECRET_INVALID');
  });

  it('stay behind on export, keys kept so the importer knows what to fill', () => {
    const stripped = propsOf(stripSecretProps(sealSecretProps(graph(PLAIN), catalog, { box, aad }), catalog));
    expect(stripped).toMatchObject({ password: '', auth: { 'X-Api-Key': '' }, headers: { Authorization: '', 'X-Api-Token': '', Accept: 'application/json' }, shared: '' });
  });

  it('open for the run only, and are masked in what a step records', () => {
    const stored = sealSecretProps(graph(PLAIN), catalog, { box, aad });
    const secrets = runSecrets(catalog, box, aad);
    const opened = secrets.open(stored.nodes[0]!);
    expect(opened.props).toMatchObject({ password: 'пароль-1', auth: { 'X-Api-Key': 'ключ-2' }, headers: { Authorization: 'Bearer токен-3' } });
    const shown = JSON.stringify(secrets.mask(stored.nodes[0]!, opened.props));
    for (const s of SECRETS.slice(0, 4)) expect(shown).not.toContain(s);
    expect(shown).toContain('application/json');
    // Bound to its rule: another rule's key material does not open it.
    expect(() => runSecrets(catalog, box, secretAad('tenant-1', 'wf-2')).open(stored.nodes[0]!)).toThrow(/Не удалось расшифровать/);
  });

  it('are re-encrypted for a copy of the rule and for a new key', () => {
    const stored = sealSecretProps(graph(PLAIN), catalog, { box, aad });
    const copyAad = secretAad('tenant-1', 'wf-copy');
    const copy = resealSecretProps(stored, catalog, box, aad, copyAad);
    expect(runSecrets(catalog, box, copyAad).open(copy.nodes[0]!).props.password).toBe('пароль-1');

    expect(rotateGraphSecrets(stored, box, aad)).toBeNull(); // already on the newest key
    const next = createSecretBox([{ id: 'k2', key: randomBytes(32) }, { id: 'k1', key: k1 }]);
    const rotated = rotateGraphSecrets(stored, next, aad)!;
    expect(propsOf(rotated).password.startsWith(`${SECRET_CIPHER_PREFIX}v1.k2.`)).toBe(true);
    expect(propsOf(rotated).shared).toBe(propsOf(stored).shared);
    expect(runSecrets(catalog, next, aad).open(rotated.nodes[0]!).props).toMatchObject({ password: 'пароль-1', headers: { Authorization: 'Bearer токен-3' } });
    expect(rotateGraphSecrets(rotated, next, aad)).toBeNull();
  });
});
