import { describe, expect, it } from 'vitest';
import { UserError } from '../sdk/errors.ts';
import { createEgressPolicy } from './egress-policy.ts';

const MESSAGE = (host: string) =>
  `Запрос к адресу «${host}» запрещён политикой исходящих запросов (внутренние и служебные адреса недоступны). Разрешённые адреса задаются в EGRESS_ALLOW.`;

function refusal(fn: () => void): UserError {
  try {
    fn();
  } catch (err) {
    return err as UserError;
  }
  throw new Error('expected a refusal');
}

describe('egress policy without EGRESS_ALLOW', () => {
  const policy = createEgressPolicy('');

  it('refuses internal addresses with EGRESS_FORBIDDEN, the host and the judged address', () => {
    const err = refusal(() => policy.checkAddress('::ffff:7f00:1', 'api.example.ru'));
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ code: 'EGRESS_FORBIDDEN', transient: false, message: MESSAGE('api.example.ru'), details: { host: 'api.example.ru', address: '::ffff:7f00:1' } });
  });

  it('names the address itself when no host is given', () => {
    expect(refusal(() => policy.checkAddress('169.254.169.254'))).toMatchObject({ message: MESSAGE('169.254.169.254'), details: { host: '169.254.169.254' } });
  });

  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '77.88.55.88', '2a00:1450::1', '64:ff9b::808:808']) expect(() => policy.checkAddress(ip)).not.toThrow();
  });

  it('checks IP-literal hosts, brackets or not, and leaves names to connect time', () => {
    expect(refusal(() => policy.checkHost('[::1]'))).toMatchObject({ code: 'EGRESS_FORBIDDEN', details: { host: '::1', address: '::1' } });
    expect(refusal(() => policy.checkHost('127.0.0.1'))).toMatchObject({ details: { host: '127.0.0.1', address: '127.0.0.1' } });
    expect(refusal(() => policy.checkHost('0.0.0.0'))).toMatchObject({ code: 'EGRESS_FORBIDDEN' });
    expect(() => policy.checkHost('localhost')).not.toThrow();
    expect(() => policy.checkHost('8.8.8.8')).not.toThrow();
  });

  it('allows no host explicitly', () => {
    expect(policy.allowsHost('localhost')).toBe(false);
    expect(policy.allowsHost('127.0.0.1')).toBe(false);
    expect(policy.describe()).toMatch(/исключений нет/);
  });
});

describe('egress policy with EGRESS_ALLOW', () => {
  const policy = createEgressPolicy(' 127.0.0.1/32, 10.0.0.0/8 ,::1/128,sim.local,*.example.ru, 192.168.5.7, [fd00::5] ,');

  it('lets allowed subnets through and keeps the rest forbidden', () => {
    for (const ip of ['127.0.0.1', '::1', '10.20.30.40', '192.168.5.7', 'fd00::5']) expect(() => policy.checkAddress(ip)).not.toThrow();
    for (const ip of ['127.0.0.2', '192.168.5.8', '172.16.0.1', 'fd00::6', '169.254.169.254']) expect(() => policy.checkAddress(ip)).toThrow(UserError);
  });

  it('treats an IPv4 address and its ::ffff: form as one destination', () => {
    expect(() => policy.checkAddress('::ffff:127.0.0.1')).not.toThrow();
    expect(() => policy.checkAddress('::ffff:10.1.1.1')).not.toThrow();
    const v6only = createEgressPolicy('::ffff:127.0.0.1/128');
    expect(() => v6only.checkAddress('127.0.0.1')).not.toThrow();
    expect(() => v6only.checkAddress('127.0.0.2')).toThrow(UserError);
  });

  it('does not extend an IPv4 subnet to NAT64 or 6to4 forms', () => {
    expect(() => policy.checkAddress('64:ff9b::a00:1')).toThrow(UserError);
    expect(() => policy.checkAddress('2002:a00:1::1')).toThrow(UserError);
  });

  it('allows names exactly or by wildcard subdomain, case- and trailing-dot-insensitively', () => {
    expect(policy.allowsHost('sim.local')).toBe(true);
    expect(policy.allowsHost('SIM.local.')).toBe(true);
    expect(policy.allowsHost('api.example.ru')).toBe(true);
    expect(policy.allowsHost('a.b.example.ru')).toBe(true);
    expect(policy.allowsHost('example.ru')).toBe(false);
    expect(policy.allowsHost('evilexample.ru')).toBe(false);
    expect(policy.allowsHost('sim.local.evil.ru')).toBe(false);
    expect(policy.allowsHost('localhost')).toBe(false);
  });

  it('allows IP-literal hosts only through subnets', () => {
    expect(policy.allowsHost('[::1]')).toBe(true);
    expect(policy.allowsHost('10.0.0.1')).toBe(true);
    expect(policy.allowsHost('127.0.0.2')).toBe(false);
    expect(() => policy.checkHost('[::1]')).not.toThrow();
    expect(() => policy.checkHost('127.0.0.2')).toThrow(UserError);
  });

  it('matches internationalised names in punycode', () => {
    const idn = createEgressPolicy('*.пример.рф');
    expect(idn.allowsHost(new URL('http://апи.пример.рф/').hostname)).toBe(true);
  });

  it('describes its exceptions for the boot log', () => {
    expect(policy.describe()).toContain('127.0.0.1/32, 10.0.0.0/8, ::1/128, sim.local, *.example.ru');
  });
});

describe('EGRESS_ALLOW parsing', () => {
  it.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0/8', '127.1/32', '::1/129', 'fe80::/x', '300.1.1.1', '127.1', '2130706433', '0x7f000001', 'http://sim.local', 'sim local', '*', '*.', 'a..b', 'sim.local:8080'])(
    'rejects %j and names it',
    (entry) => {
      expect(() => createEgressPolicy(`127.0.0.1/32, ${entry}`)).toThrow(`«${entry}»`);
    },
  );

  it('accepts an empty or blank spec', () => {
    expect(() => createEgressPolicy('')).not.toThrow();
    expect(() => createEgressPolicy(' , ')).not.toThrow();
  });
});
