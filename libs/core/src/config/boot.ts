import { ConfigError, loadConfig } from './load-config';

/**
 * Starts an app, validating the environment first so a bad variable stops the process
 * with a message naming it, before any connection is attempted.
 */
export function bootOrExit(app: string, start: () => Promise<void>): void {
  try {
    loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`[${app}] cannot start. ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  start().catch((error: unknown) => {
    process.stderr.write(`[${app}] failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
