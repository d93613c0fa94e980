import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, freePort, TestDatabase } from '@app/testing';

/** `npm start` end to end: setup, migrations, seed, both apps healthy, and Ctrl-C stops them. */
describe('npm start', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('serves a green /api/health, prints the logins, and stops everything on Ctrl-C', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const start = spawn(process.execPath, [join(__dirname, '..', '..', 'scripts', 'start.mjs')], {
      env: { ...db.env, API_PORT: String(apiPort), WORKER_HEALTH_PORT: String(workerPort), PUBLIC_URL: baseUrl, DEMO_PASSWORD: 'start-demo-password' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    start.stdout.on('data', (chunk) => (output += chunk));
    start.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));

    const deadline = Date.now() + 90_000;
    while (!output.includes('The platform is running') && Date.now() < deadline && start.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).toContain(`The platform is running: ${baseUrl}`);
    expect(output).toContain('Demo logins (password: start-demo-password): admin, commission, hr, judge, jury');

    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
    expect((await fetch(`http://127.0.0.1:${workerPort}/health/ready`)).status).toBe(200);

    start.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${workerPort}/health/ready`)).rejects.toThrow();
  });
});
