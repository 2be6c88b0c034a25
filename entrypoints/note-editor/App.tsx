import { useEffect, useState } from 'preact/hooks';
import { MarkdownView } from '@/components/MarkdownView';
import { NoteCard } from '@/components/NoteCard';
import type { FrameMessage } from '@/lib/annotator/frame-messages';
import { sendToBackground } from '@/lib/messaging';
import { drafts } from '@/lib/pages/drafts';
import { TagSuggestionsContext, useTagSuggestions } from '@/lib/pages/tag-suggestions';
import { useBackgroundAnnotation } from '@/lib/pages/use-background-annotation';

interface Props {
  id: string;
  view: 'card' | 'margin';
  edit: boolean;
  /** The channel to the content script that opened this frame (never the page's window). */
  port: MessagePort;
}

/** How tall the frame's content is (the root element's box is as tall as what it holds). */
function contentHeight(doc: Document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height);
}

export function App({ id, view, edit, port }: Props) {
  // Only the size and close/open requests go out; note text never leaves this frame.
  const tellPage = (message: FrameMessage) => port.postMessage(message);
  const annotation = useBackgroundAnnotation(id);
  const tags = useTagSuggestions(id, view === 'card');
  const [error, setError] = useState<string>();

  useEffect(() => {
    // The content's height, not scrollHeight, which never falls below the frame's own
    // height: the frame could then grow but never shrink to fit what it shows.
    const observer = new ResizeObserver(() =>
      tellPage({ gloss: 'frame', action: 'resize', height: contentHeight(document) }),
    );
    observer.observe(document.body);
    // Escape closes the card from anywhere in the frame, also in the moment after saving
    // when the editor is gone and focus has not yet moved back into the card.
    const closeOnEscape = (event: KeyboardEvent) => {
      if (view === 'card' && event.key === 'Escape') tellPage({ gloss: 'frame', action: 'close' });
    };
    document.addEventListener('keyup', closeOnEscape);
    return () => {
      observer.disconnect();
      document.removeEventListener('keyup', closeOnEscape);
    };
  }, [view, port]);

  if (!annotation) return null;
  // A failed save rejects so that the card keeps the editor and the text open.
  const run = (work: Promise<unknown>) =>
    work.then(
      () => setError(undefined),
      (e: Error) => {
        setError(e.message);
        throw e;
      },
    );

  if (view === 'margin') {
    return (
      <button type="button" class="margin-note" onClick={() => tellPage({ gloss: 'frame', action: 'open' })}>
        <MarkdownView source={annotation.note} />
      </button>
    );
  }
  return (
    <TagSuggestionsContext.Provider value={tags.map((t) => t.tag)}>
      <NoteCard
        annotation={annotation}
        startEditing={edit}
        error={error}
        onSave={(note, tags, baseNote) =>
          run(
            sendToBackground({
              type: 'updateAnnotation',
              id,
              changes: { note, tags },
              expectedNote: baseNote,
            }),
          )
        }
        onColor={(color) =>
          void run(sendToBackground({ type: 'updateAnnotation', id, changes: { color } })).catch(
            () => undefined,
          )
        }
        onDelete={() => void run(sendToBackground({ type: 'deleteAnnotation', id })).catch(() => undefined)}
        drafts={drafts}
        onClose={() => tellPage({ gloss: 'frame', action: 'close' })}
      />
    </TagSuggestionsContext.Provider>
  );
}
