/**
 * A note's Markdown, rendered and then sanitised: notes come from imports and other tools,
 * so their HTML is never trusted. Links open in a new tab without access to this page.
 *
 * Nothing remote loads by itself: an imported note with `![](https://tracker/pixel)` would
 * otherwise tell a server each time it is shown. Remote images keep their address aside
 * (`data-gloss-remote-src`) and show as a placeholder until the reader asks for them; the
 * extension pages' CSP (`img-src 'self' data: blob:`, wxt.config.ts) backs this up, so the
 * reader's request fetches the image without cookies or referrer and shows it as a blob.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useRef, useState } from 'preact/hooks';

const REMOTE_SRC = 'data-gloss-remote-src';
const LOCAL_SRC = /^(data:image\/|blob:)/i;

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    if (src && !LOCAL_SRC.test(src)) {
      node.removeAttribute('src');
      if (/^https?:/i.test(src)) node.setAttribute(REMOTE_SRC, src);
      const alt = node.getAttribute('alt')?.trim();
      node.setAttribute('alt', alt ? `Image not loaded: ${alt}` : 'Image not loaded');
    }
  }
});

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'audio', 'video', 'source', 'picture', 'track', 'link'],
    FORBID_ATTR: ['style', 'srcset', 'poster', 'background', 'ping', 'action', 'formaction'],
  });
}

async function showRemoteImages(root: HTMLElement): Promise<void> {
  for (const img of root.querySelectorAll<HTMLImageElement>(`img[${REMOTE_SRC}]`)) {
    const url = img.getAttribute(REMOTE_SRC) ?? '';
    try {
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      const blob = await response.blob();
      if (!response.ok || !blob.type.startsWith('image/')) throw new Error('not an image');
      img.src = URL.createObjectURL(blob);
      img.removeAttribute(REMOTE_SRC);
    } catch {
      img.alt = 'Image could not be loaded';
    }
  }
}

interface Props {
  source: string;
  class?: string;
  /** Offer a button that loads the note's remote images (not inside another control). */
  offerImages?: boolean;
}

export function MarkdownView({ source, class: className = 'markdown', offerImages = false }: Props) {
  const html = renderMarkdown(source);
  const box = useRef<HTMLDivElement>(null);
  const [asked, setAsked] = useState(false);
  const remote = offerImages && !asked ? (html.match(new RegExp(REMOTE_SRC, 'g'))?.length ?? 0) : 0;
  return (
    <>
      {/* Safe: renderMarkdown sanitises with DOMPurify. */}
      <div ref={box} class={className} dangerouslySetInnerHTML={{ __html: html }} />
      {remote > 0 && (
        <button
          type="button"
          class="show-images"
          onClick={() => {
            setAsked(true);
            if (box.current) void showRemoteImages(box.current);
          }}
        >
          {remote === 1 ? 'Show 1 remote image' : `Show ${remote} remote images`}
        </button>
      )}
    </>
  );
}
