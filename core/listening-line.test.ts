import { describe, expect, it } from 'vitest';
import { listeningLine } from './listening-line.ts';

const at = (address: string, port: number, family = 'IPv4') => ({ address: () => ({ address, port, family }) });

describe('the start-up line', () => {
  it('names the bind address and the public URL when listening on every interface', () => {
    expect(listeningLine(at('0.0.0.0', 3000), 'http://localhost:3000', 'all')).toBe(
      'Сервер слушает http://0.0.0.0:3000 (все сетевые интерфейсы), публичный адрес http://localhost:3000 (роль: all)',
    );
    expect(listeningLine(at('::', 8080, 'IPv6'), 'https://crm.example.ru', 'web')).toBe(
      'Сервер слушает http://[::]:8080 (все сетевые интерфейсы), публичный адрес https://crm.example.ru (роль: web)',
    );
  });

  it('prints one address when the public URL is the bound one', () => {
    expect(listeningLine(at('127.0.0.1', 3000), 'http://127.0.0.1:3000', 'all')).toBe('Сервер слушает http://127.0.0.1:3000 (роль: all)');
  });

  it('reports the port actually taken (PORT=0), not the configured one', () => {
    expect(listeningLine(at('127.0.0.1', 41234), 'http://localhost:3000', 'all')).toContain('http://127.0.0.1:41234');
  });
});
