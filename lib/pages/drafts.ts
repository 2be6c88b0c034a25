/**
 * Notes being typed, kept outside the editor so that nothing typed is lost: not to Escape,
 * not to a failed save, not to a closed card or a stopped service worker. They live in the
 * extension's own storage (page scripts cannot read it) until the note is saved or the
 * reader discards them.
 */
import { browser } from 'wxt/browser';

export interface Draft {
  note: string;
  tags: string;
  /** The stored note the draft started from, to tell an edit made elsewhere meanwhile. */
  baseNote: string;
}

export interface DraftStore {
  load(id: string): Promise<Draft | undefined>;
  save(id: string, draft: Draft): void;
  clear(id: string): void;
}

interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyOf = (id: string) => `draft:${id}`;

function isDraft(value: unknown): value is Draft {
  const draft = value as Draft | undefined;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.note === 'string' &&
    typeof draft.tags === 'string' &&
    typeof draft.baseNote === 'string'
  );
}

/** The store of this extension page (the frame, side panel, library and popup each have one). */
export function createDraftStore(area: Area = browser.storage.local): DraftStore {
  // Writes for one id are chained so that a clear after the last keystroke wins.
  const chains = new Map<string, Promise<unknown>>();
  const chain = (id: string, work: () => Promise<unknown>) => {
    const next = (chains.get(id) ?? Promise.resolve()).then(work).catch(() => undefined);
    chains.set(id, next);
  };
  return {
    load: async (id) => {
      await chains.get(id);
      const value = (await area.get(keyOf(id)))[keyOf(id)];
      return isDraft(value) ? value : undefined;
    },
    save: (id, draft) => chain(id, () => area.set({ [keyOf(id)]: draft })),
    clear: (id) => chain(id, () => area.remove(keyOf(id))),
  };
}

/** One store per extension page; drafts themselves are shared through storage. */
export const drafts: DraftStore = createDraftStore();
