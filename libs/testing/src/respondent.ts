import { randomUUID } from 'node:crypto';

export interface Question {
  type: string;
  name: string;
  rateValues?: { value: number }[];
}

export interface Definition {
  pages: { elements: Question[] }[];
}

/** Valid answers to every question of a definition: the `pick`-th scale point, and `comment` for free text. */
export function answersTo(definition: Definition, pick: number, comment?: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of definition.pages.flatMap((page) => page.elements)) {
    if (question.type === 'rating') answers[question.name] = question.rateValues![pick % question.rateValues!.length].value;
    if (question.type === 'comment' && comment) answers[question.name] = comment;
  }
  return answers;
}

export interface Reply {
  /** 0 when no reply came (connection refused or cut), as the respondent page counts it. */
  status: number;
  body: any;
}

/**
 * A respondent's browser: exchanges the token once, then submits with the session cookie.
 * `headers` go with every request (a load test gives each respondent its own address behind a proxy).
 */
export class Respondent {
  private cookie = '';

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async exchange(token: string): Promise<Reply & { cookie?: string }> {
    let cookie: string | undefined;
    const reply = await this.post('/api/respond/session', { token }, (response) => {
      cookie = response.headers.getSetCookie().find((c) => c.startsWith('jqc_respondent='));
      if (cookie) this.cookie = cookie.split(';')[0];
    });
    return { ...reply, cookie };
  }

  submit(body: unknown): Promise<Reply> {
    return this.post('/api/respond/submit', body);
  }

  private async post(path: string, body: unknown, onResponse?: (response: Response) => void): Promise<Reply> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en', cookie: this.cookie, ...this.headers },
        body: JSON.stringify(body),
      });
      onResponse?.(response);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch {
      return { status: 0, body: null };
    }
  }
}

/**
 * The `i`-th of many respondents' own addresses, as a reverse proxy (TRUST_PROXY_HOPS=1) reports
 * them: rate limits count per address, and a burst from one loopback address is not what a
 * court's many browsers look like.
 */
export function behindProxy(i: number): Record<string, string> {
  return { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
}

/** What opening an invitation link answers, with its Retry-After header. */
export async function openInvitation(baseUrl: string, token: string, language: string): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const response = await fetch(`${baseUrl}/api/respond/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify({ token }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
}

/** Worth another try with the same submission id, as the respondent page decides (respond.js `isRetryable`). */
export function isRetryable(reply: Reply): boolean {
  return reply.status === 0 || reply.status === 429 || reply.status >= 500 || reply.body?.code === 'responses.submission-in-progress';
}

export interface Persisted {
  /** How it ended: the answer recorded by this submission, or the invitation found already answered. */
  outcome: 'recorded' | 'already-answered';
  submissionId: string;
  /** Every status the respondent saw on the way, exchanges and submits. */
  statuses: number[];
}

/**
 * A respondent who does what the page lets a person do until the answer is in: retries what
 * is retryable with the same submission id, and opens the invitation link again when the
 * session is gone. Anything else is a failure of the test.
 */
export async function answerPersistently(
  baseUrl: string,
  token: string,
  answers: Record<string, unknown>,
  options: { headers?: Record<string, string>; timeoutMs?: number; pauseMs?: number } = {},
): Promise<Persisted> {
  const { headers = {}, timeoutMs = 120_000, pauseMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  const submissionId = randomUUID();
  const statuses: number[] = [];
  const respondent = new Respondent(baseUrl, headers);
  let session = false;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no answer recorded within ${timeoutMs} ms; statuses seen: ${statuses.join(' ')}`);
    const reply = session ? await respondent.submit({ submissionId, answers }) : await respondent.exchange(token);
    statuses.push(reply.status);
    if (!session && reply.status === 200) {
      session = true;
      continue;
    }
    if (session && (reply.status === 200 || reply.status === 201)) return { outcome: 'recorded', submissionId, statuses };
    if (reply.body?.code === 'responses.already-answered') return { outcome: 'already-answered', submissionId, statuses };
    if (reply.body?.code === 'responses.session-expired') session = false;
    else if (!isRetryable(reply)) throw new Error(`unexpected reply ${reply.status} ${JSON.stringify(reply.body)}; statuses seen: ${statuses.join(' ')}`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
