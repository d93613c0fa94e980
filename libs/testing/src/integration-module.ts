import { ModuleMetadata } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfig, ConfigModule, DatabaseModule, loadConfig, QueueModule, RedisModule } from '@app/core';
import { TestDatabase } from './test-database';

/**
 * A Nest module wired to the test file's own database and queue prefix on the real
 * Postgres and Redis, plus whatever the test imports.
 */
export async function createIntegrationModule(db: Pick<TestDatabase, 'env' | 'config'>, metadata: ModuleMetadata = {}, env: NodeJS.ProcessEnv = {}): Promise<TestingModule> {
  const module = await Test.createTestingModule({
    imports: [ConfigModule, DatabaseModule.forRoot({ discipline: true }), RedisModule, QueueModule, ...(metadata.imports ?? [])],
    providers: metadata.providers ?? [],
  })
    .overrideProvider(AppConfig)
    .useValue(Object.keys(env).length > 0 ? loadConfig({ ...db.env, ...env }) : db.config)
    .compile();
  await module.init();
  return module;
}
