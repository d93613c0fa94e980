import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { HealthService } from '@app/core';
import { Public } from '@app/auth';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Readiness: Postgres (both sides) and Redis answer. */
  @Get()
  @Public()
  @HealthCheck()
  ready() {
    return this.health.ready();
  }

  @Get('live')
  @Public()
  @HealthCheck()
  live() {
    return this.health.live();
  }
}
