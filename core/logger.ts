import pino from 'pino';

/**
 * Secrets must never reach the logs: credentials, cookies and tokens are redacted wherever they
 * appear in a logged object.
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
  }, destination ?? pino.destination(1));
}
