/**
 * Launching the Firefox build of Gloss in Debian's Firefox ESR through Puppeteer (WebDriver
 * BiDi) and doing what a reader does, with real mouse and keyboard input. Browser-neutral
 * parts (server, text points for a drag, reading highlights) come from ../e2e/shared.
 *
 * What BiDi cannot do here, and how this file gets round it:
 * - It cannot navigate a tab to a moz-extension:// page. Extension pages are opened from
 *   one of Gloss's own note frames (extension origin, embedded in the article) with
 *   `window.open`, which the browser allows for an extension page opening its own pages.
 * - It reports Gloss's note frames with the URL `about:blank` (their navigation to the
 *   extension page is not reported), so frames are recognised by the `location` they
 *   report when asked from inside.
 * - It does not tell the extension's internal UUID (the host of its moz-extension:// pages,
 *   unlike the add-on id that `runtime.id` gives). The harness picks it instead, one per
 *   profile, through the pref Firefox keeps these UUIDs in, so the attack tests can play a
 *   page that learned it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { dragSelect, HIGHLIGHT_SELECTOR, readHighlights, textPoints } from '../e2e/shared/page';
import { startServer, type TestServer } from '../e2e/shared/server';

export { uniquePage } from '../e2e/shared/server';
export { HIGHLIGHT_SELECTOR, startServer, type TestServer };

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve('.output/firefox-mv2');
/** GLOSS_FIREFOX_LOG=1 prints Firefox's output, with the console of pages, content scripts and the background. */
const LOG = process.env.GLOSS_FIREFOX_LOG === '1';
/**
 * Polling interval (ms) for conditions checked inside a page. Puppeteer's default polls on
 * animation frames, which Firefox does not run in a tab in the background (e.g. the article
 * while the library is open), so such a wait would hang there.
 */
export const POLL = 100;

export interface FirefoxSession {
  browser: Browser;
  profile: string;
  downloads: string;
  /** The add-on id, which is also what `browser.runtime.id` says in Firefox. */
  extensionId: string;
  /** `moz-extension://UUID`, the origin of Gloss's pages and note frames in this profile. */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** The add-on id of the build (browser_specific_settings.gecko.id). */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox build has no gecko id');
  return id;
}

/**
 * The internal UUID Gloss gets in `profile`: derived from the profile's path, so the same
 * profile gets the same one on every launch (its extension IndexedDB lives under it).
 */
function uuidFor(profile: string): string {
  const hex = createHash('sha256').update(profile).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'gloss-ff-e2e-'));
}

/** Removes a profile and the download folder beside it. */
export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
  rmSync(`${profile}-downloads`, { recursive: true, force: true });
}

/**
 * Starts Firefox on `profile` with the built extension installed. BiDi installs the
 * unsigned build as a temporary add-on, so it is installed again on every launch; the
 * profile keeps the add-on's internal UUID (in its prefs) and with it the extension's
 * IndexedDB, so a second launch on the same profile is a browser restart for Gloss.
 */
export async function launch(profile = newProfile()): Promise<FirefoxSession> {
  const downloads = `${profile}-downloads`;
  const id = geckoId();
  const uuid = uuidFor(profile);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    // Wide enough for margin notes beside the article, as on a desktop screen.
    defaultViewport: { width: 1280, height: 800 },
    dumpio: LOG,
    extraPrefsFirefox: {
      // Exports are saved without a dialog into the session's download folder.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // Where Firefox keeps each add-on's internal UUID: set, so the tests know Gloss's origin.
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      ...(LOG ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
  let installed: string;
  try {
    installed = await browser.installExtension(EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    profile,
    downloads,
    extensionId: installed,
    extensionOrigin: `moz-extension://${uuid}`,
    close: () => browser.close(),
  };
}

/**
 * Opens `url` and waits until it has loaded and gone idle. Gloss gives the page no sign of
 * itself; its boot script runs at `document_idle`, which Firefox reaches after the load
 * event and an idle moment, so a gesture made after that reaches it.
 */
export async function openArticle(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  return page;
}

/** Waits for the page to finish loading and for an idle moment (bounded, so busy pages do not stall it). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete', { polling: POLL });
  await page.evaluate(
    () => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 2000 })),
  );
}

/** Drags the mouse over the text from the first character of `from` to the last of `to`. */
export async function selectByMouse(page: Page, from: string, to: string, backward = false): Promise<void> {
  const points = await page.evaluate(textPoints, { from, to });
  await dragSelect(page.mouse, points, backward);
}

/** The text of each annotation drawn in the page, by id. */
export function drawnHighlights(page: Page): Promise<Record<string, string>> {
  return page.evaluate(readHighlights, HIGHLIGHT_SELECTOR);
}

/** Waits until `count` annotations are drawn and returns their texts. */
export async function waitForHighlights(page: Page, count: number): Promise<string[]> {
  await expect
    .poll(async () => Object.keys(await drawnHighlights(page)).length, { timeout: 15_000 })
    .toBe(count);
  return Object.values(await drawnHighlights(page));
}

/** Ctrl+Enter: saves a note. */
export async function pressCtrlEnter(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

type FrameKind = 'card' | 'margin' | 'any';

/** In a frame: is it Gloss's note frame, and of which kind? */
function frameKind(): { note: boolean; card: boolean; margin: boolean } {
  const note = location.href.includes('/note-editor.html');
  const isNoteField = (el: Element) =>
    el.getAttribute('aria-label') === 'Note' ||
    Array.from((el as HTMLTextAreaElement).labels ?? []).some(
      (label) => label.textContent?.trim() === 'Note',
    );
  const card = Array.from(document.querySelectorAll('textarea, input, [role="textbox"]')).some(isNoteField);
  return {
    note,
    card: note && (card || !!document.querySelector('.card')),
    margin: note && !!document.querySelector('.margin-note'),
  };
}

/** Gloss's note frames in `page`, found through the browser's frame list (the page cannot see them). */
export async function noteFrames(page: Page, kind: FrameKind): Promise<Frame[]> {
  const found: Frame[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    const seen = await frame.evaluate(frameKind).catch(() => null);
    if (seen?.note && (kind === 'any' || seen[kind])) found.push(frame);
  }
  return found;
}

/** Waits for a note frame of `kind` and returns it. */
export async function noteFrame(page: Page, kind: FrameKind): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(
      async () => {
        frame = (await noteFrames(page, kind))[0];
        return frame !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return frame as Frame;
}

/** Waits until the note field of the open card has keyboard focus, as a reader would before typing. */
export async function noteEditor(page: Page): Promise<Frame> {
  const card = await noteFrame(page, 'card');
  await expect
    .poll(
      () =>
        card.evaluate(() => {
          const el = document.activeElement;
          return document.hasFocus() && !!el && el.matches('textarea, input, [role="textbox"]');
        }),
      { timeout: 15_000 },
    )
    .toBe(true);
  return card;
}

/**
 * Writes a note the way a reader does: selects `from`…`to`, presses `n`, types `note`,
 * saves with Ctrl+Enter, waits until the card shows it rendered and closes the card with
 * Escape. Returns the id of the new annotation.
 */
export async function writeNote(page: Page, from: string, to: string, note: string): Promise<string> {
  const before = Object.keys(await drawnHighlights(page));
  await selectByMouse(page, from, to);
  await page.keyboard.press('n');
  const card = await noteEditor(page);
  await page.keyboard.type(note);
  await pressCtrlEnter(page);
  await expect
    .poll(() => card.evaluate(() => document.querySelector('.markdown') !== null), { timeout: 15_000 })
    .toBe(true);
  await page.keyboard.press('Escape');
  // Closed (not merely hidden), so the next card looked for is not this one.
  await expect.poll(async () => (await noteFrames(page, 'card')).length, { timeout: 15_000 }).toBe(0);
  const id = Object.keys(await drawnHighlights(page)).find((k) => !before.includes(k));
  if (!id) throw new Error('no new highlight');
  return id;
}

/** Clicks, with the mouse, the first drawn piece of a highlight whose text includes `text`. */
export async function clickHighlight(page: Page, text: string): Promise<void> {
  for (const piece of await page.$$(HIGHLIGHT_SELECTOR)) {
    if ((await piece.evaluate((el) => el.textContent ?? '')).includes(text)) {
      await piece.click();
      return;
    }
  }
  throw new Error(`no highlight with “${text}”`);
}

/** The texts the margin notes show. */
export async function marginTexts(page: Page): Promise<string[]> {
  const frames = await noteFrames(page, 'margin');
  return Promise.all(
    frames.map((frame) =>
      frame.evaluate(() => document.querySelector('.margin-note')?.textContent?.trim() ?? '').catch(() => ''),
    ),
  );
}

/**
 * Opens the extension page `path` (e.g. `library.html`) in a new tab, from one of Gloss's
 * note frames in `page` (BiDi cannot navigate to moz-extension://), and waits until it loaded.
 */
export async function openExtensionPage(session: FirefoxSession, page: Page, path: string): Promise<Page> {
  const before = new Set(await session.browser.pages());
  const frame = await noteFrame(page, 'any');
  await frame.evaluate((p) => {
    window.open(`/${p}`, '_blank');
  }, path);
  let opened: Page | undefined;
  await expect
    .poll(
      async () => {
        for (const candidate of await session.browser.pages()) {
          if (before.has(candidate)) continue;
          const href = await candidate.evaluate(() => location.href).catch(() => '');
          if (href.includes(`/${path}`)) opened = candidate;
        }
        return opened !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const tab = opened as Page;
  // The tab opens behind the article; a reader would switch to it (and a background tab
  // runs no animation frames and few idle callbacks, so everything there would crawl).
  await tab.bringToFront();
  await settle(tab);
  return tab;
}

/** Waits for the enabled button whose text is `name` in `page` and returns it. */
export async function buttonNamed(page: Page, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (label: string) =>
      Array.from(document.querySelectorAll('button')).find(
        (b) => !b.disabled && (b.getAttribute('aria-label') ?? b.textContent?.trim()) === label,
      ),
    { timeout: 15_000, polling: POLL },
    name,
  );
  const button = handle.asElement();
  if (!button) throw new Error(`no button ${name}`);
  return button as ElementHandle<HTMLButtonElement>;
}

/** Runs `save` (a click that downloads) and returns the file that then appears in the download folder. */
export async function download(
  session: FirefoxSession,
  save: () => Promise<void>,
): Promise<{ file: string; text: string }> {
  const listing = () => (existsSync(session.downloads) ? readdirSync(session.downloads) : []);
  const before = new Set(listing());
  await save();
  let file: string | undefined;
  await expect
    .poll(
      () => {
        const names = listing();
        // Firefox writes `NAME.part` beside the file until the download is complete.
        if (names.some((n) => n.endsWith('.part'))) return false;
        file = names.find((n) => !before.has(n) && statSync(join(session.downloads, n)).size > 0);
        return file !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const name = file as string;
  return { file: name, text: readFileSync(join(session.downloads, name), 'utf8') };
}

/**
 * One local server and one Firefox with the extension for a test file, started before its
 * tests and removed (profile included) after them.
 */
export function withFirefox(): {
  readonly session: FirefoxSession;
  readonly url: string;
  /** The path (with query) of every request the server answered, in order. */
  readonly requests: readonly string[];
} {
  let server: TestServer | undefined;
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    server = await startServer();
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    server?.stop();
    if (session) removeProfile(session.profile);
  });
  return {
    get session() {
      if (!session) throw new Error('Firefox is not running');
      return session;
    },
    get url() {
      if (!server) throw new Error('the server is not running');
      return server.url;
    },
    get requests() {
      if (!server) throw new Error('the server is not running');
      return server.requests;
    },
  };
}
