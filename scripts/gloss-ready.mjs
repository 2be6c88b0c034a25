// Gloss gives a page no sign of itself (no timing marks, no messages), so scripts and
// tests that drive it ask through the extension's service worker, as the popup would:
// the content script of the tab answers `getPageState` once it is listening.

/** Resolves once Gloss's content script in `page` answers; rejects after `timeout` ms. */
export async function waitForGloss(context, page, timeout = 15_000) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await worker
      .evaluate(async (url) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url === url);
        if (!tab?.id) return false;
        return chrome.tabs.sendMessage(tab.id, { type: 'getPageState' }).then(
          (answer) => !!answer,
          () => false,
        );
      }, page.url())
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`Gloss did not start in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Installs, before any page script, an observer that notes when `count` highlights are
 * first drawn (performance.now()); read it with `page.evaluate(() => window.__drawnAt)`.
 * For the benchmark only, on its own pages.
 */
export function recordFirstDraw(context, count) {
  return context.addInitScript((wanted) => {
    const check = () => {
      const ids = new Set(
        [...document.querySelectorAll('mark[data-annotation-id]')].map((e) => e.dataset.annotationId),
      );
      if (ids.size >= wanted && window.__drawnAt === undefined) window.__drawnAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true });
  }, count);
}
