/** A bare fetch client for the simulator's own tests: it speaks the wire format, nothing smarter. */
export interface LptReply {
  status: number;
  contentType: string;
  text: string;
  // Tests inspect arbitrary envelope shapes.
  json: any;
}

export class LptTestClient {
  token: string | null = null;

  constructor(readonly baseUrl: string, readonly login: string, readonly password: string) {}

  async call(method: string, path: string, body?: object | string, opts: { token?: string | null; timeoutMs?: number } = {}): Promise<LptReply> {
    const token = opts.token === undefined ? this.token : opts.token;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(token ? { token } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, body: object = {}) => this.call('POST', path, body);
  put = (path: string, body: object = {}) => this.call('PUT', path, body);
  del = (path: string) => this.call('DELETE', path);

  async signIn(): Promise<string> {
    const r = await this.call('POST', '/login', { login: this.login, password: this.password, service: 'tests', version: '1.0' }, { token: null });
    if (r.json?.status !== 'success') throw new Error(`login failed: ${r.text}`);
    this.token = r.json.result.token as string;
    return this.token;
  }
}
