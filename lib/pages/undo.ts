/**
 * Undo in the extension pages. Every change a view makes goes through `change`, which
 * sends it to the background and keeps its batch: the toast's Undo button and Ctrl+Z
 * (Cmd+Z) take back the latest one, then the one before. The records before each change
 * live in the database (lib/db/changes.ts), so closing the toast loses nothing but the button.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Edit } from '../db';
import { sendToBackground } from '../messaging';

export interface UndoToastState {
  message: string;
  tone: 'info' | 'error';
  canUndo: boolean;
}

interface Done {
  label: string;
  batch: string;
}

/** How many changes Ctrl+Z can walk back through. */
const DEPTH = 20;

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'));

export function useUndo() {
  const done = useRef<Done[]>([]);
  const [toast, setToast] = useState<UndoToastState>();

  /** `rethrow`: the caller shows the failure itself (an editor keeps its text on a conflict). */
  const change = useCallback(
    async (ids: string[] | undefined, edit: Edit, label: string, rethrow = false) => {
      try {
        const outcome = await sendToBackground({ type: 'editAnnotations', ids, edit });
        if (outcome.batch) {
          done.current = [...done.current.slice(-(DEPTH - 1)), { label, batch: outcome.batch }];
          setToast({ message: label, tone: 'info', canUndo: true });
        } else setToast({ message: 'Nothing to change.', tone: 'info', canUndo: false });
        return outcome.changed;
      } catch (error) {
        setToast({ message: (error as Error).message, tone: 'error', canUndo: false });
        if (rethrow) throw error;
        return 0;
      }
    },
    [],
  );

  const undo = useCallback(async () => {
    const last = done.current.pop();
    if (!last) {
      setToast({ message: 'Nothing to undo.', tone: 'info', canUndo: false });
      return;
    }
    try {
      const outcome = await sendToBackground({ type: 'undoChange', batch: last.batch });
      const kept = outcome.skipped
        ? ` ${outcome.skipped} changed again since ${outcome.skipped === 1 ? 'was' : 'were'} left as ${outcome.skipped === 1 ? 'it is' : 'they are'}.`
        : '';
      setToast({ message: `Undone: ${last.label}.${kept}`, tone: 'info', canUndo: done.current.length > 0 });
    } catch (error) {
      setToast({ message: `Could not undo: ${(error as Error).message}`, tone: 'error', canUndo: false });
    }
  }, []);

  useEffect(() => {
    // Ctrl+Z in a text field undoes typing, as everywhere else.
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      event.preventDefault();
      void undo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo]);

  return { change, undo, toast, dismiss: () => setToast(undefined) };
}
