// The national campaign demo, driven through the real HTTP API of a running platform
// (scripts/demo.mjs starts it): three campaigns launched, invitations caught from the SMTP
// catcher, answered like people would answer, closed, aggregated, published and exported.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually, HttpClient, likertAnswer, readCaughtMail } from '@app/testing';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run the demo with npm run demo)`);
  return value;
};
const BASE_URL = env('DEMO_BASE_URL');
const PASSWORD = env('DEMO_PASSWORD');
const MAIL_DIR = env('DEMO_MAIL_DIR');
const OUT_DIR = env('DEMO_OUT_DIR');
const started = Date.now();

type Kind = 'judges-survey' | 'staff-survey' | 'peer-review';
type Locale = 'kk' | 'ru' | 'en';
interface Person {
  gender: string;
  region: string;
  index: number;
}
interface Campaign {
  kind: Kind;
  id: string;
  title: Record<Locale, string>;
  owner: HttpClient;
  invited: number;
  /** Share of invited people who answer (PRODUCT.md: about 57% of judges, 88% of staff). */
  answering: number;
}

function progress(text: string): void {
  process.stdout.write(`[demo ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);
}

/** A stable number in [0, 1) for a text: who answers, from an e-mail address. */
function unit(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

/** Some regions and women answer a little more favourably, so the gap analysis has something to find. */
function shift(person: Person): number {
  return (person.gender === 'f' ? 0.45 : 0) + (['abai', 'ulytau', 'mangystau'].includes(person.region) ? -0.4 : 0);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function people(): Promise<Map<string, Person>> {
  const db = new Client({ connectionString: env('DATABASE_URL') });
  await db.connect();
  try {
    const rows: { email: string; gender: string; region: string }[] = (
      await db.query(
        `SELECT DISTINCT ON (email) coalesce(j.email, s.email) AS email, p.gender, p.region_code AS region
         FROM campaigns.participant p
         LEFT JOIN registry.judge j ON p.person_kind = 'judge' AND j.id = p.person_id
         LEFT JOIN registry.staff_member s ON p.person_kind = 'staff' AND s.id = p.person_id
         ORDER BY email`,
      )
    ).rows;
    return new Map(rows.map((r, index) => [r.email.toLowerCase(), { gender: r.gender, region: r.region, index }]));
  } finally {
    await db.end();
  }
}

interface Question {
  type: string;
  name: string;
  isRequired?: boolean;
  choices?: ({ value: unknown } | string)[];
}
interface Form {
  definition: { pages: { elements: Question[] }[] };
  reviewees: { key: string }[];
}

const COMMENTS = [
  'Нужно больше помощников судей и секретарей.',
  'Жүктеме тым көп, қосымша маман қажет.',
  'Хотелось бы больше обучения по цифровым инструментам.',
  'Оқыту бағдарламалары жақсы, бірақ уақыт жетіспейді.',
  'Оплата труда не соответствует нагрузке.',
];

/** A plausible answer to one question: Likert points with the person's shift, a choice, sometimes a comment. */
function answer(question: Question, person: Person, salt: number, item: number): unknown {
  const pick = (n: number) => Math.floor(unit(`${person.index}:${salt}:${question.name}`) * n);
  const value = (choice: { value: unknown } | string) => (typeof choice === 'string' ? choice : choice.value);
  switch (question.type) {
    case 'rating':
      return likertAnswer(person.index * 7 + salt, item, shift(person));
    case 'checkbox':
      return question.choices?.length ? [value(question.choices[pick(question.choices.length)])] : undefined;
    case 'radiogroup':
    case 'dropdown':
      return question.choices?.length ? value(question.choices[pick(question.choices.length)]) : undefined;
    case 'boolean':
      return pick(2) === 1;
    default:
      // About one in eight writes a comment.
      return pick(8) === 0 ? COMMENTS[pick(COMMENTS.length * 8) % COMMENTS.length] : undefined;
  }
}

/** One respondent's browser: token exchange, then one submission. */
/** The reviewed judges of a peer-review round, by the personnel number an administrator would use. */
async function reviewees(roundId: string): Promise<string[]> {
  const db = new Client({ connectionString: env('DATABASE_URL') });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT DISTINCT j.personnel_number FROM campaigns.peer_assignment a JOIN registry.judge j ON j.id = a.reviewee_judge_id WHERE a.campaign_id = $1 ORDER BY 1`,
      [roundId],
    );
    return rows.map((r: { personnel_number: string }) => r.personnel_number);
  } finally {
    await db.end();
  }
}

/** Waits for an export job and saves its workbook. */
async function download(client: HttpClient, exportId: string, file: string): Promise<string> {
  await eventually(`the workbook ${file}`, async () => (await client.get(`/api/exports/${exportId}`)).body.status === 'done', 600_000);
  const response = await fetch(`${BASE_URL}/api/exports/${exportId}/download`, { headers: { cookie: `jqc_session=${client.cookie('jqc_session')}` } });
  if (!response.ok) throw new Error(`downloading ${file}: ${response.status}`);
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/**
 * As an administrator would, links the demo `judge` account to a reviewed judge by personnel
 * number, until one has published feedback (only that judge's own results are ever shown, so
 * nobody can tell beforehand), and downloads that judge's workbook.
 */
async function judgeFeedback(round: Campaign): Promise<{ personnelNumber: string; file: string }> {
  const admin = new HttpClient(BASE_URL);
  const judge = new HttpClient(BASE_URL);
  await admin.signIn('admin', PASSWORD);
  await judge.signIn('judge', PASSWORD);
  const account = ((await admin.get('/api/admin/users')).body as { id: string; login: string }[]).find((user) => user.login === 'judge');
  if (!account) throw new Error('the demo judge account is missing');
  for (const personnelNumber of await reviewees(round.id)) {
    const linked = await admin.request('PUT', `/api/admin/users/${account.id}/judge`, { personnelNumber });
    if (linked.status !== 200) throw new Error(`linking the judge account: ${linked.text}`);
    const requested = await judge.post(`/api/peer-feedback/${round.id}/exports`, { locale: 'ru' });
    if (requested.status === 404) continue;
    if (requested.status !== 202) throw new Error(`requesting feedback: ${requested.text}`);
    return { personnelNumber, file: await download(judge, requested.body.id, join(OUT_DIR, 'peer-feedback-ru.xlsx')) };
  }
  throw new Error('no reviewed judge has published feedback');
}

async function respond(token: string, person: Person, campaign: Campaign): Promise<number> {
  // Every respondent answers from their own device: a distinct address behind the demo's proxy hop,
  // so the per-address rate limit sees people, not this one script.
  const address = `10.${(person.index >> 16) & 255}.${(person.index >> 8) & 255}.${person.index & 255}`;
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const session = await fetch(`${BASE_URL}/api/respond/session`, { method: 'POST', headers, body: JSON.stringify({ token }) });
  if (!session.ok) throw new Error(`token exchange answered ${session.status}`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const form = (await session.json()) as Form;
  const questions = form.definition.pages.flatMap((p) => p.elements);
  const answers = (salt: number) => Object.fromEntries(questions.flatMap((q, j) => [[q.name, answer(q, person, salt, j)]].filter(([, v]) => v !== undefined)));
  const body =
    campaign.kind === 'peer-review'
      ? { submissionId: randomUUID(), reviews: form.reviewees.map((r, k) => ({ key: r.key, answers: answers(k + 1) })) }
      : { submissionId: randomUUID(), answers: answers(0) };
  const submit = await fetch(`${BASE_URL}/api/respond/submit`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify(body) });
  if (!submit.ok) throw new Error(`submit answered ${submit.status}: ${await submit.text()}`);
  return submit.status;
}

async function main(): Promise<void> {
  const commission = new HttpClient(BASE_URL);
  const hr = new HttpClient(BASE_URL);
  await commission.signIn('commission', PASSWORD);
  await hr.signIn('hr', PASSWORD);
  const instruments = (await commission.get('/api/instruments')).body as { kind: Kind; latestVersion: { id: string } }[];
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const specs: { kind: Kind; owner: HttpClient; title: Record<Locale, string>; answering: number; population?: object }[] = [
    { kind: 'judges-survey', owner: commission, answering: 0.57, title: { kk: `Судьялар сауалнамасы (демо ${stamp})`, ru: `Опрос судей (демо ${stamp})`, en: `Judges’ survey (demo ${stamp})` } },
    { kind: 'staff-survey', owner: hr, answering: 0.88, title: { kk: `Қызметкерлер сауалнамасы (демо ${stamp})`, ru: `Опрос работников судов (демо ${stamp})`, en: `Court staff survey (demo ${stamp})` } },
    {
      kind: 'peer-review',
      owner: commission,
      answering: 0.8,
      // District judges review colleagues of their region; the level rules leave the Supreme Court president without reviewers.
      population: { courtLevels: ['district'] },
      title: { kk: `Әріптестік бағалау (демо ${stamp})`, ru: `Взаимная оценка (демо ${stamp})`, en: `Peer review (demo ${stamp})` },
    },
  ];
  const campaigns: Campaign[] = [];
  for (const spec of specs) {
    const created = await spec.owner.post('/api/campaigns', {
      kind: spec.kind,
      title: spec.title,
      instrumentVersionId: instruments.find((i) => i.kind === spec.kind)!.latestVersion.id,
      deadline: new Date(Date.now() + 14 * 24 * 3600_000).toISOString(),
      reminderDays: [],
      ...(spec.population ? { population: spec.population } : {}),
    });
    if (created.status !== 201) throw new Error(`creating the ${spec.kind} campaign: ${created.text}`);
    const launched = await spec.owner.post(`/api/campaigns/${created.body.id}/launch`);
    if (launched.status !== 200) throw new Error(`launching the ${spec.kind} campaign: ${launched.text}`);
    campaigns.push({ kind: spec.kind, id: created.body.id, title: spec.title, owner: spec.owner, invited: launched.body.participants, answering: spec.answering });
    progress(`launched ${spec.title.en}: ${launched.body.participants} invited${launched.body.assignments ? `, ${launched.body.assignments} reviews assigned` : ''}`);
  }

  const expected = campaigns.reduce((sum, c) => sum + c.invited, 0);
  let caught = await readCaughtMail(MAIL_DIR);
  await eventually(
    'the invitations',
    async () => {
      caught = await readCaughtMail(MAIL_DIR);
      progress(`invitations caught: ${caught.length} / ${expected}`);
      return caught.length >= expected;
    },
    600_000,
    1000,
  );

  const register = await people();
  const work = caught.flatMap((mail) => {
    const campaign = campaigns.find((c) => Object.values(c.title).some((title) => mail.subject.includes(title)));
    const person = register.get(mail.to.toLowerCase());
    const token = /#([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    if (!campaign || !person || !token) return [];
    return unit(`${campaign.kind}:${mail.to}`) < campaign.answering ? [{ token, person, campaign }] : [];
  });
  let answered = 0;
  await pool(work, 32, async ({ token, person, campaign }) => {
    await respond(token, person, campaign);
    answered += 1;
    if (answered % 500 === 0 || answered === work.length) progress(`answered over HTTP: ${answered} / ${work.length}`);
  });

  for (const campaign of campaigns) {
    const closed = await campaign.owner.post(`/api/campaigns/${campaign.id}/close`);
    if (closed.status !== 200) throw new Error(`closing ${campaign.kind}: ${closed.text}`);
  }
  progress('closed all three; the worker finalises, aggregates and audits');
  for (const campaign of campaigns) {
    await eventually(
      `the results of ${campaign.kind}`,
      async () => {
        const status = (await campaign.owner.get(`/api/campaigns/${campaign.id}/results/status`)).body;
        if (status.pending?.progress?.total) progress(`${campaign.kind}: aggregating ${status.pending.progress.done} / ${status.pending.progress.total}`);
        return status.releases?.length > 0;
      },
      1_800_000,
      1000,
    );
    await campaign.owner.post(`/api/campaigns/${campaign.id}/results/publish`);
  }

  await mkdir(OUT_DIR, { recursive: true });
  const files: string[] = [];
  const lines: string[] = [];
  for (const campaign of campaigns) {
    const rate = (await campaign.owner.get(`/api/campaigns/${campaign.id}/response-rate`)).body;
    const results = JSON.parse((await campaign.owner.get(`/api/campaigns/${campaign.id}/results`)).text);
    if (campaign.kind === 'peer-review') {
      lines.push(`${campaign.title.en}: ${(rate.rate * 100).toFixed(1)}% of reviewers answered; ${results.summary.judgesWithResults} of ${results.summary.reviewees} judges have results they alone can read`);
      const feedback = await judgeFeedback(campaign);
      files.push(feedback.file);
      lines.push(`The demo account "judge" is linked to judge ${feedback.personnelNumber}: their own feedback is at ${BASE_URL}/feedback`);
      progress('exported one judge’s own feedback');
      continue;
    }
    const significant = results.genderGaps.gaps.filter((g: { significant: boolean }) => g.significant).length;
    lines.push(
      `${campaign.title.en}: response rate ${(rate.rate * 100).toFixed(1)}% (${rate.responded} / ${rate.invited}); cells published ${results.summary.publishedCells}, suppressed ${results.summary.suppressedCells}; significant gender gaps ${significant}`,
    );
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const requested = await campaign.owner.post(`/api/campaigns/${campaign.id}/exports`, { locale });
      files.push(await download(campaign.owner, requested.body.id, join(OUT_DIR, `${campaign.kind}-${locale}.xlsx`)));
    }
    progress(`exported ${campaign.kind} in kk, ru and en`);
  }

  process.stdout.write(`\n✔ National campaign demo finished in ${((Date.now() - started) / 1000).toFixed(0)} s (synthetic register: every figure is made up)\n`);
  for (const line of lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write(`  Workbooks:\n${files.map((f) => `    ${f}`).join('\n')}\n  Dashboard: ${BASE_URL}/dashboard (commission or hr), ${BASE_URL}/feedback (judge); password ${PASSWORD}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\n✖ demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
