/**
 * Export and import end to end: annotate the demo article, download every format from the
 * library (and the side panel), then carry the JSON to a fresh profile and import it there,
 * twice, plus a damaged file and a drop. The imported highlights must be drawn on the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drawnHighlights,
  extensionPage,
  launch,
  newProfile,
  noteEditor,
  openArticle,
  removeProfile,
  type Session,
  selectByMouse,
  startServer,
  tabIdOf,
} from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let session: Session | undefined;
const profiles = [newProfile(), newProfile()];
const files = mkdtempSync(join(tmpdir(), 'gloss-export-'));
const jsonPath = join(files, 'export.json');

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await session?.close();
  server?.stop();
  for (const profile of profiles) removeProfile(profile);
  rmSync(files, { recursive: true, force: true });
});

const article = () => `${server.url}/article.html?utm_source=newsletter`;
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

describe('export from the library and the side panel', () => {
  it('annotates the article: one highlight, one note with markup in it', async () => {
    session = await launch(profiles[0]);
    const page = await openArticle(session.context, article());
    await selectByMouse(page, 'Jessica Stern', 'on-line magazine', true);
    await page.waitForFunction(() => document.getSelection()?.toString().includes('Dabiq'));
    await page.keyboard.press('h');
    await page.waitForSelector('mark[data-annotation-id]');
    await selectByMouse(page, 'prophesized to be held', 'necessary to achieve');
    await page.waitForFunction(() => document.getSelection()?.toString().includes('necessary to achieve'));
    await page.keyboard.press('n');
    const field = await noteEditor(page);
    await field.fill(NOTE);
    await field.press('Control+Enter');
    await page.keyboard.press('Escape');
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
    await page.close();
  });

  it('downloads Markdown, JSON, CSV and HTML named gloss-YYYY-MM-DD', async () => {
    const current = session as Session;
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
    writeFileSync(jsonPath, json.text);
    await library.close();
  });

  it('exports only the ticked annotations, and only the search results', async () => {
    const library = await openLibrary(session as Session);
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
    const current = session as Session;
    const page = await openArticle(current.context, article());
    await page.waitForSelector('mark[data-annotation-id]');
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

describe('import into a fresh profile', () => {
  it('imports the JSON, redraws an open tab, and adds nothing the second time', async () => {
    await session?.close();
    session = await launch(profiles[1]);
    const page = await openArticle(session.context, article());
    const library = await openLibrary(session);
    await expect.poll(() => library.locator('.item').count()).toBe(0);

    const worker = library.waitForEvent('worker');
    await library.getByLabel('Import').setInputFiles(jsonPath);
    await expect.poll(() => report(library).textContent()).toBe('Imported 2 new, 0 updated, 0 unchanged.');
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    // The file was parsed in the worker, off the page's main thread.
    expect((await worker).url()).toMatch(/import-worker/);
    // The tab that was already open draws them without a reload.
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);

    await library.getByLabel('Import').setInputFiles(jsonPath);
    await expect.poll(() => report(library).textContent()).toBe('Imported 0 new, 0 updated, 2 unchanged.');
    expect(await library.locator('.item').count()).toBe(2);
    await library.close();
    await page.close();
  });

  it('refuses a cut-short file with an alert and changes nothing', async () => {
    const library = await openLibrary(session as Session);
    await expect.poll(() => library.locator('.item').count()).toBe(2);
    const text = readFileSync(jsonPath, 'utf8');
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
    const page = await openArticle((session as Session).context, `${server.url}/article.html`);
    await expect.poll(async () => Object.values(await drawnHighlights(page)).length).toBe(2);
    expect(Object.values(await drawnHighlights(page))).toContain(FIRST);
    await page.close();
  });
});
