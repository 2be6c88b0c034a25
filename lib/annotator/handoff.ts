/**
 * The meeting point of the two content scripts. The small boot script runs on every page;
 * the full annotator is injected only when a page has annotations or the reader starts
 * one. Both run in the extension's isolated world of the same frame, so a slot on that
 * world's global (invisible to page scripts) lets the boot script hand over the reader's
 * first gesture once the annotator is ready.
 */

export type PageAction = 'highlight' | 'note';

export interface AnnotatorHandle {
  /** Acts on `range` (the selection when the reader asked), or on the current selection. */
  run(action: PageAction, range?: Range): Promise<void>;
  /** The reader just finished a selection gesture: show the toolbar if it applies. */
  selectionGesture(): void;
}

interface Slot {
  handle?: AnnotatorHandle;
  waiters: ((handle: AnnotatorHandle) => void)[];
}

const KEY = Symbol.for('gloss.annotator');

function slot(): Slot {
  const world = globalThis as unknown as Record<symbol, Slot | undefined>;
  world[KEY] ??= { waiters: [] };
  return world[KEY];
}

export function publishAnnotator(handle: AnnotatorHandle): void {
  const current = slot();
  current.handle = handle;
  for (const resolve of current.waiters.splice(0)) resolve(handle);
}

/** The annotator left the page (Gloss was turned off for the site): the boot script answers again. */
export function withdrawAnnotator(handle: AnnotatorHandle): void {
  const current = slot();
  if (current.handle === handle) current.handle = undefined;
}

export function annotatorReady(): Promise<AnnotatorHandle> {
  const current = slot();
  return current.handle
    ? Promise.resolve(current.handle)
    : new Promise((resolve) => current.waiters.push(resolve));
}

export function annotatorLoaded(): boolean {
  return slot().handle !== undefined;
}
