import { Injectable } from '@nestjs/common';
import { AppConfig, isLocale, JobName, JobQueueService, MailerService } from '@app/core';
import { CampaignRepository } from './campaign.repository';
import { CampaignEntity } from './entities/campaign.entity';
import { invitationMail } from './mail/invitation-mail';
import { invitationTokenHmac, newInvitationToken } from './tokens';

const PAGE_SIZE = 100;

/**
 * Invitations and reminders, built from the participation register alone (never the
 * response store). Each e-mail carries a fresh single-use token; only its HMAC is kept.
 */
@Injectable()
export class InvitationService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly jobs: JobQueueService,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  /** Round 0 invites everyone; later rounds remind those who have not answered. One job per page of participants. */
  async fanOut(campaignId: string, round: number): Promise<number> {
    const campaign = await this.campaigns.findById(campaignId);
    if (campaign?.status !== 'open') return 0;
    const pages = Math.ceil((await this.campaigns.participantCount(campaignId)) / PAGE_SIZE);
    await this.jobs.enqueueBulk(
      JobName.SendInvitation,
      Array.from({ length: pages }, (_, page) => ({ campaignId, round, page })),
    );
    return pages;
  }

  /** Mails one page: everyone on it in round 0, those who have not answered in reminder rounds. */
  async sendPage(campaignId: string, round: number, page: number): Promise<void> {
    const campaign = await this.campaigns.findById(campaignId);
    if (campaign?.status !== 'open') return;
    for (const participantId of await this.campaigns.participantPage(campaignId, page, PAGE_SIZE, round > 0)) {
      await this.send(campaign, participantId, round);
    }
  }

  private async send(campaign: CampaignEntity, participantId: string, round: number): Promise<void> {
    const recipient = await this.campaigns.recipient(participantId);
    // Had this round's mail already: the page is retried, or queued again by reconciling.
    if (!recipient || recipient.responded || recipient.invitationsSent > round) return;
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
    // Counted once sent: a failure before this mails again on the retry instead of never.
    await this.campaigns.countMail(participantId);
  }
}
