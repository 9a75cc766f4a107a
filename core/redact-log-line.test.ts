import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { redactLogLine } from './redact-log-line.ts';

const TOKEN = 'Q3vN8kZp0sLwXyT1uV2aB4cD5eF6gH7iJ9kL0mN1oP2';

function capture(level = 'debug') {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
  return { logger: createLogger(level, sink), text: () => lines.join('') };
}

describe('log redaction', () => {
  it('removes hook tokens from every path form, whatever the case, and keeps the line valid JSON', () => {
    const { logger, text } = capture();
    logger.error({ path: `/HOOKS/${TOKEN}`, url: `http://h/Hooks/${TOKEN}/?a=1`, originalUrl: `/hooks/${TOKEN}` }, 'запрос');
    logger.error({ err: new Error(`не удалось: POST /HoOkS/${TOKEN} (%2Fhooks%2F${TOKEN})`) }, 'ошибка');
    logger.child({ hook: `/hooks/${TOKEN}` }).warn('дочерний');
    expect(text()).not.toContain(TOKEN);
    expect(text()).toContain('/HOOKS/***');
    for (const line of text().trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('removes a bare token (e.g. quoted by the database) but keeps ordinary words and ids', () => {
    expect(redactLogLine(`duplicate key (token)=(${TOKEN})`)).not.toContain(TOKEN);
    const ordinary = '"reqId":"3f1c2a9e-7b1d-4c55-9e11-2d3c4b5a6f70","file":"integration-constructor-webhook-ingest-path"';
    expect(redactLogLine(ordinary)).toBe(ordinary);
  });

  it('removes auth headers, cookies, x-*-token headers and credential query keys wherever a request is logged', () => {
    const { logger, text } = capture();
    logger.info({
      req: { headers: { authorization: 'Bearer b-1', cookie: 'sid=c-2', 'x-api-token': 't-3', 'X-Webhook-Secret': 's-4', 'set-cookie': ['a=c-5', 'b=c-6'], accept: 'text/html' } },
      upstream: 'https://api.example.ru/x?api_token=q-7&page=2',
    }, 'Authorization: Basic dXNlcjpwYXNzd29yZA==');
    const out = text();
    expect(out).not.toMatch(/b-1|c-2|t-3|s-4|c-5|c-6|q-7|dXNlcjpwYXNzd29yZA/);
    expect(out).toContain('text/html');
    expect(out).toContain('page=2');
    expect(() => JSON.parse(out)).not.toThrow();
  });
});
