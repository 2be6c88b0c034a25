import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { GlossDatabase } from '@/lib/db';
import type { Annotation } from '@/lib/types';

const ID = 'gloss';
const ORIGIN = 'chrome-extension://gloss/';
const page = { id: ID, url: `${ORIGIN}library.html` } as Browser.runtime.MessageSender;
const tabOn = (url: string) => ({ id: ID, url, tab: { id: 1, url } }) as Browser.runtime.MessageSender;

const make = (id: string, pageKey = 'https://a.org/'): Annotation => ({
  id,
  pageKey,
  url: pageKey,
  title: 'A',
  target: { quote: { type: 'TextQuoteSelector', exact: 'word' } },
  note: '',
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
});

let database: GlossDatabase;
let notified: string[];
let handlers: ReturnType<typeof createBackgroundHandlers>;

beforeEach(async () => {
  database = new GlossDatabase(`test-${Math.random()}`);
  notified = [];
  handlers = createBackgroundHandlers({
    database,
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    notifyPage: (k) => notified.push(k),
  });
});

describe('background handlers', () => {
  it('create, update, delete and restore, telling the page each time', async () => {
    await handlers.createAnnotation(
      { type: 'createAnnotation', annotation: make('x') },
      tabOn('https://a.org/'),
    );
    const updated = await handlers.updateAnnotation(
      { type: 'updateAnnotation', id: 'x', changes: { note: 'hi' } },
      page,
    );
    expect(updated?.note).toBe('hi');
    expect(updated?.modified).not.toBe('2026-11-29T10:00:00.000Z');
    const removed = await handlers.deleteAnnotation({ type: 'deleteAnnotation', id: 'x' }, page);
    expect(removed?.id).toBe('x');
    expect(await database.annotations.count()).toBe(0);
    await handlers.restoreAnnotation({ type: 'restoreAnnotation', annotation: removed as Annotation }, page);
    expect((await database.annotations.get('x'))?.note).toBe('hi');
    expect(notified).toEqual(['https://a.org/', 'https://a.org/', 'https://a.org/', 'https://a.org/']);
  });

  it('does not let a content script touch another page', async () => {
    await database.annotations.add(make('other', 'https://b.org/'));
    const fromA = tabOn('https://a.org/');
    await expect(
      handlers.createAnnotation({ type: 'createAnnotation', annotation: make('y', 'https://b.org/') }, fromA),
    ).rejects.toThrow(/Not allowed/);
    await expect(handlers.deleteAnnotation({ type: 'deleteAnnotation', id: 'other' }, fromA)).rejects.toThrow(
      /Not allowed/,
    );
    await expect(
      handlers.getPageAnnotations({ type: 'getPageAnnotations', pageKey: 'https://b.org/' }, fromA),
    ).rejects.toThrow(/Not allowed/);
    expect(await database.annotations.count()).toBe(1);
  });

  it('lists only the page asked for', async () => {
    await database.annotations.bulkAdd([make('a'), make('b'), make('c', 'https://b.org/')]);
    const list = await handlers.getPageAnnotations(
      { type: 'getPageAnnotations', pageKey: 'https://a.org/' },
      tabOn('https://a.org/#x'),
    );
    expect(list.map((a) => a.id).sort()).toEqual(['a', 'b']);
  });
});
