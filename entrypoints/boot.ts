import { Boot } from '@/lib/boot/boot';
import {
  answerRequests,
  nativeApi,
  readHighlightsVisible,
  sendFromBoot,
  siteSwitch,
} from '@/lib/boot/runtime';
import { extensionLifetime } from '@/lib/lifetime';
import { isAnnotatablePage } from '@/lib/page-key';
import { siteOf } from '@/lib/settings/sites';

// The script on every page (listed in the manifest by wxt.config.ts). An unlisted script,
// not a WXT content script: WXT's content-script wrapper brings its context (which Gloss
// ignores, see lib/lifetime) and, through it, the webextension polyfill. For the same
// reason it uses the native API (lib/boot/runtime.ts), not the auto-imported `browser`.
export default defineUnlistedScript(async () => {
  if (!isAnnotatablePage(location.href) || !document.body) return;
  const api = nativeApi();
  const signal = extensionLifetime(window, () => api.runtime?.id !== undefined);
  const boot = new Boot({
    doc: document,
    win: window,
    count: (pageKey) => sendFromBoot(api, { type: 'countPageAnnotations', pageKey }),
    inject: () => sendFromBoot(api, { type: 'loadAnnotator' }),
    highlightsVisible: () => readHighlightsVisible(api),
    site: siteSwitch(api, siteOf(location.href), signal),
    signal,
  });
  answerRequests(api, boot, signal);
  // The failure is in the page state (BOOT_PROBLEM); the next gesture or notice retries.
  await boot.start().catch(() => undefined);
});
