/**
 * What the background does for each request: the database writes, with the sender check
 * that confines a content script to its own page, and a notice to every tab showing the
 * page afterwards so that its highlights follow edits made anywhere.
 */
import type { Browser } from 'wxt/browser';
import type { GlossDatabase } from '../db';
import * as db from '../db';
import {
  type BackgroundRequest,
  classifySender,
  EDIT_CONFLICT,
  type Handlers,
  mayTouchPage,
  type SenderInfo,
} from '../messaging';
import type { SyncStatus } from '../sync/status';
import type { Annotation } from '../types';
import type { FrameTickets } from './frame-tickets';

export interface BackgroundDeps {
  database: GlossDatabase;
  runtimeId: string;
  extensionOrigin: string;
  notifyPage: (pageKey: string) => void;
  /** Many pages at once (after an import); defaults to one notifyPage per key. */
  notifyPages?: (pageKeys: string[]) => void;
  /** Injects the full annotator into one frame of a tab (the boot script asks for it). */
  injectAnnotator?: (tabId: number, frameId: number) => Promise<void>;
  /** Tickets and grants of note frames; without it no frame is ever granted anything. */
  tickets?: FrameTickets;
  /** Sync's controls (lib/background/sync.ts); without them the sync requests are refused. */
  sync?: SyncControls;
}

export interface SyncControls {
  turnOn(server: string, passphrase: string): Promise<SyncStatus>;
  turnOff(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  /** Something wrote to the database outside the background (an import): send it soon. */
  changed(): void;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundRequest> {
  const { database, notifyPage } = deps;
  const notifyPages = deps.notifyPages ?? ((keys: string[]) => keys.forEach(notifyPage));
  const sender = (info: Browser.runtime.MessageSender) =>
    classifySender(info as SenderInfo, deps.runtimeId, deps.extensionOrigin);
  const notAllowed = () => new Error('Not allowed: this page may not change that annotation.');
  const requirePage = (info: Browser.runtime.MessageSender, key: string) => {
    if (!mayTouchPage(sender(info), key)) throw notAllowed();
  };
  const requireExtensionPage = (info: Browser.runtime.MessageSender) => {
    if (sender(info).kind !== 'extension-page') throw notAllowed();
  };
  const requireSync = () => {
    if (!deps.sync) throw new Error('Sync is not available here.');
    return deps.sync;
  };
  const existing = async (
    info: Browser.runtime.MessageSender,
    id: string,
  ): Promise<Annotation | undefined> => {
    const from = sender(info);
    // A note frame without a grant for this id learns nothing: the answer is the one an
    // unknown id gets, so a page that frames Gloss cannot even tell real ids from made-up ones.
    if (from.kind === 'note-frame') {
      if (!(await deps.tickets?.allows(from.tabId, from.frameId, id))) return undefined;
      return db.getAnnotation(database, id);
    }
    const current = await db.getAnnotation(database, id);
    if (current) requirePage(info, current.pageKey);
    return current;
  };

  return {
    getPageAnnotations: async ({ pageKey }, info) => {
      requirePage(info, pageKey);
      return db.listPage(database, pageKey);
    },
    getAnnotation: async ({ id }, info) => (await existing(info, id)) ?? null,
    loadAnnotator: async (_message, info) => {
      const from = sender(info);
      if (from.kind !== 'content-script' || !deps.injectAnnotator)
        throw new Error('Only a page can load the annotator.');
      await deps.injectAnnotator(from.tabId, info.frameId ?? 0);
      return true;
    },
    reportAnchoring: async ({ pageKey, states }, info) => {
      requirePage(info, pageKey);
      await db.recordAnchorStates(database, pageKey, states);
      return true;
    },
    countPageAnnotations: async ({ pageKey }, info) => {
      requirePage(info, pageKey);
      return db.countPage(database, pageKey);
    },
    createAnnotation: async ({ annotation }, info) => {
      requirePage(info, annotation.pageKey);
      const saved = await db.createAnnotation(database, annotation);
      notifyPage(saved.pageKey);
      return saved;
    },
    updateAnnotation: async ({ id, changes, expectedNote }, info) => {
      const checked = await existing(info, id);
      if (!checked) return null;
      const saved = await db.updateAnnotation(database, id, changes, (current) => {
        // Checked again where it is written: a restore or an import may have replaced the
        // record (with another page's) since it was read.
        if (current.pageKey !== checked.pageKey) throw notAllowed();
        // Where the passage is may be changed only by a sender allowed on its page,
        // whatever else let it edit the note.
        if (changes.target) requirePage(info, current.pageKey);
        // Two views editing one note: the later save must not silently drop the earlier one.
        if (
          expectedNote !== undefined &&
          changes.note !== undefined &&
          current.note !== expectedNote &&
          current.note !== changes.note
        )
          throw new Error(EDIT_CONFLICT);
      });
      if (saved) notifyPage(saved.pageKey);
      return saved ?? null;
    },
    deleteAnnotation: async ({ id }, info) => {
      if (!(await existing(info, id))) return null;
      const removed = await db.deleteAnnotation(database, id);
      if (removed) notifyPage(removed.pageKey);
      return removed ?? null;
    },
    restoreAnnotation: async ({ annotation }, info) => {
      requirePage(info, annotation.pageKey);
      // The incoming record names a page the sender may touch, but the id may already be
      // taken by a record of another page: the sender must be allowed on that page too,
      // and a content script never moves a record from one page to another.
      const from = sender(info);
      await db.restoreAnnotation(database, annotation, (stored) => {
        if (!stored) return;
        requirePage(info, stored.pageKey);
        if (from.kind !== 'extension-page' && stored.pageKey !== annotation.pageKey) throw notAllowed();
      });
      notifyPage(annotation.pageKey);
      return annotation;
    },
    issueFrameTicket: async ({ id, view, edit }, info) => {
      const from = sender(info);
      const current = await db.getAnnotation(database, id);
      if (from.kind !== 'content-script' || !current || !deps.tickets || !mayTouchPage(from, current.pageKey))
        throw new Error('Not allowed: this page may not open that note.');
      return deps.tickets.issue({ id, view, edit, tabId: from.tabId });
    },
    redeemFrameTicket: async ({ ticket }, info) => {
      const from = sender(info);
      if (from.kind !== 'note-frame' || !deps.tickets) return null;
      return deps.tickets.redeem(ticket, from.tabId, from.frameId);
    },
    editAnnotations: async ({ ids, edit }, info) => {
      requireExtensionPage(info);
      const targets = ids ?? (edit.kind === 'renameTag' ? await db.idsForTag(database, edit.from) : []);
      const outcome = await db.changeAnnotations(database, targets, edit, {
        guard: (current) => {
          if (edit.kind !== 'update' || edit.expectedNote === undefined) return;
          const note = edit.changes.note;
          if (note !== undefined && current.note !== edit.expectedNote && current.note !== note)
            throw new Error(EDIT_CONFLICT);
        },
      });
      notifyPages(outcome.pageKeys);
      return { changed: outcome.changed, batch: outcome.batch };
    },
    undoChange: async ({ batch }, info) => {
      requireExtensionPage(info);
      const outcome = await db.revertChange(database, batch);
      notifyPages(outcome.pageKeys);
      return { reverted: outcome.reverted, skipped: outcome.skipped };
    },
    listTags: async ({ id }, info) => {
      const from = sender(info);
      const allowed =
        from.kind === 'extension-page' ||
        (from.kind === 'note-frame' &&
          id !== undefined &&
          (await deps.tickets?.allows(from.tabId, from.frameId, id)));
      if (!allowed) return [];
      return db.tagCounts(database);
    },
    // Only Gloss's own pages write to the database directly (an import), so only they announce it.
    notifyPagesChanged: ({ pageKeys }, info) => {
      if (sender(info).kind !== 'extension-page')
        throw new Error('Not allowed: only Gloss pages may announce changes.');
      notifyPages(pageKeys);
      deps.sync?.changed();
      return true;
    },
    // Sync is the reader's decision, taken on the options page: no page, frame or content script reaches it.
    syncTurnOn: async ({ server, passphrase }, info) => {
      requireExtensionPage(info);
      return requireSync().turnOn(server, passphrase);
    },
    syncTurnOff: async (_request, info) => {
      requireExtensionPage(info);
      return requireSync().turnOff();
    },
    syncNow: async (_request, info) => {
      requireExtensionPage(info);
      return requireSync().syncNow();
    },
  };
}
