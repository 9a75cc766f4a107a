import type { AddressInfo } from 'node:net';

/** `http://host:port` of a bound socket address (IPv6 in brackets). */
export function boundUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The start-up line: the address the server really listens on and, when that is every interface
 * (0.0.0.0) or differs from it, the public address users and CRMs are given.
 */
export function listeningLine(server: { address(): AddressInfo | string | null }, publicUrl: string, role: string): string {
  const address = server.address();
  if (!address || typeof address === 'string') return `Сервер слушает ${address ?? publicUrl} (роль: ${role})`;
  const bound = boundUrl(address);
  const everywhere = WILDCARD.has(address.address);
  const where = everywhere ? `${bound} (все сетевые интерфейсы)` : bound;
  const samePublic = new URL(publicUrl).origin === new URL(bound).origin;
  return samePublic
    ? `Сервер слушает ${where} (роль: ${role})`
    : `Сервер слушает ${where}, публичный адрес ${publicUrl} (роль: ${role})`;
}
