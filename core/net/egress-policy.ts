import { UserError } from '../sdk/errors.ts';
import { classifyAddress, parseAddress } from './address-policy.ts';
import { allowListHasAddress, allowListHasHost, parseAllowList } from './allow-list.ts';

export const EGRESS_FORBIDDEN = 'EGRESS_FORBIDDEN';

/**
 * What every outgoing request is checked against. Addresses are checked on the socket actually
 * connected (see egress-lookup.ts); `checkHost` covers IP-literal hosts, which skip DNS.
 */
export interface EgressPolicy {
  /** Throws EGRESS_FORBIDDEN unless the address is public or inside an EGRESS_ALLOW subnet. */
  checkAddress(ip: string, host?: string): void;
  /**
   * For an IP literal (`127.0.0.1`, `[::1]`) the same as checkAddress. A name passes here: what
   * it resolves to is checked at connect time, so a rebinding name cannot slip through.
   */
  checkHost(hostname: string): void;
  /** Explicitly allowed by EGRESS_ALLOW: a matching name entry, or an IP literal in an allowed subnet. */
  allowsHost(hostname: string): boolean;
  /** One line for the boot log. */
  describe(): string;
}

export function egressForbiddenError(host: string, address: string): UserError {
  return new UserError(
    EGRESS_FORBIDDEN,
    `Запрос к адресу «${host}» запрещён политикой исходящих запросов (внутренние и служебные адреса недоступны). Разрешённые адреса задаются в EGRESS_ALLOW.`,
    { details: { host, address } },
  );
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** @param allowSpec the EGRESS_ALLOW value; throws an Error naming the first bad entry. */
export function createEgressPolicy(allowSpec: string): EgressPolicy {
  const list = parseAllowList(allowSpec);
  // The same few hosts are checked on every request of every run: remember each verdict.
  const hostVerdicts = new Map<string, UserError | null>();
  const policy: EgressPolicy = {
    checkAddress(ip, host = ip) {
      const cls = classifyAddress(ip);
      if (cls.forbidden && !allowListHasAddress(list, ip)) throw egressForbiddenError(stripBrackets(host), cls.address);
    },
    checkHost(hostname) {
      let verdict = hostVerdicts.get(hostname);
      if (verdict === undefined) {
        verdict = null;
        const host = stripBrackets(hostname);
        try {
          if (parseAddress(host)) policy.checkAddress(host, host);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          verdict = err;
        }
        if (hostVerdicts.size >= 1000) hostVerdicts.clear();
        hostVerdicts.set(hostname, verdict);
      }
      if (verdict) throw egressForbiddenError(String((verdict.details as { host: string }).host), String((verdict.details as { address: string }).address));
    },
    allowsHost(hostname) {
      const host = stripBrackets(hostname);
      if (parseAddress(host)) return allowListHasAddress(list, host);
      return allowListHasHost(list, host);
    },
    describe() {
      const base = 'исходящие запросы к внутренним и служебным адресам запрещены';
      return list.entries.length ? `${base}; исключения EGRESS_ALLOW: ${list.entries.join(', ')}` : `${base}; исключений нет (EGRESS_ALLOW пуст)`;
    },
  };
  return policy;
}

