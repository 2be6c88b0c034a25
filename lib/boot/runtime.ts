/**
 * The boot script's whole use of the extension APIs: two requests to the background and
 * two settings. It runs on every page, so it reaches the native promise-based `browser`
 * (Chromium and Firefox both have one; `chrome` in Chromium returns promises too) instead
 * of `wxt/browser`, whose webextension-polyfill would add 10 KB to every page and does
 * nothing in either browser; it sends without the full transport (lib/messaging/transport.ts),
 * which carries valibot and the polyfill, yet with its answer and retry rules
 * (lib/messaging/answer.ts); and it reads two storage keys instead of loading WXT's
 * storage module. The annotator, injected only on demand, keeps using all three.
 */
import { sendWithRetry, type Wait } from '../messaging/answer';
import type { BackgroundRequest, ResponseTo } from '../messaging/protocol';
import { isSiteOff } from '../settings/sites';
import type { SiteSwitch } from './boot';

/** What the boot script needs of `browser` (or `chrome`), so tests can hand in their own. */
export interface BootApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: BootListener): void;
      removeListener(listener: BootListener): void;
    };
  };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged?: {
      addListener(listener: StorageListener): void;
      removeListener(listener: StorageListener): void;
    };
  };
}

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

export type BootListener = (
  message: unknown,
  sender: { id?: string },
  respond: (answer: unknown) => void,
) => boolean;

/** The native extension API of this content script's world. */
export function nativeApi(): BootApi {
  const world = globalThis as { browser?: BootApi; chrome?: BootApi };
  const api = world.browser?.runtime?.id ? world.browser : world.chrome;
  if (!api) throw new Error('Gloss: no extension API in this world');
  return api;
}

type BootMessage = Extract<BackgroundRequest, { type: 'countPageAnnotations' | 'loadAnnotator' }>;

/** Sends as lib/messaging's `sendToBackground` does: same answers, same errors, same retries. */
export function sendFromBoot<M extends BootMessage>(
  api: BootApi,
  message: M,
  pause?: Wait,
): Promise<ResponseTo<M>> {
  return sendWithRetry(() => api.runtime.sendMessage(message), pause);
}

/**
 * The `highlightsVisible` setting of lib/settings. WXT storage keeps item
 * 'local:highlightsVisible' under the key 'highlightsVisible' of `storage.local` (its
 * version under 'highlightsVisible$'), and an unset item reads as its fallback, true.
 * tests/boot/runtime.test.ts writes through the WXT item and reads through this.
 */
export async function readHighlightsVisible(api: BootApi): Promise<boolean> {
  const stored = await api.storage.local.get('highlightsVisible');
  return stored.highlightsVisible !== false;
}

/**
 * Whether `site` is in the `disabledSites` setting of lib/settings (key 'disabledSites' of
 * `storage.local`, unset meaning none), read now and followed until `signal` ends.
 * tests/boot/runtime.test.ts writes through the WXT item and reads through this.
 */
export function siteSwitch(api: BootApi, site: string, signal: AbortSignal): SiteSwitch {
  return {
    isOff: async () => isSiteOff((await api.storage.local.get('disabledSites')).disabledSites, site),
    onChange: (listener) => {
      const changed: StorageListener = (changes, area) => {
        const change = area === 'local' ? changes.disabledSites : undefined;
        if (change) listener(isSiteOff(change.newValue, site));
      };
      api.storage.onChanged?.addListener(changed);
      signal.addEventListener('abort', () => api.storage.onChanged?.removeListener(changed));
    },
  };
}

interface Answerer<R> {
  claim(raw: unknown): R | null;
  answer(request: R): Promise<unknown>;
}

/**
 * Answers the requests `boot` claims, from this extension only, until `signal` ends. Answers
 * go through `respond` and `return true`: Chromium's native `browser` ignores a returned
 * Promise (see lib/messaging/transport.ts).
 */
export function answerRequests<R>(api: BootApi, boot: Answerer<R>, signal: AbortSignal): void {
  const listener: BootListener = (message, sender, respond) => {
    const request = sender.id === api.runtime.id ? boot.claim(message) : null;
    if (!request) return false;
    boot.answer(request).then(
      (value) => respond({ ok: true, value }),
      (error: unknown) => respond({ ok: false, error: String(error) }),
    );
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(listener));
}
