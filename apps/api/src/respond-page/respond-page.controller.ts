import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Locale } from '@app/core';
import { Public } from '@app/auth';
import { RequestLocale } from '../request-locale.decorator';
import { ASSET_ORDER, AssetName, assetUrl, isAssetName, loadPageAssets, PageAsset } from './respond-page.assets';
import { renderRespondPage } from './respond-page.view';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The respondent's page (PRODUCT.md 4.4) and its static files. Invitation links point at
 * `/respond#<token>`; the token stays in the fragment and only respond.js reads it. These
 * are pages, not API, so they are left out of the OpenAPI document; the access guard still
 * applies and they are public.
 */
@ApiExcludeController()
@Controller('respond')
export class RespondPageController {
  private readonly assets: Map<AssetName, PageAsset> = loadPageAssets();

  @Get()
  @Public()
  page(@RequestLocale() locale: Locale, @Res() response: Response): void {
    const urls = ASSET_ORDER.map((name) => assetUrl(this.assets.get(name)!));
    const html = renderRespondPage({
      locale,
      styles: urls.filter((url) => /\.css\?/.test(url)),
      scripts: urls.filter((url) => /\.js\?/.test(url)),
    });
    response
      .status(200)
      .type('text/html; charset=utf-8')
      .set({ 'Cache-Control': 'no-store', 'Content-Language': locale, Vary: 'Cookie, Accept-Language' })
      .send(html);
  }

  @Get('assets/:name')
  @Public()
  asset(@Param('name') name: string, @Query('v') version: unknown, @Req() request: Request, @Res() response: Response): void {
    const asset = isAssetName(name) ? this.assets.get(name) : undefined;
    if (!asset) throw new NotFoundException('No such asset');
    const gzip = request.acceptsEncodings('gzip', 'identity') === 'gzip';
    response
      .status(200)
      .type(asset.contentType)
      .set({
        // The page asks for `?v=<hash of this content>`: that URL never changes meaning.
        'Cache-Control': version === asset.version ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
        ETag: `"${asset.version}${gzip ? '-gz' : ''}"`,
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
    // express answers 304 itself when the request's If-None-Match matches the ETag.
    response.send(gzip ? asset.gzipped() : asset.body);
  }
}
