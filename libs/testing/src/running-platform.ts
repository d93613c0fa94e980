import { ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { createTestDatabase, TestDatabase } from './test-database';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A loopback port nothing listens on, for a server started next. Drawn below the kernel's
 * ephemeral range: a port the kernel hands out (listen(0)) can be taken by any outgoing
 * connection before the server binds it, which once made an api fail to start under load.
 */
export async function freePort(): Promise<number> {
  const [ephemeralStart] = (await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '32768')).trim().split(/\s+/).map(Number);
  const low = 10_000;
  if (!(ephemeralStart > low + 1000)) return kernelPort();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = low + randomInt(ephemeralStart - low);
    // Not twice from this process: the first server it went to may not be listening yet.
    if (!handedOut.has(port) && (await bindable(port))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port found between ${low} and ${ephemeralStart}`);
}

const handedOut = new Set<number>();

async function bindable(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  // `once` rejects on 'error' (EADDRINUSE): a port in use.
  const bound = await once(server, 'listening').then(
    () => true,
    () => false,
  );
  if (bound) {
    server.close();
    await once(server, 'close');
  }
  return bound;
}

/** A port the kernel picks, where its ephemeral range leaves no room below it. */
async function kernelPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningApp {
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended by itself or by `stop`. */
  exited: Promise<number | null>;
  /** Everything the process wrote, for assertions on logs. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs a built app (`npm test` builds first) as a real process with the given environment.
 * `reportDeath`: a server meant to keep running (the platform's api and worker) prints its last
 * output to the test log if it exits by itself.
 */
export function runApp(app: 'api' | 'worker' | 'cli', env: NodeJS.ProcessEnv, args: string[] = [], options: { reportDeath?: boolean } = {}): RunningApp {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // A server that dies by itself takes the reason with it unless its last words reach the test log.
      if (!stopping && options.reportDeath) process.stderr.write(`[${app}] exited by itself (${code ?? signal}); its last output:\n${output.slice(-6000)}\n`);
      resolve(code);
    }),
  );
  return {
    process: child,
    exited,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The log lines in which an app reports an error it did not expect (the api's 500s, with name, code and stack). */
export function unexpectedErrors(app: RunningApp): string[] {
  return app
    .output()
    .split('\n')
    .filter((line) => line.includes('"msg":"unhandled error"'));
}

export async function waitUntilHealthy(url: string, app: RunningApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`app exited with ${app.process.exitCode}:\n${app.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms:\n${app.output()}`);
}

export interface CaughtMail {
  file: string;
  /** The raw message (headers and body) as the SMTP server received it. */
  raw: string;
  to: string;
  subject: string;
  /** The decoded text body. */
  text: string;
}

export interface RunningPlatform {
  db: TestDatabase;
  baseUrl: string;
  workerHealthUrl: string;
  /** The current api process: {@link RunningPlatform.restartApi} replaces it. */
  readonly api: RunningApp;
  /** The current worker process: {@link RunningPlatform.restartWorker} replaces it. */
  readonly worker: RunningApp;
  /** Kills the api (SIGKILL: requests cut off mid-way, no shutdown hooks) and starts a fresh one on the same port. */
  restartApi(): Promise<void>;
  /** Kills the worker (SIGKILL: no shutdown hooks, locks left behind) and starts a fresh one. */
  restartWorker(): Promise<void>;
  /** Every message the platform sent, read from the local SMTP catcher. */
  mails(): Promise<CaughtMail[]>;
  stop(): Promise<void>;
}

/** Reads the .eml files of a catcher directory, decoding quoted-printable and base64 text parts. */
export async function readCaughtMail(dir: string): Promise<CaughtMail[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(join(dir, file), 'utf8');
      const parsed = await PostalMime.parse(raw);
      const to = (parsed.to ?? []).map((address) => ('address' in address ? address.address : '')).join(', ');
      return { file, raw, to, subject: parsed.subject ?? '', text: parsed.text ?? '' };
    }),
  );
}

/** The api and the worker as real processes on a fresh database, as `npm start` runs them. */
export async function startPlatform(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningPlatform> {
  const db = await createTestDatabase();
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  const [mailDir, smtpPort] = [await mkdtemp(join(tmpdir(), 'jqc-mail-')), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...db.env,
    API_PORT: String(apiPort),
    WORKER_HEALTH_PORT: String(workerPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NODE_ENV: 'test',
    ...extraEnv,
  };
  const catcher = runApp('cli', env, ['mail:catch', '--port', String(smtpPort), '--dir', mailDir]);
  let api = runApp('api', env, [], { reportDeath: true });
  let worker = runApp('worker', env, [], { reportDeath: true });
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const workerHealthUrl = `http://127.0.0.1:${workerPort}/health/ready`;
  try {
    await Promise.all([waitUntilHealthy(`${baseUrl}/api/health`, api), waitUntilHealthy(workerHealthUrl, worker)]);
  } catch (error) {
    await Promise.all([api.stop('SIGKILL'), worker.stop('SIGKILL'), catcher.stop('SIGKILL')]);
    await db.drop();
    throw error;
  }
  const restart = async (app: RunningApp, name: 'api' | 'worker', healthUrl: string): Promise<RunningApp> => {
    await app.stop('SIGKILL');
    const fresh = runApp(name, env, [], { reportDeath: true });
    await waitUntilHealthy(healthUrl, fresh);
    return fresh;
  };
  return {
    db,
    baseUrl,
    workerHealthUrl,
    get api() {
      return api;
    },
    get worker() {
      return worker;
    },
    async restartApi() {
      api = await restart(api, 'api', `${baseUrl}/api/health`);
    },
    async restartWorker() {
      worker = await restart(worker, 'worker', workerHealthUrl);
    },
    mails: () => readCaughtMail(mailDir),
    async stop() {
      await Promise.all([api.stop(), worker.stop(), catcher.stop()]);
      await db.drop();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
