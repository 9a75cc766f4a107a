/**
 * A test proxy in front of the simulator that can lose answers: the request reaches AmoCRM and is
 * carried out, then the connection is cut before the answer gets back — what a retried run must
 * survive without writing twice.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  url: string;
  /** Cut the answers of the next `times` requests with this method and path. */
  loseAnswer(method: string, path: string, times?: number): void;
  /** Answers lost so far. */
  readonly lost: number;
  close(): Promise<void>;
}

export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const rules: { method: string; path: string; left: number }[] = [];
  let lost = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const rule = rules.find((r) => r.left > 0 && r.method === req.method && r.path === path);
      if (rule) rule.left--;
      const up = http.request(target + (req.url ?? '/'), { method: req.method, headers: { ...req.headers, host: new URL(target).host }, agent: false }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          if (rule) {
            lost++;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(body));
        });
      });
      up.on('error', () => req.socket.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    loseAnswer: (method, path, times = 1) => void rules.push({ method, path, left: times }),
    get lost() {
      return lost;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
