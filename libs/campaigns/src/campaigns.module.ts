import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { InstrumentsModule } from '@app/instruments';
import { RegistryModule } from '@app/registry';
import { CampaignRepository } from './campaign.repository';
import { CampaignService } from './campaign.service';
import { CampaignEntity } from './entities/campaign.entity';
import { InvitationTokenEntity } from './entities/invitation-token.entity';
import { ParticipantEntity } from './entities/participant.entity';
import { PeerAssignmentEntity } from './entities/peer-assignment.entity';
import { InvitationService } from './invitation.service';

export const CAMPAIGN_ENTITIES = [CampaignEntity, ParticipantEntity, InvitationTokenEntity, PeerAssignmentEntity];

@Module({
  imports: [TypeOrmModule.forFeature(CAMPAIGN_ENTITIES), AuthModule, RegistryModule, InstrumentsModule],
  providers: [CampaignService, InvitationService, CampaignRepository],
  exports: [CampaignService, InvitationService],
})
export class CampaignsModule {}
