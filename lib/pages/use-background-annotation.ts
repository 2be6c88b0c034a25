/**
 * One annotation, read through the background and re-read whenever it announces a change.
 * Frames embedded in web pages use this instead of Dexie: there the extension origin is a
 * third party, and Chromium may refuse or partition its IndexedDB.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../messaging';
import type { Annotation } from '../types';

const ChangedSchema = v.object({ type: v.literal('annotationsChanged') });

export function useBackgroundAnnotation(id: string): Annotation | null | undefined {
  const [annotation, setAnnotation] = useState<Annotation | null>();
  useEffect(() => {
    const load = () =>
      void sendToBackground({ type: 'getAnnotation', id })
        .then(setAnnotation)
        .catch(() => setAnnotation(null));
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && v.is(ChangedSchema, message)) load();
    };
    load();
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [id]);
  return annotation;
}
