import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, isLocale, JobName, JobQueueService, MailerService } from '@app/core';
import { CampaignRepository } from './campaign.repository';
import { invitationMail } from './mail/invitation-mail';
import { invitationTokenHmac, newInvitationToken } from './tokens';

/**
 * Invitations and reminders, built from the participation register alone (never the
 * response store). Each e-mail carries a fresh single-use token; only its HMAC is kept.
 */
@Injectable()
export class InvitationService {
  private readonly logger = new Logger(InvitationService.name);

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly jobs: JobQueueService,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  /** Round 0 invites everyone; later rounds remind those who have not answered. One job per person. */
  async fanOut(campaignId: string, round: number): Promise<number> {
    const campaign = await this.campaigns.findById(campaignId);
    if (campaign?.status !== 'open') return 0;
    const participantIds = await this.campaigns.participantIds(campaignId, round > 0);
    await this.jobs.enqueueBulk(
      JobName.SendInvitation,
      participantIds.map((participantId) => ({ campaignId, participantId, round })),
    );
    return participantIds.length;
  }

  async send(participantId: string, round: number): Promise<'sent' | 'skipped'> {
    const recipient = await this.campaigns.recipient(participantId);
    const campaign = recipient && (await this.campaigns.findById(recipient.campaignId));
    if (!recipient || !campaign || campaign.status !== 'open' || recipient.responded) return 'skipped';
    const token = newInvitationToken();
    await this.campaigns.storeToken(participantId, invitationTokenHmac(this.config.TOKEN_HMAC_SECRET, token), campaign.deadline);
    const mail = invitationMail({
      kind: round === 0 ? 'invitation' : 'reminder',
      locale: isLocale(recipient.language) ? recipient.language : 'kk',
      title: { kk: campaign.titleKk, ru: campaign.titleRu, en: campaign.titleEn },
      link: `${this.config.PUBLIC_URL}/respond#${token}`,
      deadline: campaign.deadline,
      minimumGroup: campaign.thresholds.count,
    });
    await this.mailer.send({ to: recipient.email, ...mail });
    this.logger.log({ campaignId: campaign.id, round }, 'invitation sent');
    return 'sent';
  }
}
