/**
 * Launching the built extension in Debian's Chromium and doing what a reader does: select
 * text with the mouse, press keys, open extension pages. Every helper works through real
 * input events, so the content script sees trusted events exactly as it would from a person.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from '../../scripts/chromium.mjs';
import { waitForGloss as waitForGlossIn } from '../../scripts/gloss-ready.mjs';
import { dragSelect, HIGHLIGHT_SELECTOR, readHighlights, textPoints } from './shared/page';
import { startServer } from './shared/server';

// What the helpers below call inside the extension's service worker.
declare const chrome: {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  profile: string;
  close(): Promise<void>;
}

// The static server and the in-page helpers are shared with the Firefox suite (tests/e2e-firefox).
export { HIGHLIGHT_SELECTOR, startServer };

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'gloss-e2e-'));
}

export async function launch(profile = newProfile()): Promise<Session> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    args: [...extensionArgs(EXTENSION_DIR), ...QUIET_ARGS],
  });
  // A step that cannot happen fails with its name well inside the test's time, never hangs it.
  context.setDefaultTimeout(15_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, profile, close: () => context.close() };
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

/**
 * Opens `url` and waits until Gloss's boot script answers in it. Gloss gives the page no
 * sign of itself, so the test asks through the extension, as the popup would.
 */
export async function openArticle(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForGloss(context, page);
  return page;
}

/** Waits until Gloss's content script in `page` answers the background. */
export function waitForGloss(context: BrowserContext, page: Page): Promise<void> {
  return waitForGlossIn(context, page);
}

/**
 * Drags the mouse from the first character of `from` to the last character of `to`, or the
 * other way round with `backward` (a drag that starts on a link drags the link instead).
 */
export async function selectByMouse(page: Page, from: string, to: string, backward = false): Promise<void> {
  await dragSelect(page.mouse, await page.evaluate(textPoints, { from, to }), backward);
}

/** The text of each annotation drawn in the page, by id. */
export async function drawnHighlights(page: Page): Promise<Record<string, string>> {
  return page.evaluate(readHighlights, HIGHLIGHT_SELECTOR);
}

/**
 * Waits until `count` annotations are drawn in `page`. Keys pressed while the annotator is
 * still loading make one annotation, so a test that highlights twice waits for the first.
 */
export async function waitForDrawn(page: Page, count: number): Promise<void> {
  await expect.poll(async () => Object.keys(await drawnHighlights(page)).length).toBe(count);
}

export function extensionPage(session: Session, path: string): string {
  return `chrome-extension://${session.extensionId}/${path}`;
}

/** The browser's id for the tab showing `page`, read through the extension's service worker. */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  const url = page.url();
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

/**
 * The ids of the annotations stored for the page at `url` (as it was when they were made),
 * read from Gloss's database through the service worker: a highlight is drawn before its save
 * is acknowledged, so a test that reloads or reads the store waits on this, not on the drawing.
 */
export async function storedIds(session: Session, url: string): Promise<string[]> {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(
    (u) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        // No database yet (nothing saved so far): create none, Gloss makes its own.
        let missing = false;
        open.onupgradeneeded = () => {
          missing = true;
          open.transaction?.abort();
        };
        open.onerror = () => (missing ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('annotations').objectStore('annotations').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const rows = all.result as { id: string; url: string }[];
            resolve(rows.filter((row) => row.url === u).map((row) => row.id));
          };
        };
      }),
    url,
  );
}

/** Waits until every highlight drawn in `page` is stored: each one's save was acknowledged. */
export async function waitForSaved(session: Session, page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const stored = new Set(await storedIds(session, page.url()));
      return Object.keys(await drawnHighlights(page)).every((id) => stored.has(id));
    })
    .toBe(true);
}

/** Sends what the context menu and keyboard command send (Playwright cannot click browser menus). */
export async function runMenuAction(
  session: Session,
  tabId: number,
  action: 'highlight' | 'note',
): Promise<void> {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(
    ([id, a]) => chrome.tabs.sendMessage(id as number, { type: 'runAction', action: a }),
    [tabId, action] as const,
  );
}

/** Gloss's note frames in `page` of one kind, found through the browser (the page cannot see them). */
export async function noteFrames(page: Page, kind: 'card' | 'margin'): Promise<Frame[]> {
  const selector = kind === 'card' ? '.card' : '.margin-note';
  const found: Frame[] = [];
  for (const frame of page.frames()) {
    if (!frame.url().includes('/note-editor.html')) continue;
    // A frame still loading (or never to load) has no document to ask yet: `frame.$` would
    // wait for one with no timeout, so it counts as not (yet) the frame looked for.
    const has = await Promise.race([
      frame.$(selector).then(
        (element) => element !== null,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000)),
    ]);
    if (has) found.push(frame);
  }
  return found;
}

/** The open note card, once it shows its annotation. */
export async function cardFrame(page: Page): Promise<Frame> {
  let card: Frame | undefined;
  await expect
    .poll(async () => {
      card = (await noteFrames(page, 'card'))[0];
      return card !== undefined;
    })
    .toBe(true);
  return card as Frame;
}

/** The margin note frames' texts. */
export async function marginTexts(page: Page): Promise<string[]> {
  const frames = await noteFrames(page, 'margin');
  return Promise.all(
    frames.map((f) =>
      f
        .locator('.markdown')
        .textContent()
        .then((t) => (t ?? '').trim()),
    ),
  );
}

/** What the popup's switch does: shows or hides the highlights of the tab showing `page`. */
export async function setHighlightsVisible(session: Session, page: Page, visible: boolean): Promise<void> {
  const tabId = await tabIdOf(session, page);
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(
    ([id, v]) => chrome.tabs.sendMessage(id as number, { type: 'setHighlightsVisible', visible: v }),
    [tabId, visible] as const,
  );
}

/** Waits until the note editor of the open card has keyboard focus, as a reader would before typing. */
export async function noteEditor(page: Page) {
  const field = (await cardFrame(page)).getByRole('textbox', { name: 'Note' });
  await field.waitFor();
  await expect
    .poll(() => field.evaluate((el) => el.ownerDocument.hasFocus() && el.ownerDocument.activeElement === el))
    .toBe(true);
  return field;
}

/**
 * Clicks a control of Gloss's in-page UI the way a reader does: found by role and name in
 * the accessibility tree (it lives in a closed shadow root no DOM query reaches), then a
 * real mouse click at its place on screen.
 */
export async function clickGlossControl(page: Page, role: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let backendNodeId: number | undefined;
    await expect
      .poll(async () => {
        const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
        const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
          nodeId: root.nodeId,
          role,
          accessibleName: name,
        })) as { nodes: { backendDOMNodeId?: number; ignored?: boolean }[] };
        backendNodeId = nodes.find((n) => !n.ignored && n.backendDOMNodeId)?.backendDOMNodeId;
        return backendNodeId !== undefined;
      })
      .toBe(true);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/**
 * One local server and one browser with the extension for a test file, started before its
 * tests and removed (profile included) after them.
 */
export function withExtensionBrowser(): {
  readonly session: Session;
  readonly url: string;
  readonly requests: string[];
} {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let session: Session | undefined;
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
      if (!session) throw new Error('the browser is not running');
      return session;
    },
    get requests() {
      if (!server) throw new Error('the server is not running');
      return server.requests;
    },
    get url() {
      if (!server) throw new Error('the server is not running');
      return server.url;
    },
  };
}
