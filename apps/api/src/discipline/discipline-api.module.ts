import { Module } from '@nestjs/common';
import { DisciplineModule } from '@app/discipline';
import { DisciplineController } from './discipline.controller';

/**
 * The disciplinary routes. This folder is one of the only places allowed to import
 * @app/discipline (.dependency-cruiser.cjs); the rest of the api never sees it.
 */
@Module({
  imports: [DisciplineModule],
  controllers: [DisciplineController],
})
export class DisciplineApiModule {}
