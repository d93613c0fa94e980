import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { bootOrExit } from '@app/core';
import { CliModule } from './cli.module';

bootOrExit('cli', async () => {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    },
  });
});
