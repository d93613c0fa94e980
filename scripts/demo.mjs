#!/usr/bin/env node
// `npm run demo`: the national campaign demo from a fresh clone. Sets up like `npm start`,
// runs the platform on its own ports with a private mail catcher, drives three national
// campaigns through the HTTP API (demo/national-demo.ts) and writes the workbooks to out/.
import { createWriteStream, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, cli, dataDir, ensureDependencies, ensureServices, platformEnv, ROOT, startApp, step, waitForHttp } from './platform.mjs';

const API_PORT = 3300;
const SMTP_PORT = 1125;

ensureDependencies();
ensureServices();
const run = new Date().toISOString().replace(/[:.]/g, '-');
const mailDir = join(dataDir(), 'demo', run, 'mail');
const logDir = join(dataDir(), 'demo', run, 'logs');
mkdirSync(mailDir, { recursive: true });
mkdirSync(logDir, { recursive: true });
const env = platformEnv({
  NODE_ENV: 'production',
  API_PORT: String(API_PORT),
  WORKER_HEALTH_PORT: String(API_PORT + 1),
  PUBLIC_URL: `http://127.0.0.1:${API_PORT}`,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  LOG_LEVEL: 'warn',
  // The demo's respondents reach the api through one proxy hop, each with an address of their own.
  TRUST_PROXY_HOPS: '1',
});
if (!env.DEMO_PASSWORD) {
  process.stderr.write('✖ the demo needs DEMO_PASSWORD (scripts/services.sh writes one to .data/local.env)\n');
  process.exit(1);
}
build();
step('migrating the database and seeding questionnaires, demo accounts and the synthetic national register');
cli(['db:migrate'], env);
cli(['seed:instruments'], env);
cli(['seed:demo'], env);
cli(['registry:load-synthetic', '--if-empty'], env);

step(`starting api, worker and a mail catcher (logs in ${logDir})`);
const log = (name) => {
  const stream = createWriteStream(join(logDir, `${name}.log`));
  return { stdout: stream, stderr: stream };
};
const children = [
  startApp('api', env, [], log('api')),
  startApp('worker', env, [], log('worker')),
  startApp('cli', env, ['mail:catch', '--port', String(SMTP_PORT), '--dir', mailDir], log('mail')),
];
const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
if (!(await waitForHttp(`${env.PUBLIC_URL}/api/health`))) {
  stopAll();
  process.stderr.write(`✖ the api did not become healthy; see ${logDir}\n`);
  process.exit(1);
}

step('running the national demo');
const driver = spawn('node', [join(ROOT, 'bench', 'run-ts.cjs'), join(ROOT, 'demo', 'national-demo.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...env, DEMO_BASE_URL: env.PUBLIC_URL, DEMO_MAIL_DIR: mailDir, DEMO_OUT_DIR: join(ROOT, 'out') },
});
const code = await new Promise((resolve) => driver.once('exit', resolve));
stopAll();
process.exit(code ?? 1);
