import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AggregationModule, AggregationService } from '@app/aggregation';
import { ConfigModule, DatabaseModule, MailModule, QueueModule, RedisModule } from '@app/core';

@Module({ imports: [ConfigModule, DatabaseModule.forRoot({ discipline: false }), RedisModule, QueueModule, MailModule, AggregationModule] })
class ResultsCommandModule {}

@Command({
  name: 'results:verify',
  arguments: '<campaignId>',
  description: 'Recompute a stored release of a campaign from the response store and check that its bytes are identical (exit 1 if not, 2 if it was stored in an earlier format)',
})
export class VerifyResultsCommand extends CommandRunner {
  async run([campaignId]: string[], options: { release?: number }): Promise<void> {
    const app = await NestFactory.createApplicationContext(ResultsCommandModule, { logger: ['error', 'warn'] });
    try {
      const outcome = await app.get(AggregationService).verify(campaignId, options.release ?? 1);
      console.log(JSON.stringify({ campaignId, release: options.release ?? 1, ...outcome }));
      // 2: stored in an earlier format, so not comparable byte for byte; 1: a real difference.
      if (!outcome.identical) process.exitCode = outcome.formats ? 2 : 1;
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--release <number>', description: 'the release to verify (default 1)' })
  parseRelease(value: string): number {
    const release = Number(value);
    if (!Number.isInteger(release) || release < 1) throw new Error('--release must be a whole number from 1');
    return release;
  }
}
