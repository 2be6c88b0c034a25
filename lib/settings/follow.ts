/** Following one setting: its stored value now, then every change, until stopped. */

/** What following needs of a WXT storage item (`storage.defineItem`), so tests can hand in their own. */
export interface Followable<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * Calls `apply` with the stored value, then with each new one. A change seen before the
 * first read answers wins over that read, which may predate it. `ready` settles once the
 * stored value (or a newer one) was applied, or the read failed (the caller's fallback stands).
 */
export function track<T>(
  item: Followable<T>,
  apply: (value: T) => void,
): { stop(): void; ready: Promise<void> } {
  let changed = false;
  let live = true;
  const unwatch = item.watch((value) => {
    changed = true;
    if (live) apply(value);
  });
  const ready = item.getValue().then(
    (value) => {
      if (live && !changed) apply(value);
    },
    () => undefined,
  );
  return {
    ready,
    stop: () => {
      live = false;
      unwatch();
    },
  };
}

/** `track` without the wait: returns the unwatch. */
export function follow<T>(item: Followable<T>, apply: (value: T) => void): () => void {
  return track(item, apply).stop;
}
