/**
 * A note's Markdown, rendered and then sanitised: notes come from imports and other tools,
 * so their HTML is never trusted. Links open in a new tab without access to this page.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button'],
    FORBID_ATTR: ['style'],
  });
}

export function MarkdownView({ source, class: className = 'markdown' }: { source: string; class?: string }) {
  // Safe: renderMarkdown sanitises with DOMPurify.
  return <div class={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
