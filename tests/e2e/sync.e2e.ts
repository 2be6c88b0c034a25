/**
 * Sync between Chromium profiles through a real WebDAV server (the npm `webdav-server`
 * that `npm run sync-server` runs), started and stopped by the test itself. Each profile
 * is a reader's browser on another machine: it turns sync on from the options page, and
 * everything else is what that reader does and sees: highlights, notes, the library, the page.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer as DavServer, startTestServer } from '../sync/webdav-server';
import {
  drawnHighlights,
  extensionPage,
  launch,
  marginTexts,
  noteEditor,
  openArticle,
  removeProfile,
  type Session,
  selectByMouse,
  startServer,
  waitForDrawn,
  waitForSaved,
} from './harness';
import { uniquePage } from './shared/server';

// What deleteFromLibrary calls inside the library page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const PASSPHRASE = 'a pen in hand, a key in mind';
/** Sync runs about a second after a change and every few seconds while awake: "within seconds". */
const SOON = { timeout: 20_000 };

let sessions: Session[] = [];
let pages: Awaited<ReturnType<typeof startServer>> | undefined;
let dav: DavServer | undefined;

beforeEach(async () => {
  pages = await startServer();
  dav = await startTestServer();
});

afterEach(async () => {
  for (const session of sessions) {
    await session.close();
    removeProfile(session.profile);
  }
  sessions = [];
  pages?.stop();
  await dav?.dispose();
});

async function browserProfile(): Promise<Session> {
  const session = await launch();
  sessions.push(session);
  return session;
}

function server(): DavServer {
  if (!dav) throw new Error('no WebDAV server');
  return dav;
}

/** The options page's Sync section, as a reader fills it in. */
async function turnOnSync(session: Session, passphrase = PASSPHRASE): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));
  await options.getByLabel('Sync server').fill(server().url);
  await options.getByLabel('Passphrase').fill(passphrase);
  await options.getByRole('button', { name: 'Turn on sync' }).click();
  return options;
}

const syncLine = (options: Page) => options.getByRole('status', { name: 'Sync status' });

async function waitSynced(options: Page): Promise<void> {
  await expect.poll(() => syncLine(options).textContent(), SOON).toMatch(/^Synced/);
}

interface StoredRecord {
  id: string;
  url: string;
  note: string;
  target: { quote: { exact: string } };
}

/** Every annotation in the profile's database, read through its service worker. */
async function stored(session: Session): Promise<StoredRecord[]> {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  const rows = (await worker.evaluate(readAllAnnotations)) as StoredRecord[];
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every row of Gloss's annotations store; runs in the service worker or an extension page. */
function readAllAnnotations(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('annotations').objectStore('annotations').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

async function annotate(page: Page, from: string, to: string, note: string): Promise<void> {
  await selectByMouse(page, from, to);
  await page.keyboard.press('n');
  await noteEditor(page);
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
}

async function openLibrary(session: Session): Promise<Page> {
  const library = await session.context.newPage();
  await library.goto(extensionPage(session, 'library.html'));
  return library;
}

/** A library row by its quote, read or being edited (`div.item.editing`). */
const libraryItem = (library: Page, quote: string) => library.locator('.item', { hasText: quote });

async function editNoteInLibrary(library: Page, quote: string, append: string): Promise<void> {
  const item = libraryItem(library, quote);
  await item.getByRole('button', { name: 'Edit note' }).click();
  const field = item.getByRole('textbox', { name: 'Note' });
  await field.press('End');
  await field.pressSequentially(append);
  await field.press('Control+Enter');
  await expect.poll(() => libraryItem(library, quote).textContent()).toContain(append.trim());
}

/**
 * Deletes an annotation as the library's Delete button does: the same message, sent from the
 * library page. (The library's own e2e clicks the button; here the test names the record, so
 * it does not depend on which rows are on screen.)
 */
async function deleteFromLibrary(session: Session, library: Page, id: string): Promise<void> {
  await library.evaluate(
    (target) =>
      chrome.runtime.sendMessage({ type: 'editAnnotations', ids: [target], edit: { kind: 'delete' } }),
    id,
  );
  await expect.poll(async () => (await stored(session)).some((r) => r.id === id)).toBe(false);
}

describe('sync between two profiles', () => {
  it('brings a note from A to B’s library and page within seconds, and B’s edit back to A', async () => {
    const a = await browserProfile();
    const b = await browserProfile();
    await waitSynced(await turnOnSync(a));
    await waitSynced(await turnOnSync(b));

    const url = uniquePage(pages?.url ?? '', 'article.html');
    const pageA = await openArticle(a.context, url);
    const pageB = await openArticle(b.context, url);
    await annotate(pageA, 'two principal', 'goals', 'Written on A.');
    await waitForSaved(a, pageA);

    // B's page draws it without a reload, and its library lists it with the note.
    await expect
      .poll(async () => Object.values(await drawnHighlights(pageB)).join('|'), SOON)
      .toContain('two principal');
    await expect.poll(() => marginTexts(pageB), SOON).toEqual(['Written on A.']);
    const libraryB = await openLibrary(b);
    await expect
      .poll(() => libraryItem(libraryB, 'two principal').textContent(), SOON)
      .toContain('Written on A.');

    await editNoteInLibrary(libraryB, 'two principal', ' Edited on B.');
    await expect.poll(() => marginTexts(pageA), SOON).toEqual(['Written on A. Edited on B.']);
  });

  it('converges after both edit one note and delete different ones while the server is down, and the server holds no plaintext', async () => {
    const a = await browserProfile();
    const b = await browserProfile();
    const optionsA = await turnOnSync(a);
    await waitSynced(optionsA);
    const optionsB = await turnOnSync(b);
    await waitSynced(optionsB);

    const url = uniquePage(pages?.url ?? '', 'article.html');
    const pageA = await openArticle(a.context, url);
    await annotate(pageA, 'two principal', 'goals', 'Shared note.');
    await waitForSaved(a, pageA);
    await expect.poll(async () => Object.keys(await drawnHighlights(pageA)).length, SOON).toBe(1);
    await selectByMouse(pageA, 'Sophisticated attacks', 'trained fighters');
    await pageA.keyboard.press('h');
    await expect.poll(async () => Object.keys(await drawnHighlights(pageA)).length, SOON).toBe(2);
    await selectByMouse(pageA, 'Helpfully, ISIS', 'described for us');
    await pageA.keyboard.press('h');
    await expect.poll(async () => Object.keys(await drawnHighlights(pageA)).length, SOON).toBe(3);
    await waitForSaved(a, pageA);
    await expect.poll(async () => (await stored(b)).length, SOON).toBe(3);

    await server().stop();
    const libraryA = await openLibrary(a);
    const libraryB = await openLibrary(b);
    await editNoteInLibrary(libraryA, 'two principal', ' A adds this.');
    await editNoteInLibrary(libraryB, 'two principal', ' B adds that.');
    // The two plain highlights (whatever text the drags caught): A deletes one, B the other.
    const [first, second] = (await stored(a)).filter((r) => !r.target.quote.exact.includes('two principal'));
    if (!first || !second) throw new Error('expected two plain highlights');
    await deleteFromLibrary(a, libraryA, first.id);
    await deleteFromLibrary(b, libraryB, second.id);
    // Each side says the server is unreachable and its changes wait.
    await expect.poll(() => syncLine(optionsA).textContent(), SOON).toMatch(/cannot be reached.*waiting/);
    await expect.poll(() => syncLine(optionsB).textContent(), SOON).toMatch(/cannot be reached.*waiting/);

    await server().start();
    // Both hold the same single annotation, whose note has both sides' words.
    const converged = async () => {
      const [onA, onB] = [await stored(a), await stored(b)];
      if (JSON.stringify(onA) !== JSON.stringify(onB)) return 'A and B differ';
      return onA.map((r) => r.note);
    };
    await expect
      .poll(converged, { timeout: 40_000 })
      .toEqual([expect.stringMatching(/^Shared note\.( A adds this\.| B adds that\.){2}$/)]);
    const [note] = (await converged()) as string[];
    expect(note).toContain('A adds this.');
    expect(note).toContain('B adds that.');
    await expect.poll(async () => Object.keys(await drawnHighlights(pageA)).length, SOON).toBe(1);

    // What the server holds: ciphertext only, no quote, note word or page URL.
    const secrets = [
      'two principal',
      'Shared note',
      'adds this',
      'Sophisticated',
      new URL(url).host,
      'article.html',
    ];
    for (const { path, bytes } of server().files()) {
      const text = bytes.toString('latin1');
      for (const secret of secrets) expect(text, `${path} holds "${secret}"`).not.toContain(secret);
    }
  });

  it('tells a third profile its passphrase is wrong and changes nothing on either side', async () => {
    const a = await browserProfile();
    const url = uniquePage(pages?.url ?? '', 'article.html');
    const pageA = await openArticle(a.context, url);
    await annotate(pageA, 'two principal', 'goals', 'Only A and B may read this.');
    await waitForSaved(a, pageA);
    await waitSynced(await turnOnSync(a));
    const before = server()
      .files()
      .map((f) => `${f.path}:${f.bytes.toString('base64')}`);

    const c = await browserProfile();
    const pageC = await openArticle(c.context, uniquePage(pages?.url ?? '', 'article.html'));
    await selectByMouse(pageC, 'Sophisticated attacks', 'trained fighters');
    await pageC.keyboard.press('h');
    await waitForDrawn(pageC, 1);
    await waitForSaved(c, pageC);
    const mine = await stored(c);
    const optionsC = await turnOnSync(c, 'not the passphrase');
    await expect.poll(() => syncLine(optionsC).textContent(), SOON).toMatch(/Wrong passphrase/);
    expect(await optionsC.getByRole('button', { name: 'Turn on sync' }).isVisible()).toBe(true);
    expect(await stored(c)).toEqual(mine);
    expect(
      server()
        .files()
        .map((f) => `${f.path}:${f.bytes.toString('base64')}`),
    ).toEqual(before);
  });

  it('resumes a first sync that the browser stopped halfway, with nothing lost or doubled', async () => {
    const a = await browserProfile();
    const library = await openLibrary(a);
    await library.getByText(/of 0 annotations/).waitFor();
    await library.evaluate(seedRecords, 6_000);
    const options = await turnOnSync(a);
    await expect.poll(() => syncLine(options).textContent(), SOON).toMatch(/^Syncing: /);
    // MV3 stops the worker whenever it likes: here, in the middle of the first pass.
    const cdp = await a.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Any event wakes it again (the alarm does within 30 s); here the reader presses Sync now.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => syncLine(options).textContent(), { timeout: 60_000 })
      .toMatch(/^Synced · .* · 0 changes waiting/);

    const b = await browserProfile();
    await waitSynced(await turnOnSync(b));
    const libraryB = await openLibrary(b);
    await libraryB.getByText(/of 6,000 annotations/).waitFor({ timeout: 60_000 });
    const onA = await recordsIn(library);
    const onB = await recordsIn(libraryB);
    expect(onB).toHaveLength(6_000);
    expect(onB).toEqual(onA);
  });
});

/** Writes `count` annotations into Gloss's database from an extension page (as an import does). */
function seedRecords(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('gloss');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('annotations', 'readwrite');
      for (let n = 0; n < count; n++) {
        const url = `https://site-${n % 50}.example/post-${n % 500}`;
        const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
        tx.objectStore('annotations').put({
          id: `seed-${String(n).padStart(6, '0')}`,
          pageKey: url,
          url,
          title: `Post ${n % 500}`,
          target: { quote: { type: 'TextQuoteSelector', exact: `passage number ${n}` } },
          note: n % 3 === 0 ? `note on passage ${n}` : '',
          tags: n % 5 === 0 ? ['seeded'] : [],
          color: 'yellow',
          created: at,
          modified: at,
        });
      }
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Every annotation's id, note and tags, in id order, read from an extension page (the worker may have been stopped). */
async function recordsIn(page: Page): Promise<string[]> {
  const rows = (await page.evaluate(readAllAnnotations)) as Array<{
    id: string;
    note: string;
    tags: string[];
  }>;
  return rows.map((r) => `${r.id}|${r.note}|${r.tags.join(',')}`).sort();
}
