import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment. Variables the class does not declare are
 * stripped (whitelist); empty ones count as missing.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return config;
}

function describe(error: ValidationError): { variable: string; reason: string } {
  const value = (error.target as Record<string, unknown> | undefined)?.[error.property];
  const reasons = Object.values(error.constraints ?? {}).map((m) => m.replace(`${error.property} `, ''));
  return {
    variable: error.property,
    reason: value === undefined ? 'is missing' : reasons.join('; '),
  };
}
