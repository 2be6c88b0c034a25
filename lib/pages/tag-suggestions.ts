/**
 * The reader's tags, for autocomplete: asked of the background (which owns the database)
 * when a view opens and again whenever annotations change.
 */
import { createContext } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../messaging';

export const TagSuggestionsContext = createContext<string[]>([]);

/** `forId`: the annotation a note frame was granted (frames must name it to be answered). */
export function useTagSuggestions(forId?: string, enabled = true): { tag: string; count: number }[] {
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const load = () =>
      void sendToBackground({ type: 'listTags', id: forId }).then(
        (list) => alive && setTags(list),
        () => undefined,
      );
    load();
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === 'annotationsChanged') load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [forId, enabled]);
  return tags;
}
