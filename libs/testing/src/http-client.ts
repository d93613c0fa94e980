/**
 * A small cookie-keeping HTTP client for end-to-end tests: it signs in like a browser
 * and sends the CSRF token with state-changing requests.
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrfToken?: string;

  constructor(readonly baseUrl: string) {}

  /** `body` goes as JSON, except a `FormData`, which goes as multipart (file uploads). */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers; text: string }> {
    const multipart = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(body === undefined || multipart ? {} : { 'content-type': 'application/json' }),
        ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.csrfToken && !['GET', 'HEAD'].includes(method) ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : multipart || typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }

  async signIn(login: string, password: string): Promise<void> {
    const response = await this.post('/api/auth/login', { login, password });
    if (response.status !== 200) throw new Error(`sign-in of ${login} failed: ${response.status} ${response.text}`);
    this.csrfToken = response.body.csrfToken;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
