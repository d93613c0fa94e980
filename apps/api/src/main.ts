import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, bootOrExit } from '@app/core';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';

bootOrExit('api', async () => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  configureApp(app, config);
  await app.listen(config.API_PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on ${config.PUBLIC_URL} (port ${config.API_PORT})`);
});
