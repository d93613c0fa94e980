#!/usr/bin/env node
// Setup and process control behind `npm start`, `npm test` and `npm run demo`.
// Plain Node with no dependencies, because it runs before `npm ci` has.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Local servers' data, secrets and caught mail. JQC_DATA_DIR lets several checkouts share one set. */
export function dataDir() {
  return process.env.JQC_DATA_DIR ?? join(ROOT, '.data');
}
/** The local PostgreSQL and Redis of `npm start` and `npm test`: where their data lives, their ports. */
const LOCAL_SERVICES = { dataDir: dataDir(), pgPort: process.env.JQC_PG_PORT ?? '54329', redisPort: process.env.JQC_REDIS_PORT ?? '63799' };

export function step(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: options.env ?? process.env });
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Installs dependencies when node_modules is missing or older than the lockfile.
 * `npm install` rather than `npm ci`: the lockfile records no download addresses
 * (omit-lockfile-registry-resolved), and then npm ci rejects it for lacking other
 * platforms' optional binaries. npm install follows the same lockfile and leaves it unchanged.
 */
export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('installing dependencies (npm install)');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Starts local Postgres and Redis unless DATABASE_URL / REDIS_URL point elsewhere. */
export function ensureServices() {
  step('starting PostgreSQL and Redis');
  run('bash', [join(ROOT, 'scripts', 'services.sh'), 'up']);
}

const EPHEMERAL_RANGE = '/proc/sys/net/ipv4/ip_local_port_range';

/**
 * A loopback port nothing listens on, drawn below the kernel's ephemeral range, which outgoing
 * connections may take before a server binds it (as libs/testing's freePort, for the tests).
 */
async function freePort() {
  const [ephemeralStart] = (existsSync(EPHEMERAL_RANGE) ? readFileSync(EPHEMERAL_RANGE, 'utf8') : '32768').trim().split(/\s+/).map(Number);
  if (!(ephemeralStart > 11_000)) throw new Error(`the kernel's ephemeral ports start at ${ephemeralStart}: no room for fixed test ports below them`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 10_000 + randomInt(ephemeralStart - 10_000);
    if (handedOut.has(port)) continue;
    const server = createServer().listen(port, '127.0.0.1');
    // `once` rejects on 'error' (EADDRINUSE): a port in use.
    const bound = await once(server, 'listening').then(
      () => true,
      () => false,
    );
    if (!bound) continue;
    server.close();
    await once(server, 'close');
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port below ${ephemeralStart}`);
}
const handedOut = new Set();

/**
 * A PostgreSQL and a Redis of their own, on free ports with a fresh data directory, for
 * tests that stop and crash them: the shared servers stay untouched. Returns the apps'
 * environment (with JQC_DISPOSABLE_SERVICES set, which the fault tests require before they
 * stop anything) and `stop`, which shuts both down and deletes their data.
 */
export async function startDisposableServices() {
  step('starting a disposable PostgreSQL and Redis for the fault tests');
  const services = { dataDir: join(tmpdir(), `jqc-faults-${randomBytes(4).toString('hex')}`), pgPort: await freePort(), redisPort: await freePort() };
  const scriptEnv = { ...process.env, JQC_DATA_DIR: services.dataDir, JQC_PG_PORT: String(services.pgPort), JQC_REDIS_PORT: String(services.redisPort) };
  // services.sh leaves alone what these point at; here they must not point at the shared servers.
  delete scriptEnv.DATABASE_URL;
  delete scriptEnv.REDIS_URL;
  const stop = () => {
    spawnSync('bash', [join(ROOT, 'scripts', 'services.sh'), 'down'], { cwd: ROOT, stdio: 'inherit', env: scriptEnv });
    rmSync(services.dataDir, { recursive: true, force: true });
  };
  const started = spawnSync('bash', [join(ROOT, 'scripts', 'services.sh'), 'up'], { cwd: ROOT, stdio: 'inherit', env: scriptEnv });
  if (started.status !== 0) {
    stop();
    throw new Error('the disposable PostgreSQL and Redis did not start');
  }
  return { env: { ...scriptEnv, ...serviceDefaults(services), JQC_DISPOSABLE_SERVICES: '1' }, stop };
}

/** The browser the end-to-end tests drive (playwright-core brings no browser of its own). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Installs Debian's Chromium for the browser tests when it is missing. Needs root, like
 * the Redis install in services.sh; anyone else is told what to run.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    process.stderr.write(`\n✖ ${CHROMIUM} is missing; install it (apt-get install chromium) for the browser tests\n`);
    process.exit(1);
  }
  step('installing Chromium for the browser tests (apt-get)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
}

function readEnvFile(dir) {
  const file = join(dir, 'local.env');
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/**
 * The environment of the apps: what the caller set wins; the rest comes from the local
 * services and the secrets generated for this machine.
 */
export function platformEnv(overrides = {}) {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(serviceDefaults(LOCAL_SERVICES))) {
    if (!env[key] && value) env[key] = value;
  }
  return { ...env, ...overrides };
}

/** Connection URLs and secrets of one set of local servers, from its generated local.env. */
function serviceDefaults(services) {
  const local = readEnvFile(services.dataDir);
  const pg = (user, password, database = 'jqc') => `postgres://${user}:${password}@127.0.0.1:${services.pgPort}/${database}`;
  return {
    DATABASE_URL: pg('jqc_owner', local.DB_OWNER_PASSWORD),
    DATABASE_EVALUATION_URL: pg('jqc_evaluation', local.DB_EVALUATION_PASSWORD),
    DATABASE_DISCIPLINE_URL: pg('jqc_discipline', local.DB_DISCIPLINE_PASSWORD),
    REDIS_URL: `redis://127.0.0.1:${services.redisPort}`,
    SESSION_SECRET: local.SESSION_SECRET,
    TOKEN_HMAC_SECRET: local.TOKEN_HMAC_SECRET,
    DEMO_PASSWORD: local.DEMO_PASSWORD,
  };
}

export function build() {
  step('building apps and libraries');
  run('npx', ['nest', 'build', 'api']);
}

export function cli(args, env) {
  run('node', [join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { env });
}

/** Starts a built app with its output prefixed (to this terminal, or to `output`); returns the child process. */
export function startApp(name, env, args = [], output = { stdout: process.stdout, stderr: process.stderr }) {
  const child = spawn('node', [join(ROOT, 'dist', 'apps', name, 'src', 'main.js'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, output.stdout);
  prefix(child.stderr, output.stderr);
  return child;
}

export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
