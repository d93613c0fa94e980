import { createServer, Server } from 'node:http';
import { HealthService } from '@app/core';

/**
 * The worker's only HTTP surface: `/health/live` and `/health/ready`, for orchestrators.
 * Plain node:http, because the worker runs as an application context without Express.
 */
export function startHealthServer(health: HealthService, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const check = path === '/health/live' ? health.live() : path === '/health/ready' || path === '/health' ? health.ready() : null;
    if (!check || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, code: 'core.not-found' }));
      return;
    }
    check.then(
      (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
      (error: { response?: unknown }) =>
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify(error.response ?? { status: 'error' })),
    );
  });
  return new Promise((resolve) => server.listen(port, '0.0.0.0', () => resolve(server)));
}
