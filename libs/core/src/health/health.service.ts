import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorFunction, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { DISCIPLINE_CONNECTION } from '../database/database-layout';
import { REDIS_CLIENT } from '../redis/redis.module';

/**
 * Liveness answers while the process runs; readiness also pings Postgres (both
 * connections where present) and Redis. Used by the api and the worker alike.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Optional() @Inject(getDataSourceToken(DISCIPLINE_CONNECTION)) private readonly discipline?: DataSource,
  ) {}

  live() {
    return this.health.check([]);
  }

  ready() {
    const checks: HealthIndicatorFunction[] = [
      this.typeorm.pingCheck('database').withTimeout(3000),
      () => this.redisCheck(),
    ];
    if (this.discipline) {
      const connection = this.discipline;
      checks.push(this.typeorm.pingCheck('discipline-database', { connection }).withTimeout(3000));
    }
    return this.health.check(checks);
  }

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await this.redis.ping();
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
