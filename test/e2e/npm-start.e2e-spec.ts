import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, freePort, TestDatabase } from '@app/testing';

/** `npm start` end to end: setup, migrations, seed, both apps healthy, and Ctrl-C stops them. */
describe('npm start', () => {
  let db: TestDatabase;
  let start: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    if (start && start.exitCode === null) {
      start.kill('SIGINT');
      await new Promise((resolve) => start?.once('exit', resolve));
    }
    await db?.drop();
  });

  it('serves a green /api/health, prints the logins, and stops everything on Ctrl-C', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    start = spawn(process.execPath, [join(__dirname, '..', '..', 'scripts', 'start.mjs')], {
      env: { ...db.env, API_PORT: String(apiPort), WORKER_HEALTH_PORT: String(workerPort), PUBLIC_URL: baseUrl, DEMO_PASSWORD: 'start-demo-password' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = start;
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const deadline = Date.now() + 120_000;
    while (!output.includes('The platform is running') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).toContain(`The platform is running: ${baseUrl}`);
    expect(output).toContain('Demo logins (password: start-demo-password): admin, commission, hr, judge, jury');

    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
    expect((await fetch(`http://127.0.0.1:${workerPort}/health/ready`)).status).toBe(200);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${workerPort}/health/ready`)).rejects.toThrow();
  });
});
