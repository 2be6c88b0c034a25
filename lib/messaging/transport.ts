/**
 * Sending and receiving over the WebExtension runtime. Listeners answer through
 * `sendResponse` and `return true`: Chromium's native `browser` ignores a returned Promise,
 * which would leave the sender with `undefined`.
 */
import * as v from 'valibot';
import { type Browser, browser } from 'wxt/browser';
import type { BackgroundRequest, GlossMessage, ResponseTo, Result, TabRequest } from './protocol';

function unwrap<T>(result: unknown): T {
  const answer = result as Result<T> | undefined;
  if (!answer || typeof answer !== 'object')
    throw new Error('Gloss did not answer. Reload the page and try again.');
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/**
 * Failures of the channel, not answers: MV3 stops an idle service worker, and one stopped
 * while it handles a request leaves the sender with a closed port and no answer. The
 * request is still in the sender's hands, so it is sent again (every write is idempotent
 * by id; see lib/background/handlers.ts). An extension that was reloaded never comes back.
 */
const TRANSIENT =
  /message (port|channel) closed|receiving end does not exist|could not establish connection|did not answer/i;
const RETRY_DELAYS = [100, 250, 500, 1000, 2000, 4000, 8000];

export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof Error && TRANSIENT.test(error.message) && !/context invalidated/i.test(error.message)
  );
}

export async function sendToBackground<M extends BackgroundRequest>(
  message: M,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ResponseTo<M>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return unwrap<ResponseTo<M>>(await browser.runtime.sendMessage(message));
    } catch (error) {
      const delay = RETRY_DELAYS[attempt];
      if (delay === undefined || !isTransientFailure(error)) throw error;
      await wait(delay);
    }
  }
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
