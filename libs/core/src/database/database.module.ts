import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { disciplineDataSourceOptions, evaluationDataSourceOptions } from './data-source-options';
import { DISCIPLINE_CONNECTION } from './database-layout';

export interface DatabaseModuleOptions {
  /** Open the disciplinary connection too (api only; evaluation jobs never need it). */
  discipline: boolean;
}

/**
 * The evaluation connection (default) and, when asked, the disciplinary one. Entities are
 * registered by each library's module through `TypeOrmModule.forFeature`.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const imports = [
      TypeOrmModule.forRootAsync({
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({ ...evaluationDataSourceOptions(config, []), autoLoadEntities: true }),
      }),
    ];
    if (options.discipline) {
      imports.push(
        TypeOrmModule.forRootAsync({
          name: DISCIPLINE_CONNECTION,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ ...disciplineDataSourceOptions(config, []), autoLoadEntities: true }),
        }),
      );
    }
    return { module: DatabaseModule, imports };
  }
}
