import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, Injectable, NotFoundException, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PeerReviewSnapshot, ResultsService, SurveySnapshot, upgradeSurveySnapshot } from '@app/aggregation';
import { AuthError, AuthErrorCode, CurrentPrincipal, Principal, Public, Role, Roles, SESSION_COOKIE, SessionService } from '@app/auth';
import { CampaignEntity, CampaignService } from '@app/campaigns';
import { isLocale, Locale } from '@app/core';
import { InstrumentService } from '@app/instruments';
import { CommentsService, ReportsService, schemaLabels, surveyCharts } from '@app/reports';
import { uuidParam } from '../pipes';
import { RequestLocale } from '../request-locale.decorator';
import { CampaignRow, localPath, PageFiles, renderCampaignList, renderCampaignPage, renderFeedbackPage, renderLoginPage, renderForbiddenPage, renderModerationPage } from './dashboard.view';

const ASSETS = { 'dashboard.js': 'text/javascript; charset=utf-8', 'dashboard.css': 'text/css; charset=utf-8' } as const;
type AssetName = keyof typeof ASSETS;

/** The pages' script and style, read once at boot (nest-cli.json copies them to dist/) and addressed by content hash. */
@Injectable()
export class PageAssets {
  private readonly assets = new Map(
    (Object.keys(ASSETS) as AssetName[]).map((name) => {
      const body = readFileSync(join(__dirname, 'assets', name));
      return [name, { body, version: createHash('sha256').update(body).digest('hex').slice(0, 16) }] as const;
    }),
  );

  get files(): PageFiles {
    const url = (name: AssetName) => `/dashboard/assets/${name}?v=${this.assets.get(name)!.version}`;
    return { style: url('dashboard.css'), script: url('dashboard.js') };
  }

  find(name: string): { body: Buffer; version: string; type: string } | undefined {
    const asset = name in ASSETS ? this.assets.get(name as AssetName) : undefined;
    return asset && { ...asset, type: ASSETS[name as AssetName] };
  }
}

/**
 * Pages send people who are not signed in to the sign-in page instead of answering JSON, and
 * a signed-in person whose role may not open the page to a page that says so in their
 * language and leads to their own page.
 */
@Catch(AuthError)
class PageAccessRefusal implements ExceptionFilter {
  constructor(
    private readonly sessions: SessionService,
    private readonly assets: PageAssets,
  ) {}

  async catch(error: AuthError, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (error.code === AuthErrorCode.NotSignedIn) {
      response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    // Only a role refusal gets the page; a session that cannot be read (the database is down) gets the plain 403.
    const principal = error.code === AuthErrorCode.RoleForbidden ? await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]).catch(() => null) : null;
    if (!principal) {
      response.status(403).type('text/plain; charset=utf-8').send('403');
      return;
    }
    const locale = localeOf(principal, request.query.lang);
    response
      .status(403)
      .type('text/html; charset=utf-8')
      .set({ 'Cache-Control': 'no-store', 'Content-Language': locale })
      .send(renderForbiddenPage(locale, this.assets.files, principal.csrfToken, principal.role));
  }
}

/** The language a page is shown in: `?lang=` if valid, else the account's own, else Kazakh. */
function localeOf(actor: Principal, lang: unknown): Locale {
  return isLocale(lang) ? lang : isLocale(actor.locale) ? actor.locale : 'kk';
}

function send(response: Response, locale: Locale, html: string): void {
  response.status(200).type('text/html; charset=utf-8').set({ 'Cache-Control': 'no-store', 'Content-Language': locale }).send(html);
}

/**
 * The web pages (PRODUCT.md 4.6), server-rendered in kk/ru/en. The Commission/HR dashboard:
 * campaigns with status and response rates, and for closed campaigns the same protected
 * snapshot the workbooks use, with SVG charts and downloads. A judge's own page: the published
 * peer-review rounds that hold their feedback, with its workbook. Pages, not API: left out of
 * OpenAPI.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageAccessRefusal)
export class DashboardController {
  constructor(
    private readonly assets: PageAssets,
    private readonly campaigns: CampaignService,
    private readonly results: ResultsService,
    private readonly instruments: InstrumentService,
    private readonly comments: CommentsService,
    private readonly reports: ReportsService,
  ) {}

  private get files(): PageFiles {
    return this.assets.files;
  }

  @Get('login')
  @Public()
  login(@RequestLocale() locale: Locale, @Query('next') next: unknown, @Res() response: Response): void {
    send(response, locale, renderLoginPage(locale, this.files, localPath(next)));
  }

  @Get('dashboard')
  @Roles(Role.Commission, Role.Hr)
  async list(@CurrentPrincipal() actor: Principal, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const locale = localeOf(actor, lang);
    const rows = await Promise.all((await this.campaigns.list(actor)).map((c) => this.row(actor, c)));
    send(response, locale, renderCampaignList(locale, this.files, actor.csrfToken, rows));
  }

  @Get('dashboard/campaigns/:id')
  @Roles(Role.Commission, Role.Hr)
  async campaign(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const locale = localeOf(actor, lang);
    const campaign = await this.campaigns.get(actor, id);
    const row = await this.row(actor, campaign);
    const released = campaign.status === 'closed' || campaign.status === 'published' ? (await this.results.status(actor, id)).releases.length > 0 : false;
    const document = released ? (JSON.parse((await this.results.results(actor, id)).content) as SurveySnapshot | PeerReviewSnapshot) : null;
    const snapshot = document && 'questions' in document ? upgradeSurveySnapshot(document) : null;
    const schema = snapshot ? await this.instruments.reportingSchemaOf(campaign.instrumentVersionId) : [];
    send(
      response,
      locale,
      renderCampaignPage(locale, this.files, actor.csrfToken, {
        campaign: row,
        snapshot,
        peerSummary: document && 'summary' in document && 'judgesWithResults' in document.summary ? document.summary : null,
        charts: snapshot ? await surveyCharts(snapshot, locale) : [],
        ...schemaLabels(schema),
      }),
    );
  }

  @Get('dashboard/campaigns/:id/comments')
  @Roles(Role.Commission, Role.Hr)
  async moderation(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const locale = localeOf(actor, lang);
    const campaign = await this.campaigns.get(actor, id);
    const questions = await this.comments.forModeration(actor, id);
    send(response, locale, renderModerationPage(locale, this.files, actor.csrfToken, await this.row(actor, campaign), questions));
  }

  /** A judge's own feedback: only what ReportsService lets this account export, nothing of any other judge. */
  @Get('feedback')
  @Roles(Role.Judge)
  async feedback(@CurrentPrincipal() actor: Principal, @Query('lang') lang: unknown, @Res() response: Response): Promise<void> {
    const locale = localeOf(actor, lang);
    send(response, locale, renderFeedbackPage(locale, this.files, actor.csrfToken, await this.reports.ownFeedback(actor)));
  }

  @Get('dashboard/assets/:name')
  @Public()
  asset(@Param('name') name: string, @Req() request: Request, @Res() response: Response): void {
    const asset = this.assets.find(name);
    if (!asset) throw new NotFoundException('No such asset');
    response
      .status(200)
      .type(asset.type)
      .set({ 'Cache-Control': request.query.v === asset.version ? 'public, max-age=31536000, immutable' : 'no-cache', ETag: `"${asset.version}"` })
      .send(asset.body);
  }

  private async row(actor: Principal, campaign: CampaignEntity): Promise<CampaignRow> {
    return {
      id: campaign.id,
      title: { kk: campaign.titleKk, ru: campaign.titleRu, en: campaign.titleEn },
      kind: campaign.kind,
      status: campaign.status,
      deadline: campaign.deadline,
      rate: await this.campaigns.responseRate(actor, campaign.id),
    };
  }
}
