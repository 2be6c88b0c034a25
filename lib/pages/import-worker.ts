/**
 * A worker that runs parseImport away from the page's main thread: checking 50,000 entries
 * takes most of a second, and the library should keep painting its progress meanwhile.
 */
import { parseImport } from '../export';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.postMessage(
    typeof event.data === 'string' ? parseImport(event.data) : { ok: false, error: 'Nothing to read.' },
  );
};
