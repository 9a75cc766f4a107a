import { describe, expect, it } from 'vitest';
import { SECRET_MASK, type ActionContext, type HttpRequest } from '../../core/sdk/index.ts';
import { httpConnection, httpCredentialsSchema } from './credentials.connection.ts';
import { requestAction } from './request.action.ts';

/** A recording HttpClient: the action's job is what it asks the client to send. */
function context(props: Record<string, unknown>, connection: Record<string, unknown> | null, dryRun = false) {
  const sent: HttpRequest[] = [];
  const ctx = {
    props: requestAction.props.parse(props),
    input: {},
    connection,
    http: {
      async request(req: HttpRequest) {
        sent.push(req);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true } };
      },
    },
    store: { get: async () => undefined, put: async () => {}, delete: async () => {} },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    signal: new AbortController().signal,
    dryRun,
    run: { runId: 'r1', workflowId: 'w1', tenantId: 't1', nodeId: 'n1', attempt: 1 },
    idempotencyKey: 'r1:n1',
  } as unknown as ActionContext<never>;
  return { ctx, sent };
}
const base = { method: 'POST', url: 'https://api.example.ru/leads', body: '{"a":1}' };
const headerOf = (req: HttpRequest, name: string) => Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

describe('http.request credentials', () => {
  it('sends a bearer token from the chosen connection and marks Authorization secret', async () => {
    const { ctx, sent } = context({ ...base, headers: { Authorization: 'Bearer typed-by-hand' } }, { type: 'bearer', token: 'tok-1' });
    await requestAction.run(ctx);
    expect(headerOf(sent[0]!, 'authorization')).toBe('Bearer tok-1');
    expect(Object.keys(sent[0]!.headers!).filter((h) => h.toLowerCase() === 'authorization')).toHaveLength(1);
    expect(sent[0]!.secretHeaders!.map((h) => h.toLowerCase())).toContain('authorization');
  });

  it('sends basic auth, a custom header or a query key', async () => {
    const basic = context(base, { type: 'basic', username: 'иван', password: 'p:ss' });
    await requestAction.run(basic.ctx);
    expect(headerOf(basic.sent[0]!, 'authorization')).toBe(`Basic ${Buffer.from('иван:p:ss').toString('base64')}`);

    const header = context(base, { type: 'header', name: 'X-Api-Key', value: 'k-2' });
    await requestAction.run(header.ctx);
    expect(headerOf(header.sent[0]!, 'x-api-key')).toBe('k-2');
    expect(header.sent[0]!.secretHeaders).toContain('X-Api-Key');

    const query = context(base, { type: 'query', name: 'api_key', value: 'q-3' });
    await requestAction.run(query.ctx);
    expect(query.sent[0]!.query).toEqual({ api_key: 'q-3' });
  });

  it('sends the secret headers of the node and declares them secret for redirects', async () => {
    const { ctx, sent } = context({ ...base, headers: { 'x-test': '1' }, secretHeaders: { 'X-Signature': 'sig-4' } }, null);
    await requestAction.run(ctx);
    expect(headerOf(sent[0]!, 'x-signature')).toBe('sig-4');
    expect(headerOf(sent[0]!, 'x-test')).toBe('1');
    expect(sent[0]!.secretHeaders).toContain('X-Signature');
  });

  it('shows every credential masked in a dry run, and sends nothing', async () => {
    const { ctx, sent } = context(
      { ...base, headers: { 'X-Auth-Token': 'plain-5', 'x-test': '1' }, secretHeaders: { 'X-Signature': 'sig-6' } },
      { type: 'query', name: 'api_key', value: 'q-7' },
      true,
    );
    const out = (await requestAction.run(ctx)) as { request: { headers: Record<string, string>; query: Record<string, string> } };
    expect(sent).toHaveLength(0);
    expect(JSON.stringify(out)).not.toMatch(/plain-5|sig-6|q-7/);
    expect(out.request.headers).toMatchObject({ 'X-Auth-Token': SECRET_MASK, 'X-Signature': SECRET_MASK, 'x-test': '1' });
    expect(out.request.query).toEqual({ api_key: SECRET_MASK });
  });
});

describe('http credentials connection', () => {
  it('accepts the four shapes and describes them without the secret', async () => {
    const cases = [
      [{ type: 'bearer', token: 't' }, 'Bearer-токен'],
      [{ type: 'basic', username: 'u', password: 'p' }, 'Basic, логин u'],
      [{ type: 'header', name: 'X-Api-Key', value: 'v' }, 'заголовок X-Api-Key'],
      [{ type: 'query', name: 'api_key', value: 'v' }, 'параметр адреса api_key'],
    ] as const;
    for (const [creds, account] of cases) {
      const parsed = httpCredentialsSchema.parse(creds);
      expect(await httpConnection.test({ credentials: parsed } as never)).toEqual({ account });
    }
  });

  it('refuses bad credentials in Russian', () => {
    const issue = (v: unknown) => httpCredentialsSchema.safeParse(v).error?.issues[0]?.message;
    expect(issue({ type: 'oauth' })).toMatch(/Выберите тип учётных данных/);
    expect(issue({ type: 'bearer', token: '' })).toBe('Укажите значение');
    expect(issue({ type: 'header', name: 'X Api', value: 'v' })).toBe('Недопустимое имя заголовка');
    expect(issue({ type: 'basic', username: 'a:b', password: 'p' })).toBe('Логин не может содержать двоеточие');
  });
});
