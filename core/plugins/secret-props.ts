import { createHash } from 'node:crypto';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Graph, GraphNode } from '../graph/graph.schema.ts';
import type { NodeCatalog } from '../graph/node-catalog.ts';
import { SECRET_MASK } from '../graph/secret-mask.ts';
import { UserError } from '../sdk/errors.ts';

export const SECRET_HASH_PREFIX = 'sha256:';
/** A stored secret prop value: `enc:` + a secret-box ciphertext bound to the tenant and the workflow. */
export const SECRET_CIPHER_PREFIX = 'enc:';

/** Widgets whose every value (a string, or each value of a map) is encrypted at rest. */
const ENCRYPTED_WIDGETS = new Set(['secret', 'secret-keyvalue']);

interface EncryptedProp {
  name: string;
  /** Only these keys of a map prop (`keyvalue` with `x-options.secretKeys`); every leaf when absent. */
  keys?: RegExp;
}

interface SecretPropNames {
  hashed: string[];
  encrypted: EncryptedProp[];
}

type Props = Record<string, unknown>;
type Path = (string | number)[];

type PropJsonSchema = { 'x-widget'?: string; 'x-options'?: { secretKeys?: string } };

/**
 * Props a node marks secret (top level of its props), by how they are kept: `secret-hash`;
 * `secret` and `secret-keyvalue`; and a map prop whose keys matching `x-options.secretKeys` (a
 * case-insensitive regex) hold secrets, e.g. an Authorization typed among ordinary headers.
 */
function secretPropsOf(catalog: NodeCatalog, type: string, version: number): SecretPropNames {
  const schema = catalog.get(type, version)?.propsSchema as { properties?: Record<string, PropJsonSchema> } | undefined;
  const hashed: string[] = [];
  const encrypted: EncryptedProp[] = [];
  for (const [name, p] of Object.entries(schema?.properties ?? {})) {
    if (p['x-widget'] === 'secret-hash') hashed.push(name);
    else if (ENCRYPTED_WIDGETS.has(p['x-widget'] ?? '')) encrypted.push({ name });
    else if (typeof p['x-options']?.secretKeys === 'string') encrypted.push({ name, keys: new RegExp(p['x-options'].secretKeys, 'i') });
  }
  return { hashed, encrypted };
}

/**
 * Applies `fn` to every leaf under the prop: a secret is a string, or a map of them (header values),
 * and keys stay as they are (header names are not secret). Numbers and booleans count as leaves so
 * that a wrongly typed value is never stored in clear.
 */
function mapLeaves(value: unknown, path: Path, fn: (leaf: unknown, path: Path) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => mapLeaves(v, [...path, i], fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Props).map(([k, v]) => [k, mapLeaves(v, [...path, k], fn)]));
  }
  return value === null || value === undefined ? value : fn(value, path);
}

function mapNodes(graph: Graph, catalog: NodeCatalog, fn: (node: GraphNode, names: SecretPropNames) => Props): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const names = secretPropsOf(catalog, node.type, node.version);
      if (names.hashed.length === 0 && names.encrypted.length === 0) return node;
      return { ...node, props: fn(node, names) };
    }),
  };
}

function mapProps(props: Props, names: (string | EncryptedProp)[], fn: (leaf: unknown, path: Path) => unknown): Props {
  const out = { ...props };
  for (const entry of names) {
    const { name, keys } = typeof entry === 'string' ? { name: entry, keys: undefined } : entry;
    if (!(name in out)) continue;
    const value = out[name];
    if (!keys) out[name] = mapLeaves(value, [name], fn);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[name] = Object.fromEntries(Object.entries(value as Props).map(([k, v]) => [k, keys.test(k) ? mapLeaves(v, [name, k], fn) : v]));
    }
  }
  return out;
}

const hashValue = (value: unknown) =>
  typeof value === 'string' && value !== '' && !value.startsWith(SECRET_HASH_PREFIX)
    ? SECRET_HASH_PREFIX + createHash('sha256').update(value).digest('hex')
    : value;

const isCipher = (v: unknown): v is string => typeof v === 'string' && v.startsWith(SECRET_CIPHER_PREFIX);

function at(value: unknown, path: Path): unknown {
  let cur = value;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

const where = (node: GraphNode, path: Path) => `узел «${node.label ?? node.id}», поле ${path.join(' → ')}`;

export interface SealOptions {
  box: SecretBox;
  /** `secretAad(tenantId, workflowId)`: a ciphertext opens only in its own workflow. */
  aad: string;
  /** The graph stored so far: a mask sent back keeps the value stored at the same place. */
  stored?: Graph | null;
}

/**
 * The form every graph is stored in: `secret-hash` props as SHA-256, `secret`/`secret-keyvalue`
 * values encrypted. A value equal to SECRET_MASK keeps what is stored at the same node, prop and
 * key; without one it is refused (422) rather than silently dropped.
 */
export function sealSecretProps(graph: Graph, catalog: NodeCatalog, opts: SealOptions): Graph {
  const storedNodes = new Map((opts.stored?.nodes ?? []).map((n) => [n.id, n]));
  return mapNodes(graph, catalog, (node, names) => {
    const hashed = mapProps(node.props, names.hashed, hashValue);
    return mapProps(hashed, names.encrypted, (leaf, path) => {
      if (leaf === '') return leaf;
      const kept = at(storedNodes.get(node.id)?.props, path);
      if (leaf === SECRET_MASK) {
        if (isCipher(kept)) return kept;
        throw new UserError('SECRET_NOT_SET', `Секретное значение не задано (${where(node, path)}): введите его заново`, { details: { nodeId: node.id, path: path.join('.') } });
      }
      if (isCipher(leaf)) {
        if (leaf === kept || opens(opts.box, leaf, opts.aad)) return leaf;
        throw new UserError('SECRET_INVALID', `Зашифрованное значение не относится к этому правилу (${where(node, path)}): введите его заново`, { details: { nodeId: node.id, path: path.join('.') } });
      }
      return SECRET_CIPHER_PREFIX + opts.box.encrypt(String(leaf), opts.aad);
    });
  });
}

function opens(box: SecretBox, cipher: string, aad: string): boolean {
  try {
    box.decrypt(cipher.slice(SECRET_CIPHER_PREFIX.length), aad);
    return true;
  } catch {
    return false;
  }
}

/** For the API: encrypted values become SECRET_MASK (hashes stay: the editor only tests their prefix). */
export function maskSecretProps(graph: Graph, catalog: NodeCatalog): Graph {
  return mapNodes(graph, catalog, (node, names) => mapProps(node.props, names.encrypted, (leaf) => (leaf === '' ? leaf : SECRET_MASK)));
}

/** For exports: secrets (even hashed or encrypted) stay behind, map keys stay; the importer sets the values again. */
export function stripSecretProps(graph: Graph, catalog: NodeCatalog): Graph {
  return mapNodes(graph, catalog, (node, names) => mapProps(node.props, [...names.hashed, ...names.encrypted], () => ''));
}

/** For a copy of a rule: its ciphertexts are bound to the source rule, so they are encrypted again. */
export function resealSecretProps(graph: Graph, catalog: NodeCatalog, box: SecretBox, fromAad: string, toAad: string): Graph {
  return mapNodes(graph, catalog, (node, names) =>
    mapProps(node.props, names.encrypted, (leaf, path) => (isCipher(leaf) ? SECRET_CIPHER_PREFIX + box.encrypt(openOne(box, leaf, fromAad, node, path), toAad) : leaf)),
  );
}

function openOne(box: SecretBox, cipher: string, aad: string, node: GraphNode, path: Path): string {
  try {
    return box.decrypt(cipher.slice(SECRET_CIPHER_PREFIX.length), aad);
  } catch {
    throw new UserError('SECRET_DECRYPT_FAILED', `Не удалось расшифровать секретное значение (${where(node, path)}): введите его заново`);
  }
}

/**
 * What the executor needs of one run's secrets: `open` decrypts a node's secret props just before
 * its templates are resolved, `mask` hides them in whatever is recorded as the step's input.
 */
/** Which props of a node type are encrypted, per catalog: read from its JSON Schema once, not per run. */
const encryptedByCatalog = new WeakMap<NodeCatalog, Map<string, EncryptedProp[]>>();

export function runSecrets(catalog: NodeCatalog, box: SecretBox, aad: string) {
  let cache = encryptedByCatalog.get(catalog);
  if (!cache) encryptedByCatalog.set(catalog, (cache = new Map()));
  const encryptedOf = (node: GraphNode) => {
    const key = `${node.type}@${node.version}`;
    let names = cache.get(key);
    if (!names) cache.set(key, (names = secretPropsOf(catalog, node.type, node.version).encrypted));
    return names;
  };
  return {
    open(node: GraphNode): GraphNode {
      const names = encryptedOf(node);
      if (names.length === 0) return node;
      return { ...node, props: mapProps(node.props, names, (leaf, path) => (isCipher(leaf) ? openOne(box, leaf, aad, node, path) : leaf)) };
    },
    mask(node: GraphNode, value: unknown): unknown {
      const names = encryptedOf(node);
      if (names.length === 0 || !value || typeof value !== 'object' || Array.isArray(value)) return value;
      return mapProps(value as Props, names, (leaf) => (leaf === '' ? leaf : SECRET_MASK));
    },
  };
}

export type RunSecrets = ReturnType<typeof runSecrets>;


/**
 * Re-encrypts with the newest key every ciphertext a stored graph holds (for rotate-keys); no
 * plugin knowledge needed, a ciphertext is recognised by its prefix. Returns null when none needed it.
 */
export function rotateGraphSecrets(graph: Graph, box: SecretBox, aad: string): Graph | null {
  let rotated = 0;
  const walk = (value: unknown): unknown => {
    if (isCipher(value)) {
      const cipher = value.slice(SECRET_CIPHER_PREFIX.length);
      if (!box.needsRotation(cipher)) return value;
      rotated++;
      return SECRET_CIPHER_PREFIX + box.encrypt(box.decrypt(cipher, aad), aad);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Props).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const nodes = graph.nodes.map((node) => ({ ...node, props: walk(node.props) as Props }));
  return rotated > 0 ? { ...graph, nodes } : null;
}
