import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createFrameTickets } from '@/lib/background/frame-tickets';
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

describe('every write checks the record already stored under its id', () => {
  const fromA = tabOn('https://a.org/');

  it('a content script cannot overwrite another page’s record by restoring one with its id', async () => {
    const theirs = { ...make('shared', 'https://b.org/'), note: 'b’s note' };
    await database.annotations.add(theirs);
    const forged = { ...make('shared', 'https://a.org/'), note: 'overwritten' };
    await expect(
      handlers.restoreAnnotation({ type: 'restoreAnnotation', annotation: forged }, fromA),
    ).rejects.toThrow(/Not allowed/);
    expect(await database.annotations.get('shared')).toEqual(theirs);
    expect(notified).toEqual([]);
  });

  it('nor move a record between the two pages its tab may briefly be on', async () => {
    // During a pushState navigation the sender and tab URLs differ, and both pages are allowed.
    const between = {
      id: ID,
      url: 'https://a.org/',
      tab: { id: 1, url: 'https://b.org/' },
    } as Browser.runtime.MessageSender;
    const theirs = make('moving', 'https://b.org/');
    await database.annotations.add(theirs);
    await expect(
      handlers.restoreAnnotation(
        { type: 'restoreAnnotation', annotation: make('moving', 'https://a.org/') },
        between,
      ),
    ).rejects.toThrow(/Not allowed/);
    expect(await database.annotations.get('moving')).toEqual(theirs);
  });

  it('a content script may still put back its own page’s record, and an extension page any record', async () => {
    const mine = make('undo', 'https://a.org/');
    await database.annotations.add(mine);
    await handlers.restoreAnnotation(
      { type: 'restoreAnnotation', annotation: { ...mine, note: 'again' } },
      fromA,
    );
    expect((await database.annotations.get('undo'))?.note).toBe('again');
    await database.annotations.add(make('elsewhere', 'https://b.org/'));
    await handlers.restoreAnnotation(
      { type: 'restoreAnnotation', annotation: make('elsewhere', 'https://a.org/') },
      page,
    );
    expect((await database.annotations.get('elsewhere'))?.pageKey).toBe('https://a.org/');
  });

  it('creating the same record twice (a retry) returns it; a different record under that id is refused', async () => {
    const first = make('retry', 'https://a.org/');
    const request = { type: 'createAnnotation', annotation: first } as const;
    expect(await handlers.createAnnotation(request, fromA)).toEqual(first);
    // The same content with its keys in another order is still the same record.
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as unknown as Annotation;
    expect(await handlers.createAnnotation({ ...request, annotation: reordered }, fromA)).toEqual(first);
    await expect(
      handlers.createAnnotation({ ...request, annotation: { ...first, note: 'changed' } }, fromA),
    ).rejects.toThrow(/Not allowed/);
    expect(await database.annotations.toArray()).toEqual([first]);
  });

  it('creating a record under another page’s id is refused, even with identical other fields', async () => {
    const theirs = make('taken', 'https://b.org/');
    await database.annotations.add(theirs);
    await expect(
      handlers.createAnnotation(
        {
          type: 'createAnnotation',
          annotation: { ...theirs, pageKey: 'https://a.org/', url: 'https://a.org/' },
        },
        fromA,
      ),
    ).rejects.toThrow(/Not allowed/);
    expect(await database.annotations.toArray()).toEqual([theirs]);
  });

  it('an update checks the record it writes, not only the one it read first', async () => {
    // Replaced by another page's record between the check and the write (a restore or an import).
    const theirs = make('swapped', 'https://b.org/');
    await database.annotations.add(theirs);
    vi.spyOn(database.annotations, 'get').mockResolvedValueOnce(make('swapped', 'https://a.org/'));
    await expect(
      handlers.updateAnnotation(
        { type: 'updateAnnotation', id: 'swapped', changes: { note: 'written on the wrong page' } },
        fromA,
      ),
    ).rejects.toThrow(/Not allowed/);
    expect(await database.annotations.get('swapped')).toEqual(theirs);
  });

  it('a content script cannot move another page’s passage, or record how it anchored', async () => {
    await database.annotations.bulkAdd([make('mine', 'https://a.org/'), make('theirs', 'https://b.org/')]);
    await database.anchorStates.add({ id: 'theirs', pageKey: 'https://b.org/', kind: 'exact', checked: 'x' });
    const target = { quote: { type: 'TextQuoteSelector', exact: 'moved' } } as const;
    await expect(
      handlers.updateAnnotation({ type: 'updateAnnotation', id: 'theirs', changes: { target } }, fromA),
    ).rejects.toThrow(/Not allowed/);
    await handlers.reportAnchoring(
      { type: 'reportAnchoring', pageKey: 'https://a.org/', states: { mine: 'fuzzy', theirs: 'orphan' } },
      fromA,
    );
    expect(await database.anchorStates.toArray()).toEqual([
      { id: 'mine', pageKey: 'https://a.org/', kind: 'fuzzy', checked: expect.any(String) },
      { id: 'theirs', pageKey: 'https://b.org/', kind: 'exact', checked: 'x' },
    ]);
    expect((await database.annotations.get('theirs'))?.target.quote.exact).toBe('word');
  });

  it('a note frame granted one note may edit it, but not move its passage', async () => {
    await database.annotations.add(make('noted', 'https://a.org/'));
    const store: Record<string, unknown> = {};
    const withTickets = createBackgroundHandlers({
      database,
      runtimeId: ID,
      extensionOrigin: ORIGIN,
      notifyPage: () => undefined,
      tickets: createFrameTickets(
        {
          get: async (key) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
          set: async (items) => void Object.assign(store, structuredClone(items)),
        },
        () => 'ticket-handlers-0123456789abcdef',
      ),
    });
    const ticket = await withTickets.issueFrameTicket(
      { type: 'issueFrameTicket', id: 'noted', view: 'card', edit: true },
      fromA,
    );
    const frame = {
      id: ID,
      url: `${ORIGIN}note-editor.html`,
      tab: { id: 1 },
      frameId: 3,
    } as Browser.runtime.MessageSender;
    await withTickets.redeemFrameTicket({ type: 'redeemFrameTicket', ticket }, frame);
    const edited = await withTickets.updateAnnotation(
      { type: 'updateAnnotation', id: 'noted', changes: { note: 'from the card' } },
      frame,
    );
    expect(edited?.note).toBe('from the card');
    const target = { quote: { type: 'TextQuoteSelector', exact: 'somewhere else' } } as const;
    await expect(
      withTickets.updateAnnotation({ type: 'updateAnnotation', id: 'noted', changes: { target } }, frame),
    ).rejects.toThrow(/Not allowed/);
    expect((await database.annotations.get('noted'))?.target.quote.exact).toBe('word');
  });
});

describe('sync requests', () => {
  const calls: string[] = [];
  const status = { state: 'synced', waiting: 0 } as const;
  const withSync = () =>
    createBackgroundHandlers({
      database,
      runtimeId: ID,
      extensionOrigin: ORIGIN,
      notifyPage: () => undefined,
      sync: {
        turnOn: async (server) => {
          calls.push(`on ${server}`);
          return status;
        },
        turnOff: async () => {
          calls.push('off');
          return { state: 'off', waiting: 0 };
        },
        syncNow: async () => {
          calls.push('now');
          return status;
        },
        changed: () => calls.push('changed'),
      },
    });

  it('are taken from Gloss’s own pages only: no content script, page or note frame turns sync on or off', async () => {
    const sync = withSync();
    const frame = { id: ID, url: `${ORIGIN}note-editor.html`, tab: { id: 1, url: 'https://a.org/' } };
    for (const sender of [tabOn('https://a.org/'), frame as Browser.runtime.MessageSender]) {
      await expect(
        sync.syncTurnOn({ type: 'syncTurnOn', server: 'https://evil.example/', passphrase: 'x' }, sender),
      ).rejects.toThrow(/Not allowed/);
      await expect(sync.syncTurnOff({ type: 'syncTurnOff' }, sender)).rejects.toThrow(/Not allowed/);
      await expect(sync.syncNow({ type: 'syncNow' }, sender)).rejects.toThrow(/Not allowed/);
    }
    expect(calls).toEqual([]);
    await sync.syncTurnOn({ type: 'syncTurnOn', server: 'https://dav.example/', passphrase: 'x' }, page);
    await sync.syncTurnOff({ type: 'syncTurnOff' }, page);
    expect(calls).toEqual(['on https://dav.example/', 'off']);
  });
});
