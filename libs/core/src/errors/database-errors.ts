/** TypeORM releases a transaction's query runner when its connection fails; the transaction's next statement or commit then fails with one of these. */
const RELEASED_WITH_ITS_CONNECTION = ['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError'];

/**
 * Connection failures of the pg driver and TypeORM (refused, reset, server shutting down,
 * crashed or starting): worth a retry, unlike a refused statement.
 */
export function isDatabaseConnectionError(exception: unknown): boolean {
  const error = exception as { name?: string; code?: string; message?: string; driverError?: { code?: string } };
  const code = error?.driverError?.code ?? error?.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code) ||
    code.startsWith('08') || // connection_exception
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now
    RELEASED_WITH_ITS_CONNECTION.includes(error?.name ?? '') ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(error?.message ?? '')
  );
}
