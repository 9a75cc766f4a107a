/**
 * LPTracker answers every application outcome with HTTP 200 and a JSON envelope; failures carry
 * `errors[{code,message}]`. Handlers throw SimError and the dispatcher renders the envelope.
 */
export class SimError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export type Envelope =
  | { status: 'success'; result?: object | string | number | boolean | null }
  | { status: 'error'; errors: { code: number; message: string }[] };

/** What a route returns: `undefined` means success without `result` (logout, callback-url, call). */
export type RouteResult = object | undefined;

export function success(result: RouteResult): Envelope {
  return result === undefined ? { status: 'success' } : { status: 'success', result };
}

export function failure(code: number, message: string): Envelope {
  return { status: 'error', errors: [{ code, message }] };
}

export const notFound = (what: string) => new SimError(404, `${what} не найден`);
export const badRequest = (message: string) => new SimError(400, message);

/** What nginx in front of a PHP app shows when the backend falls over. */
export const HTML_500 =
  '<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n' +
  '<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A PHP error page served with status 200: the kind of body that breaks naive JSON clients. */
export const HTML_PHP_ERROR =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ошибка</title></head><body>' +
  '<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted in ' +
  '<b>/var/www/direct/vendor/framework/src/Db/Connection.php</b> on line <b>412</b><br />\n</body></html>';
