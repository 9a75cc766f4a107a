import pino from 'pino';
import { redactLogLine } from './redact-log-line.ts';

/**
 * Secrets must never reach the logs: credentials, cookies and tokens are redacted wherever they
 * appear in a logged object (the paths below), and every finished line is scrubbed once more of
 * webhook tokens, auth headers and credential-looking query keys (redact-log-line.ts), whichever
 * call site wrote it.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({
    level,
    base: { pid: process.pid },
    redact: {
      paths: [
        'password', '*.password', 'credentials', '*.credentials', 'token', '*.token', 'secret', '*.secret',
        'headers.cookie', '*.headers.cookie', 'headers.authorization', '*.headers.authorization',
        'apiKey', '*.apiKey', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
      ],
      censor: '[скрыто]',
    },
    hooks: { streamWrite: redactLogLine },
  }, destination ?? pino.destination(1));
}
