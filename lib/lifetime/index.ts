/**
 * How long Gloss's content scripts live: until the extension itself goes away (reloaded,
 * updated or removed), and not a moment sooner.
 *
 * Trust boundary: WXT's own context ends a content script when it sees a "script started"
 * event, which a page can replay to switch Gloss off. Gloss ignores that context and ends
 * only when its runtime really is gone: `runtime.id` turns undefined in an orphaned
 * content script, which no page script can cause. Shown by tests/lifetime/lifetime.test.ts
 * and tests/e2e/hostile-page.e2e.ts.
 */

const CHECK_EVERY = 5000;

/** A signal that aborts once `alive()` answers false (or throws), checked every few seconds. */
export function extensionLifetime(win: Window, alive: () => boolean, every = CHECK_EVERY): AbortSignal {
  const controller = new AbortController();
  const check = () => {
    let ok = false;
    try {
      ok = alive();
    } catch {
      ok = false;
    }
    if (!ok) {
      win.clearInterval(timer);
      controller.abort();
    }
  };
  const timer = win.setInterval(check, every);
  return controller.signal;
}
