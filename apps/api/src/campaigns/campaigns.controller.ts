import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@app/auth';
import { campaignView, CampaignService } from '@app/campaigns';
import { uuidParam } from '../pipes';
import { CampaignSettingsDto, CreateCampaignDto } from './campaign.dto';

/** Campaigns of the Commission (judges' surveys, peer review) and of HR (staff surveys); each sees only its own kinds. */
@ApiTags('campaigns')
@Controller('api/campaigns')
@Roles(Role.Commission, Role.Hr)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignService) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal) {
    return (await this.campaigns.list(actor)).map(campaignView);
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: CreateCampaignDto) {
    const { kind, ...settings } = body;
    return campaignView(await this.campaigns.create(actor, kind, settings));
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return campaignView(await this.campaigns.get(actor, id));
  }

  @Patch(':id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Body() body: CampaignSettingsDto) {
    return campaignView(await this.campaigns.update(actor, id, body));
  }

  /** Population size and, for peer review, the assignment plan's balance or why it cannot be made. */
  @Get(':id/preview')
  preview(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.campaigns.preview(actor, id);
  }

  @Post(':id/launch')
  @HttpCode(200)
  async launch(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    const { campaign, participants, assignments } = await this.campaigns.launch(actor, id);
    return { campaign: campaignView(campaign), participants, assignments };
  }

  @Post(':id/close')
  @HttpCode(200)
  async close(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    const campaign = await this.campaigns.close(actor, id);
    return campaign && campaignView(campaign);
  }

  /** The overall response rate; nobody can see who has or has not answered. */
  @Get(':id/response-rate')
  responseRate(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.campaigns.responseRate(actor, id);
  }
}
