import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstrumentsModule } from '@app/instruments';
import { AnsweringRepository } from './answering.repository';
import { AnsweringService } from './answering.service';
import { MixBufferEntity } from './entities/mix-buffer.entity';
import { PeerRatingTallyEntity } from './entities/peer-rating-tally.entity';
import { ResponseEntity } from './entities/response.entity';
import { SubmissionReceiptEntity } from './entities/submission-receipt.entity';
import { RespondentSessions } from './respondent-sessions';
import { ResponseReader } from './response-reader';

export const RESPONSES_ENTITIES = [ResponseEntity, MixBufferEntity, SubmissionReceiptEntity, PeerRatingTallyEntity];

@Module({
  imports: [TypeOrmModule.forFeature(RESPONSES_ENTITIES), InstrumentsModule],
  providers: [AnsweringService, AnsweringRepository, RespondentSessions, ResponseReader],
  exports: [AnsweringService, ResponseReader],
})
export class ResponsesModule {}
