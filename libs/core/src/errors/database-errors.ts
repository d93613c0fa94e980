/**
 * Connection failures of the pg driver and TypeORM (refused, reset, server shutting down or
 * starting): worth a retry, unlike a refused statement.
 */
export function isDatabaseConnectionError(exception: unknown): boolean {
  const error = exception as { code?: string; message?: string; driverError?: { code?: string } };
  const code = error?.driverError?.code ?? error?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' || // cannot_connect_now
    code === '08006' ||
    code === '08001' ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(error?.message ?? '')
  );
}
