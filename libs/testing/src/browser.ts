import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which `npm test` installs (scripts/platform.mjs ensureChromium). */
export const CHROMIUM = '/usr/bin/chromium';

/** Fails at once when Chromium is missing, before a test spends time starting its platform. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: npm test installs it (scripts/platform.mjs ensureChromium)`);
}

/** Headless Chromium with a fresh profile: no GPU, no sandbox (tests run as root), nothing fetched in the background. */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
