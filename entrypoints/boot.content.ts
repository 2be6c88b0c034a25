import { Boot } from '@/lib/boot/boot';
import { extensionLifetime } from '@/lib/lifetime';
import { sendToBackground } from '@/lib/messaging';
import { isAnnotatablePage } from '@/lib/page-key';
import { highlightsVisible } from '@/lib/settings';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // The page could replay WXT's "script started" message; Gloss posts nothing to the page.
  noScriptStartedPostMessage: true,
  async main() {
    if (!isAnnotatablePage(location.href) || !document.body) return;
    // Not WXT's ctx.signal: a page can end that one (see lib/lifetime).
    const signal = extensionLifetime(window, () => browser.runtime?.id !== undefined);
    const boot = new Boot({
      doc: document,
      win: window,
      count: (pageKey) => sendToBackground({ type: 'countPageAnnotations', pageKey }),
      inject: () => sendToBackground({ type: 'loadAnnotator' }),
      highlightsVisible: () => highlightsVisible.getValue(),
      signal,
    });
    const listener = (message: unknown, sender: { id?: string }, respond: (answer: unknown) => void) => {
      const request = sender.id === browser.runtime.id ? boot.claim(message) : null;
      if (!request) return false;
      boot.answer(request).then(
        (value) => respond({ ok: true, value }),
        (error: unknown) => respond({ ok: false, error: String(error) }),
      );
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
    // The failure is in the page state (BOOT_PROBLEM); the next gesture or notice retries.
    await boot.start().catch(() => undefined);
  },
});
