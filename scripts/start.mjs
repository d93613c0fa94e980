#!/usr/bin/env node
// `npm start`: everything from a fresh clone to a running platform. Ctrl-C stops what it started.
import { join } from 'node:path';
import { build, cli, dataDir, ensureDependencies, ensureServices, platformEnv, startApp, step, waitForHttp } from './platform.mjs';

ensureDependencies();
ensureServices();
const env = platformEnv({ NODE_ENV: process.env.NODE_ENV ?? 'development' });
build();
step('migrating the database');
cli(['db:migrate'], env);
step('seeding the built-in questionnaires (only those missing)');
cli(['seed:instruments'], env);
if (env.DEMO_PASSWORD) {
  step('seeding demo accounts and a synthetic national register (only into an empty database)');
  cli(['seed:demo'], env);
  cli(['registry:load-synthetic', '--if-empty'], env);
}

step('starting api and worker');
const children = [startApp('api', env), startApp('worker', env)];
// Without a configured relay, mail goes to a local catcher that keeps every message under .data/mail.
const catchesMail = !process.env.SMTP_URL;
if (catchesMail) children.push(startApp('cli', env, ['mail:catch', '--port', '1025', '--dir', join(dataDir(), 'mail')]));
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const child of children) {
  child.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`\n✖ an app stopped unexpectedly (exit ${code}); stopping the rest\n`);
      stop(1);
    }
  });
}

const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.API_PORT ?? 3000}`;
// Running means both apps: the worker sends the invitations and computes the results.
const workerReady = `http://127.0.0.1:${env.WORKER_HEALTH_PORT ?? 3001}/health/ready`;
if ((await waitForHttp(`${publicUrl}/api/health`)) && (await waitForHttp(workerReady))) {
  const password = env.DEMO_PASSWORD;
  process.stdout.write(`
✔ The platform is running: ${publicUrl}
  API documentation:  ${publicUrl}/api/docs
  Health:             ${publicUrl}/api/health
${password ? `  Demo logins (password: ${password}): admin, commission, hr, judge, jury\n` : ''}${catchesMail ? `  Outgoing mail:      kept as .eml files in ${join(dataDir(), 'mail')}\n` : ''}  Press Ctrl-C to stop.
`);
} else {
  process.stderr.write('\n✖ the api or the worker did not become healthy within 60 s; see the log above\n');
  stop(1);
}
