import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { CampaignSettingsDto, CreateCampaignDto } from './campaign.dto';

/** The api's pipe with Nest's own error: enough to tell a refusal (400) from a crash (500). */
const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const check = (metatype: typeof CreateCampaignDto | typeof CampaignSettingsDto, body: unknown) => pipe.transform(body, { type: 'body', metatype });

describe('campaign request bodies', () => {
  it('require title, questionnaire and deadline on creation, though a draft may change any of them alone', async () => {
    await expect(check(CreateCampaignDto, { kind: 'judges-survey' })).rejects.toBeInstanceOf(BadRequestException);
    await expect(check(CampaignSettingsDto, {})).resolves.toEqual({});
    await expect(check(CampaignSettingsDto, { deadline: '2027-01-01T00:00:00Z' })).resolves.toEqual({ deadline: new Date('2027-01-01T00:00:00Z') });
  });

  it('refuse a deadline that is no date string instead of crashing on it', async () => {
    for (const deadline of [{ toString: null }, { valueOf: 1 }, [], 12, true]) {
      await expect(check(CampaignSettingsDto, { deadline })).rejects.toBeInstanceOf(BadRequestException);
    }
  });
});
