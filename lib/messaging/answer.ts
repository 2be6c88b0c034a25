/**
 * Reading an answer, and sending again when the channel dropped it. Kept apart from the
 * transport and free of imports (no valibot, no polyfill) so that the boot script, which
 * runs on every page and sends without the transport (lib/boot/runtime.ts), reads answers
 * and retries exactly as every other sender does.
 */
import type { Result } from './protocol';

export function unwrap<T>(result: unknown): T {
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

export type Wait = (ms: number) => Promise<void>;

export const wait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `send` until it gives an answer or fails for good, and returns the answer's value. */
export async function sendWithRetry<T>(send: () => Promise<unknown>, pause: Wait = wait): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return unwrap<T>(await send());
    } catch (error) {
      const delay = RETRY_DELAYS[attempt];
      if (delay === undefined || !isTransientFailure(error)) throw error;
      await pause(delay);
    }
  }
}
