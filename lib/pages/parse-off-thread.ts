/**
 * parseImport in a worker when the page can start one, on the main thread otherwise (unit
 * tests, or a browser that refuses the worker): the result is the same either way.
 */
import { type ImportResult, parseImport } from '../export';
import ImportWorker from './import-worker?worker';

export function parseImportOffThread(text: string): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(parseImport(text));
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new ImportWorker();
    } catch {
      resolve(parseImport(text));
      return;
    }
    worker.onmessage = (event: MessageEvent<ImportResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(parseImport(text));
    };
    worker.postMessage(text);
  });
}
