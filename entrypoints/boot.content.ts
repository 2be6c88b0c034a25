import { Boot } from '@/lib/boot/boot';
import { sendToBackground } from '@/lib/messaging';
import { isAnnotatablePage } from '@/lib/page-key';
import { highlightsVisible } from '@/lib/settings';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    if (!isAnnotatablePage(location.href) || !document.body) return;
    const boot = new Boot({
      doc: document,
      win: window,
      count: (pageKey) => sendToBackground({ type: 'countPageAnnotations', pageKey }),
      inject: () => sendToBackground({ type: 'loadAnnotator' }),
      highlightsVisible: () => highlightsVisible.getValue(),
      signal: ctx.signal,
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
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    // A timing mark only (no content): lets tests and the bench see that Gloss is present.
    performance.mark('gloss:boot');
    await boot.start();
  },
});
