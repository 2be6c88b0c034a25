/**
 * HTML export: a standalone page to read, print or share. Every piece of text is escaped,
 * notes included (shown as plain text with their line breaks), and a Content Security Policy
 * forbids scripts, so nothing in an annotation can run when the file is opened.
 */
import { type Annotation, HIGHLIGHT_COLORS } from '../types';
import { type ExportColorLabels, exportColorName } from './color-name';
import { HTML_STYLE } from './html-style';
import { countLabel, dayOf, groupByPage, isLinkable, localDay, type PageGroup } from './pages';
import { textFragmentUrl } from './text-fragment';

export interface HtmlOptions {
  /** The export time; defaults to the current time. */
  now?: Date;
  /** The reader's colour labels, written beside each colour's name. */
  labels?: ExportColorLabels;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/g;

/** Escapes text for use both between tags and inside quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (char) => ESCAPES[char] ?? char);
}

function link(text: string, url: string): string {
  return isLinkable(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function highlightArticle(annotation: Annotation, labels: ExportColorLabels): string {
  // The colour becomes a class name, so only the known colours are let through.
  const color = (HIGHLIGHT_COLORS as readonly string[]).includes(annotation.color)
    ? annotation.color
    : 'yellow';
  const passage = textFragmentUrl(annotation.url, annotation.target.quote);
  const lines = [
    `<article class="${color}">`,
    `<blockquote>${escapeHtml(annotation.target.quote.exact)}</blockquote>`,
    `<p class="meta">${escapeHtml(exportColorName(color, labels))} · ${escapeHtml(dayOf(annotation.created))}${
      isLinkable(passage) ? ` · ${link('Open passage', passage)}` : ''
    }</p>`,
  ];
  if (annotation.note.trim() !== '')
    lines.push(`<div class="note">${escapeHtml(annotation.note.trimEnd())}</div>`);
  if (annotation.tags.length > 0) {
    lines.push(
      `<ul class="tags">${annotation.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>`,
    );
  }
  lines.push('</article>');
  return lines.join('\n');
}

function pageSection(page: PageGroup, labels: ExportColorLabels): string {
  return [
    '<section>',
    `<h2>${link(page.title, page.url)}</h2>`,
    `<p class="meta">${escapeHtml(page.url)} · first annotated ${escapeHtml(dayOf(page.firstCreated))}</p>`,
    ...page.annotations.map((a) => highlightArticle(a, labels)),
    '</section>',
  ].join('\n');
}

export function toHtml(annotations: readonly Annotation[], options: HtmlOptions = {}): string {
  const day = localDay(options.now ?? new Date());
  const pages = groupByPage(annotations);
  const summary =
    annotations.length === 0
      ? 'No highlights yet.'
      : `${countLabel(annotations.length, 'highlight', 'highlights')} from ${countLabel(pages.length, 'page', 'pages')}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<title>Gloss highlights – ${day}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Gloss highlights</h1>
<p class="meta">Exported ${day} · ${escapeHtml(summary)}</p>
</header>
${pages.map((p) => pageSection(p, options.labels ?? {})).join('\n')}
</main>
</body>
</html>
`;
}
