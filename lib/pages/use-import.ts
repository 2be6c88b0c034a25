/**
 * The library's import, wired to the real database, the parsing worker and the background:
 * what the ImportPanel shows and the one function that starts an import.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { getDatabase } from '../db';
import { sendToBackground } from '../messaging';
import { type ImportState, importFile, isBusy } from './import-file';
import { parseImportOffThread } from './parse-off-thread';

export function useImport(): { state: ImportState; start: (files: readonly File[]) => void } {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  // A ref, not the state: two drops in quick succession must not start two imports.
  const running = useRef(false);
  const start = useCallback((files: readonly File[]) => {
    if (running.current) return;
    const [file] = files;
    if (!file) return;
    if (files.length > 1) {
      setState({ kind: 'failed', message: 'Import one file at a time. Nothing was imported.' });
      return;
    }
    running.current = true;
    void importFile(file, {
      db: getDatabase(),
      parse: parseImportOffThread,
      notify: (pageKeys) => sendToBackground({ type: 'notifyPagesChanged', pageKeys }),
      onState: setState,
    }).finally(() => {
      running.current = false;
    });
  }, []);
  return { state, start };
}

export { isBusy };
