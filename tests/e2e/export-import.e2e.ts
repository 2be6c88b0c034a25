/**
 * Export and import end to end: annotate the demo article, download every format from the
 * library (and the side panel), then carry the JSON to a fresh profile and import it there,
 * twice, plus a damaged file and a drop. The imported highlights must be drawn on the page.
 * Every test runs in a profile of its own and makes what it needs: the export tests their
 * own annotations, the import tests the file a beforeAll exported from yet another profile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cardFrame,
  drawnHighlights,
  extensionPage,
  launch,
  noteEditor,
  openArticle,
  removeProfile,
  type Session,
  selectByMouse,
  startServer,
  tabIdOf,
  waitForDrawn,
  waitForSaved,
} from './harness';
import { uniquePage } from './shared/server';

let server: Awaited<ReturnType<typeof startServer>>;
const files = mkdtempSync(join(tmpdir(), 'gloss-export-'));
const jsonPath = join(files, 'export.json');

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => {
  server?.stop();
  rmSync(files, { recursive: true, force: true });
});

/** The browsers the running test launched, each on a fresh profile, closed and removed after it. */
const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) {
    await session.close();
    removeProfile(session.profile);
  }
});

/** A browser with the extension on a fresh profile of the calling test's own: its library holds only what the test puts there. */
async function freshSession(): Promise<Session> {
  const session = await launch();
  sessions.push(session);
  return session;
}

/** The demo article under a page key of the calling test's own (the tracking parameter is dropped from it). */
const article = () => uniquePage(server.url, 'article.html?utm_source=newsletter');
const FIRST = 'Jessica Stern writes: In the latest issue of Dabiq, ISIS’s on-line magazine';
const NOTE = '<script>alert(1)</script> is only text';

/** Clicks an export button and reads the file the browser downloaded. */
async function download(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [event] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const path = await event.path();
  return { file: event.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function openLibrary(current: Session): Promise<Page> {
  const library = await current.context.newPage();
  await library.goto(extensionPage(current, 'library.html'));
  await library.getByText(/of \d+ annotations/).waitFor();
  return library;
}

const report = (library: Page) => library.locator('.import-report p');

/**
 * Annotates a fresh copy of the article in `session`: one highlight, one note with markup
 * in it, both saved. Returns the open page.
 */
async function annotate(session: Session): Promise<Page> {
  const page = await openArticle(session.context, article());
  await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
  await page.waitForFunction(() => document.getSelection()?.toString().includes('Dabiq'));
  await page.keyboard.press('h');
  await page.waitForSelector('mark[data-annotation-id]');
  await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
  await page.waitForFunction(() => document.getSelection()?.toString().includes('necessary to achieve'));
  await page.keyboard.press('n');
  const field = await noteEditor(page);
  const card = await cardFrame(page);
  await field.fill(NOTE);
  await field.press('Control+Enter');
  // The card shows the note rendered once its save is acknowledged.
  await expect.poll(() => card.locator('.markdown').textContent()).toContain('is only text');
  await page.keyboard.press('Escape');
  await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
  await waitForSaved(session, page);
  return page;
}

/** Imports the exported JSON into `session`'s empty library, as the setup of an import test. */
async function importExport(session: Session, file: Exported): Promise<void> {
  const library = await openLibrary(session);
  await library.getByLabel('Import').setInputFiles(file.path);
  await expect.poll(() => report(library).textContent()).toBe('Imported 2 new, 0 updated, 0 unchanged.');
  await library.close();
}

describe('export from the library and the side panel', () => {
  it('annotates the article: one highlight, one note with markup in it', async () => {
    const page = await annotate(await freshSession());
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
    await page.close();
  });

  it('downloads Markdown, JSON, CSV and HTML named gloss-YYYY-MM-DD', async () => {
    const current = await freshSession();
    await (await annotate(current)).close();
    const library = await openLibrary(current);
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    await expect.poll(() => library.locator('.markdown').textContent()).toContain('is only text');

    const md = await download(library, 'Export Markdown');
    expect(md.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toContain('#:~:text=');
    expect(md.text.startsWith('# Gloss highlights')).toBe(true);

    await library.getByRole('checkbox', { name: 'Markdown with YAML front matter' }).check();
    expect((await download(library, 'Export Markdown')).text.startsWith('---\ntitle:')).toBe(true);

    const csv = await download(library, 'Export CSV');
    expect(csv.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'id,page title,url,quote,prefix,suffix,note,tags,colour,created,modified',
    );

    const html = await download(library, 'Export HTML');
    expect(html.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; is only text');
    expect(html.text).not.toContain('<script>alert');

    const json = await download(library, 'Export JSON');
    expect(json.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.json$/);
    expect(json.text).toContain('"type": "AnnotationCollection"');
    expect(JSON.parse(json.text).total).toBe(2);
    await library.close();
  });

  it('exports only the ticked annotations, and only the search results', async () => {
    const current = await freshSession();
    await (await annotate(current)).close();
    const library = await openLibrary(current);
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    await library.getByRole('checkbox', { name: /^Select “Jessica Stern/ }).check();
    await expect(library.getByRole('radio', { name: 'Selected (1)' }).isChecked()).resolves.toBe(true);
    const selected = JSON.parse((await download(library, 'Export JSON')).text);
    expect(selected.total).toBe(1);
    expect(JSON.stringify(selected)).toContain('Jessica Stern');

    await library.getByRole('checkbox', { name: 'Select all shown (2)' }).check();
    await expect(library.getByRole('radio', { name: 'Selected (2)' }).isChecked()).resolves.toBe(true);

    await library.getByRole('searchbox', { name: 'Search annotations' }).fill('prophesized');
    await library.getByRole('radio', { name: 'Matching the search (1)' }).check();
    const csv = (await download(library, 'Export CSV')).text;
    expect(csv).toContain('prophesized');
    expect(csv).not.toContain('Jessica Stern');
    await library.close();
  });

  it('exports this page from the side panel', async () => {
    const current = await freshSession();
    const annotated = await annotate(current);
    const url = annotated.url();
    await annotated.close();
    const page = await openArticle(current.context, url);
    await waitForDrawn(page, 2);
    const panel = await current.context.newPage();
    await panel.goto(extensionPage(current, `sidepanel.html?tabId=${await tabIdOf(current, page)}`));
    await panel.getByRole('button', { name: 'Export Markdown' }).waitFor();
    const md = await download(panel, 'Export Markdown');
    expect(md.file).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toContain('2 highlights');
    await panel.close();
    await page.close();
  });
});

/** The file the import tests import and the article's address in it (tracking parameter included). */
interface Exported {
  path: string;
  url: string;
}
let exported: Promise<Exported> | undefined;

/**
 * The JSON export of an annotated article, made in a profile of its own that is gone before
 * the import goes on. Whichever import test runs first makes it (expect.poll, which the
 * helpers wait with, runs only inside a test); the others find it made, the same file.
 */
function exportedFile(): Promise<Exported> {
  exported ??= makeExport().catch((error: unknown) => {
    exported = undefined;
    throw error;
  });
  return exported;
}

async function makeExport(): Promise<Exported> {
  const exporter = await launch();
  try {
    const page = await annotate(exporter);
    const url = page.url();
    await page.close();
    const library = await openLibrary(exporter);
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    const json = await download(library, 'Export JSON');
    expect(JSON.parse(json.text).total).toBe(2);
    writeFileSync(jsonPath, json.text);
    await library.close();
    return { path: jsonPath, url };
  } finally {
    await exporter.close();
    removeProfile(exporter.profile);
  }
}

describe('import into a fresh profile', () => {
  it('imports the JSON, redraws an open tab, and adds nothing the second time', async () => {
    const file = await exportedFile();
    const session = await freshSession();
    const page = await openArticle(session.context, file.url);
    const library = await openLibrary(session);
    await expect.poll(() => library.locator('.item').count()).toBe(0);

    const worker = library.waitForEvent('worker');
    await library.getByLabel('Import').setInputFiles(file.path);
    await expect.poll(() => report(library).textContent()).toBe('Imported 2 new, 0 updated, 0 unchanged.');
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    // The file was parsed in the worker, off the page's main thread.
    expect((await worker).url()).toMatch(/import-worker/);
    // The tab that was already open draws them without a reload.
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);

    await library.getByLabel('Import').setInputFiles(file.path);
    await expect.poll(() => report(library).textContent()).toBe('Imported 0 new, 0 updated, 2 unchanged.');
    expect(await library.locator('.item').count()).toBe(2);
    await library.close();
    await page.close();
  });

  it('refuses a cut-short file with an alert and changes nothing', async () => {
    const file = await exportedFile();
    const session = await freshSession();
    await importExport(session, file);
    const library = await openLibrary(session);
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    const text = readFileSync(file.path, 'utf8');
    await library.getByLabel('Import').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))),
    });
    const alert = library.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/not valid JSON; it may be cut short or damaged/);
    expect(await library.locator('.item').count()).toBe(2);
    expect(await library.getByText('2 of 2 annotations').count()).toBe(1);

    // Dropping the good file on the page imports it too (and again changes nothing).
    const transfer = await library.evaluateHandle((json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      return data;
    }, text);
    await library.dispatchEvent('.file-drop', 'drop', { dataTransfer: transfer });
    await expect.poll(() => report(library).textContent()).toBe('Imported 0 new, 0 updated, 2 unchanged.');
    await library.close();
  });

  it('draws the imported highlights when the article is opened', async () => {
    const file = await exportedFile();
    const session = await freshSession();
    await importExport(session, file);
    // Opened without the tracking parameter: the same page key.
    const page = await openArticle(session.context, file.url.replace('utm_source=newsletter&', ''));
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
    expect(Object.values(await drawnHighlights(page))).toContain(FIRST);
    await page.close();
  });
});
