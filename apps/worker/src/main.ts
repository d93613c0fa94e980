import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, bootOrExit, HealthService } from '@app/core';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

bootOrExit('worker', async () => {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get(AppConfig);
  const server = await startHealthServer(app.get(HealthService), config.WORKER_HEALTH_PORT);
  app.get(Logger).log(`worker processing jobs; health on port ${config.WORKER_HEALTH_PORT}`);
  const stop = () => server.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
