/**
 * One-time tickets for Gloss's note frames.
 *
 * Trust boundary: `note-editor.html` must be web-accessible so that Gloss can frame it
 * inside pages, which means any page can frame it too, and a frame of the extension's
 * origin would otherwise act with extension-page rights. So a frame's rights come only
 * from a ticket: the content script asks for one for an annotation of its own page, hands
 * it to the frame it just created (by `postMessage` to that frame's window, never in its
 * URL, which the page can read from resource timing), and the frame redeems it once. The
 * redeeming frame (tab and frame id) is then granted that one annotation and nothing else.
 * A frame without a grant gets exactly the answers an unknown id gets.
 * Kept in `storage.session` so grants survive the MV3 service worker being stopped, and
 * that area is never exposed to content scripts. Shown by tests/background/frame-tickets.test.ts
 * and tests/e2e/hostile-page.e2e.ts.
 */

export type FrameView = 'card' | 'margin';

export interface Ticket {
  id: string;
  view: FrameView;
  edit: boolean;
  tabId: number;
  issued: number;
}

export interface Grant {
  id: string;
  view: FrameView;
  edit: boolean;
}

/** The part of `storage.session` (or a fake) the book needs. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

interface Book {
  tickets: Record<string, Ticket>;
  grants: Record<string, Grant>;
}

const KEY = 'frameTickets';
/** A ticket not redeemed by then was never delivered (the frame failed to load). */
const TICKET_LIFETIME = 60_000;
const MAX_GRANTS = 2000;

const frameKey = (tabId: number, frameId: number) => `${tabId}:${frameId}`;

export interface FrameTickets {
  issue(request: Omit<Ticket, 'issued'>): Promise<string>;
  /** The grant for this frame, or null when the ticket is unknown, used, stale or not for this tab. */
  redeem(ticket: string, tabId: number, frameId: number): Promise<Grant | null>;
  /** Whether the frame at (tabId, frameId) was granted `id`. */
  allows(tabId: number, frameId: number, id: string): Promise<boolean>;
  /** Forgets every grant of a closed tab. */
  closeTab(tabId: number): Promise<void>;
}

export function createFrameTickets(
  area: SessionArea,
  randomId: () => string,
  now: () => number = Date.now,
): FrameTickets {
  // Serialised: two redeems of one ticket racing must not both succeed.
  let queue: Promise<unknown> = Promise.resolve();
  const withBook = <T>(work: (book: Book) => { result: T; changed: boolean }): Promise<T> => {
    const run = queue.then(async () => {
      const stored = (await area.get(KEY))[KEY] as Book | undefined;
      const book: Book = { tickets: { ...stored?.tickets }, grants: { ...stored?.grants } };
      const { result, changed } = work(book);
      if (changed) await area.set({ [KEY]: book });
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const prune = (book: Book) => {
    const oldest = now() - TICKET_LIFETIME;
    for (const [key, ticket] of Object.entries(book.tickets))
      if (ticket.issued < oldest) delete book.tickets[key];
    const grants = Object.keys(book.grants);
    for (const key of grants.slice(0, Math.max(0, grants.length - MAX_GRANTS))) delete book.grants[key];
  };

  return {
    issue: (request) =>
      withBook((book) => {
        prune(book);
        const ticket = randomId();
        book.tickets[ticket] = { ...request, issued: now() };
        return { result: ticket, changed: true };
      }),
    redeem: (ticket, tabId, frameId) =>
      withBook((book) => {
        const found = Object.hasOwn(book.tickets, ticket) ? book.tickets[ticket] : undefined;
        if (!found) return { result: null, changed: false };
        delete book.tickets[ticket];
        const valid = found.tabId === tabId && found.issued >= now() - TICKET_LIFETIME;
        const grant: Grant = { id: found.id, view: found.view, edit: found.edit };
        const key = frameKey(tabId, frameId);
        delete book.grants[key]; // re-inserted last, so pruning drops the oldest first
        if (valid) book.grants[key] = grant;
        return { result: valid ? grant : null, changed: true };
      }),
    allows: (tabId, frameId, id) =>
      withBook((book) => {
        const key = frameKey(tabId, frameId);
        return { result: Object.hasOwn(book.grants, key) && book.grants[key]?.id === id, changed: false };
      }),
    closeTab: (tabId) =>
      withBook((book) => {
        for (const key of Object.keys(book.grants)) if (key.startsWith(`${tabId}:`)) delete book.grants[key];
        for (const [key, ticket] of Object.entries(book.tickets))
          if (ticket.tabId === tabId) delete book.tickets[key];
        return { result: undefined, changed: true };
      }),
  };
}
