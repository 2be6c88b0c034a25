import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createFrameTickets, type SessionArea } from '@/lib/background/frame-tickets';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { GlossDatabase } from '@/lib/db';
import type { Annotation } from '@/lib/types';

const ID = 'gloss';
const ORIGIN = 'chrome-extension://gloss/';
const contentScript = (url: string, tabId = 1) =>
  ({ id: ID, url, tab: { id: tabId, url }, frameId: 0 }) as Browser.runtime.MessageSender;
const noteFrame = (tabId: number, frameId: number, query = '') =>
  ({
    id: ID,
    url: `${ORIGIN}note-editor.html${query}`,
    tab: { id: tabId },
    frameId,
  }) as Browser.runtime.MessageSender;

function memoryArea(): SessionArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

const make = (id: string, pageKey: string): Annotation => ({
  id,
  pageKey,
  url: pageKey,
  title: 'A',
  target: { quote: { type: 'TextQuoteSelector', exact: 'word' } },
  note: 'secret thought',
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
});

let counter = 0;
let database: GlossDatabase;
let handlers: ReturnType<typeof createBackgroundHandlers>;

beforeEach(async () => {
  database = new GlossDatabase(`tickets-${Math.random()}`);
  await database.annotations.bulkAdd([make('a', 'https://a.org/'), make('b', 'https://b.org/')]);
  handlers = createBackgroundHandlers({
    database,
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    notifyPage: () => undefined,
    tickets: createFrameTickets(memoryArea(), () => `ticket-${++counter}-0123456789abcdef`),
  });
});

const issue = (id: string, from = contentScript('https://a.org/')) =>
  handlers.issueFrameTicket({ type: 'issueFrameTicket', id, view: 'card', edit: false }, from);

describe('note frame tickets', () => {
  it('a frame with no ticket gets the answers of an unknown id, for real and made-up ids alike', async () => {
    const framed = noteFrame(1, 9, '?id=a&view=card');
    const ask = async (id: string) => [
      await handlers.getAnnotation({ type: 'getAnnotation', id }, framed),
      await handlers.updateAnnotation({ type: 'updateAnnotation', id, changes: { note: 'x' } }, framed),
      await handlers.deleteAnnotation({ type: 'deleteAnnotation', id }, framed),
    ];
    expect(await ask('a')).toEqual(await ask('made-up'));
    expect(await ask('a')).toEqual([null, null, null]);
    expect((await database.annotations.get('a'))?.note).toBe('secret thought');
  });

  it('grants the one frame that redeems the ticket first, for that annotation only', async () => {
    const ticket = await issue('a');
    const frame = noteFrame(1, 5);
    expect(await handlers.redeemFrameTicket({ type: 'redeemFrameTicket', ticket }, frame)).toEqual({
      id: 'a',
      view: 'card',
      edit: false,
    });
    expect((await handlers.getAnnotation({ type: 'getAnnotation', id: 'a' }, frame))?.note).toBe(
      'secret thought',
    );
    // Not another annotation, not another frame of the tab, not a second redeem.
    expect(await handlers.getAnnotation({ type: 'getAnnotation', id: 'b' }, frame)).toBeNull();
    expect(await handlers.getAnnotation({ type: 'getAnnotation', id: 'a' }, noteFrame(1, 6))).toBeNull();
    expect(
      await handlers.redeemFrameTicket({ type: 'redeemFrameTicket', ticket }, noteFrame(1, 6)),
    ).toBeNull();
    const saved = await handlers.updateAnnotation(
      { type: 'updateAnnotation', id: 'a', changes: { note: 'new' } },
      frame,
    );
    expect(saved?.note).toBe('new');
  });

  it('a ticket is good only in the tab it was issued for', async () => {
    const ticket = await issue('a');
    expect(
      await handlers.redeemFrameTicket({ type: 'redeemFrameTicket', ticket }, noteFrame(2, 5)),
    ).toBeNull();
    // Spent by the wrong tab's attempt: the right tab cannot use it afterwards either.
    expect(
      await handlers.redeemFrameTicket({ type: 'redeemFrameTicket', ticket }, noteFrame(1, 5)),
    ).toBeNull();
  });

  it('a content script gets tickets only for annotations of its own page', async () => {
    await expect(issue('b')).rejects.toThrow(/Not allowed/);
    await expect(issue('missing')).rejects.toThrow(/Not allowed/);
    const page = { id: ID, url: `${ORIGIN}library.html` } as Browser.runtime.MessageSender;
    await expect(issue('a', page)).rejects.toThrow(/Not allowed/);
  });

  it('only a note frame can redeem, and a note frame cannot write other records', async () => {
    const ticket = await issue('a');
    expect(
      await handlers.redeemFrameTicket(
        { type: 'redeemFrameTicket', ticket },
        contentScript('https://a.org/'),
      ),
    ).toBeNull();
    const frame = noteFrame(1, 5);
    await expect(
      handlers.createAnnotation({ type: 'createAnnotation', annotation: make('c', 'https://a.org/') }, frame),
    ).rejects.toThrow(/Not allowed/);
    await expect(
      handlers.restoreAnnotation(
        { type: 'restoreAnnotation', annotation: make('b', 'https://b.org/') },
        frame,
      ),
    ).rejects.toThrow(/Not allowed/);
  });

  it('grants survive a new book over the same session storage (a restarted service worker)', async () => {
    const area = memoryArea();
    const first = createFrameTickets(area, () => 'ticket-restart-0123456789abcdef');
    const ticket = await first.issue({ id: 'a', view: 'margin', edit: false, tabId: 4 });
    const second = createFrameTickets(area, () => 'unused');
    expect(await second.redeem(ticket, 4, 2)).toEqual({ id: 'a', view: 'margin', edit: false });
    expect(await createFrameTickets(area, () => 'x').allows(4, 2, 'a')).toBe(true);
  });

  it('a ticket left unredeemed for a minute expires', async () => {
    let now = 1_000_000;
    const book = createFrameTickets(
      memoryArea(),
      () => 'ticket-old-0123456789abcdef',
      () => now,
    );
    const ticket = await book.issue({ id: 'a', view: 'card', edit: false, tabId: 1 });
    now += 61_000;
    expect(await book.redeem(ticket, 1, 3)).toBeNull();
  });
});
