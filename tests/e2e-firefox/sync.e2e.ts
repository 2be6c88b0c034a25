/**
 * Sync between Chromium and Firefox ESR through a real WebDAV server (the npm `webdav-server`
 * that `npm run sync-server` runs): a reader with Gloss in both browsers. A note written in
 * Chromium is drawn on the same page in Firefox with its margin note, and one written in
 * Firefox comes back to Chromium. Needs both builds (`.output/chrome-mv3` and
 * `.output/firefox-mv2`); `npm run test:e2e:firefox` makes them.
 */
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as chromium from '../e2e/harness';
import { type TestServer as DavServer, startTestServer } from '../sync/webdav-server';
import {
  drawnHighlights,
  type FirefoxSession,
  launch,
  marginTexts,
  openArticle,
  openExtensionPage,
  POLL,
  removeProfile,
  startServer,
  type TestServer,
  uniquePage,
  writeNote,
} from './harness';

const PASSPHRASE = 'one reader, two browsers';
const SOON = { timeout: 30_000, interval: POLL };

let pages: TestServer | undefined;
let dav: DavServer | undefined;
let firefox: FirefoxSession | undefined;
let chrome: chromium.Session | undefined;

beforeEach(async () => {
  pages = await startServer();
  dav = await startTestServer();
});

afterEach(async () => {
  await firefox?.close();
  if (firefox) removeProfile(firefox.profile);
  await chrome?.close();
  if (chrome) chromium.removeProfile(chrome.profile);
  firefox = undefined;
  chrome = undefined;
  pages?.stop();
  await dav?.dispose();
});

async function chromiumTurnOn(session: chromium.Session, url: string): Promise<ChromiumPage> {
  const options = await session.context.newPage();
  await options.goto(chromium.extensionPage(session, 'options.html'));
  await options.getByLabel('Sync server').fill(url);
  await options.getByLabel('Passphrase').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Turn on sync' }).click();
  await expect
    .poll(() => options.getByRole('status', { name: 'Sync status' }).textContent(), SOON)
    .toMatch(/^Synced/);
  return options;
}

const firefoxSyncLine = (options: Page) =>
  options.$eval('.sync-status', (el) => el.textContent ?? '').catch(() => '');

async function firefoxTurnOn(session: FirefoxSession, article: Page, url: string): Promise<Page> {
  const options = await openExtensionPage(session, article, 'options.html');
  await options.waitForSelector('#sync-server');
  await options.type('#sync-server', url);
  await options.type('#sync-passphrase', PASSPHRASE);
  await options.click('.sync-form button[type="submit"]');
  await expect.poll(() => firefoxSyncLine(options), SOON).toMatch(/^Synced/);
  return options;
}

describe('sync between Chromium and Firefox', () => {
  it('draws a note written in Chromium on the page in Firefox, and one written in Firefox in Chromium', async () => {
    if (!pages || !dav) throw new Error('servers not running');
    const url = uniquePage(pages.url, 'article.html');

    chrome = await chromium.launch();
    await chromiumTurnOn(chrome, dav.url);
    const inChromium = await chromium.openArticle(chrome.context, url);
    await chromium.selectByMouse(inChromium, 'two principal', 'goals');
    await inChromium.keyboard.press('n');
    await chromium.noteEditor(inChromium);
    await inChromium.keyboard.type('Written in Chromium.');
    await inChromium.keyboard.press('Control+Enter');
    await chromium.waitForSaved(chrome, inChromium);

    firefox = await launch();
    const inFirefox = await openArticle(firefox, url);
    // A note of Firefox's own first: the options page opens from one of its note frames.
    await writeNote(inFirefox, 'Mohammed al-Adnani', 'jihad at home', 'Written in Firefox.');
    await firefoxTurnOn(firefox, inFirefox, dav.url);
    await inFirefox.bringToFront();

    await expect
      .poll(async () => Object.values(await drawnHighlights(inFirefox)).join('|'), SOON)
      .toContain('two principal');
    await expect
      .poll(async () => (await marginTexts(inFirefox)).sort(), SOON)
      .toEqual(['Written in Chromium.', 'Written in Firefox.']);
    await expect
      .poll(async () => (await chromium.marginTexts(inChromium)).sort(), SOON)
      .toEqual(['Written in Chromium.', 'Written in Firefox.']);
  });
});
