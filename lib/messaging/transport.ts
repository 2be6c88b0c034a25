/**
 * Sending and receiving over the WebExtension runtime. Listeners answer through
 * `sendResponse` and `return true`: Chromium's native `browser` ignores a returned Promise,
 * which would leave the sender with `undefined`.
 */
import * as v from 'valibot';
import { type Browser, browser } from 'wxt/browser';
import { isTransientFailure, sendWithRetry, unwrap, type Wait, wait } from './answer';
import type { BackgroundRequest, GlossMessage, ResponseTo, Result, TabRequest } from './protocol';

export { isTransientFailure };

export async function sendToBackground<M extends BackgroundRequest>(
  message: M,
  pause: Wait = wait,
): Promise<ResponseTo<M>> {
  return sendWithRetry(() => browser.runtime.sendMessage(message), pause);
}

export async function sendToTab<M extends TabRequest>(tabId: number, message: M): Promise<ResponseTo<M>> {
  return unwrap<ResponseTo<M>>(await browser.tabs.sendMessage(tabId, message));
}

export type Handler<M extends GlossMessage> = (
  message: M,
  sender: Browser.runtime.MessageSender,
) => Promise<ResponseTo<M>> | ResponseTo<M>;

export type Handlers<M extends GlossMessage> = { [K in M['type']]: Handler<Extract<M, { type: K }>> };

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError' || /quota/i.test(error.message)) {
      return 'Your disk is full, so Gloss could not save. Nothing stored was lost; free some space and try again.';
    }
    return error.message;
  }
  return String(error);
}

/**
 * Registers one listener that validates every message with `schema`, asks `accept` about the
 * sender, and dispatches to the handler for its type. Returns a function that removes it.
 */
export function listen<M extends GlossMessage>(
  schema: v.GenericSchema<unknown, M>,
  handlers: Handlers<M>,
  accept: (sender: Browser.runtime.MessageSender) => boolean,
): () => void {
  const listener = (
    raw: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (r: unknown) => void,
  ) => {
    const parsed = v.safeParse(schema, raw);
    if (!parsed.success || !accept(sender)) return false;
    const message = parsed.output;
    const handler = handlers[message.type as M['type']] as Handler<M>;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(
        (value) => sendResponse({ ok: true, value } satisfies Result<unknown>),
        (error: unknown) =>
          sendResponse({ ok: false, error: describeError(error) } satisfies Result<unknown>),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
