/**
 * Failures of the ioredis client when Redis cannot be reached: retries per command used up,
 * the connection closed, or a command cut off with it. Worth a retry, like a lost database.
 */
export function isRedisConnectionError(exception: unknown): boolean {
  const error = exception as { name?: string; message?: string };
  return (
    error?.name === 'MaxRetriesPerRequestError' ||
    (error?.name === 'AbortError' && /connection close/i.test(error.message ?? '')) ||
    /^Connection is closed\.$|^Stream isn't writeable/.test(error?.message ?? '')
  );
}
