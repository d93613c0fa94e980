import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { baseTestEnv } from './test-environment';

const SERVICES_SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'services.sh');

export type ServiceName = 'postgres' | 'redis';

/**
 * The fault tier's own PostgreSQL and Redis, which scripts/test.mjs starts on free ports and
 * deletes afterwards. Tests stop, crash and restart them through scripts/services.sh; the
 * shared servers other test runs use are never touched, so anything else is refused.
 */
export const disposableServices = {
  /** A clean shutdown: PostgreSQL's fast mode, Redis's SHUTDOWN (its AOF keeps the data). */
  stop: (service: ServiceName) => services('stop', service),
  /** PostgreSQL as a crash would stop it: immediate mode, recovery on start. */
  kill: (service: 'postgres') => services('kill', service),
  /** Starts whichever of the two is down and waits until it answers. */
  start: () => services('up'),
};

async function services(...args: string[]): Promise<void> {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...env } = baseTestEnv();
  if (env.JQC_DISPOSABLE_SERVICES !== '1') throw new Error('fault tests run only on the disposable servers of `npm test -- faults`');
  // Without the URLs, services.sh manages the servers of JQC_DATA_DIR instead of leaving them to others.
  // Asynchronous: the test's own clients keep running while a server goes down.
  const child = spawn('bash', [SERVICES_SCRIPT, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`services.sh ${args.join(' ')} exited with ${code}`);
}
