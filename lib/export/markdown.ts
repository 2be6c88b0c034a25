/**
 * Markdown export: one document a reader can keep in a notes app such as Obsidian. Page
 * text is escaped so it reads as written; the reader's own notes are Markdown already and
 * go in untouched. Each highlight links back to its passage with a text fragment.
 */
import type { Annotation } from '../types';
import { type ExportColorLabels, exportColorName } from './color-name';
import { blockquote, escapeMarkdown, markdownUrl, obsidianTag, yamlString } from './markdown-text';
import { countLabel, dayOf, groupByPage, isLinkable, localDay, type PageGroup } from './pages';
import { textFragmentUrl } from './text-fragment';

export interface MarkdownOptions {
  /** Adds YAML front matter (title, date, source count, tags) for Obsidian and similar tools. */
  frontMatter?: boolean;
  /** The export time; defaults to the current time. */
  now?: Date;
  /** The reader's colour labels, written beside each colour's name. */
  labels?: ExportColorLabels;
}

const DOCUMENT_TITLE = 'Gloss highlights';

function link(text: string, url: string): string {
  return isLinkable(url) ? `[${escapeMarkdown(text)}](${markdownUrl(url)})` : escapeMarkdown(text);
}

function tagLine(tags: readonly string[]): string {
  const names = tags.map(obsidianTag).filter((tag) => tag !== '');
  return names.length === 0 ? '' : `Tags: ${names.map((tag) => `#${tag}`).join(' ')}`;
}

function highlightBlock(annotation: Annotation, labels: ExportColorLabels): string {
  const parts = [blockquote(escapeMarkdown(annotation.target.quote.exact))];
  const color = exportColorName(annotation.color, labels);
  const passage = textFragmentUrl(annotation.url, annotation.target.quote);
  parts.push(isLinkable(passage) ? `${color} · [Open passage](${markdownUrl(passage)})` : color);
  if (annotation.note.trim() !== '') parts.push(annotation.note.trimEnd());
  const tags = tagLine(annotation.tags);
  if (tags) parts.push(tags);
  return parts.join('\n\n');
}

function pageSection(page: PageGroup, labels: ExportColorLabels): string {
  const heading = `## ${link(page.title, page.url)}`;
  const meta = `First annotated ${dayOf(page.firstCreated)} · ${countLabel(page.annotations.length, 'highlight', 'highlights')}`;
  return [heading, meta, ...page.annotations.map((a) => highlightBlock(a, labels))].join('\n\n');
}

function frontMatter(pages: readonly PageGroup[], annotations: readonly Annotation[], day: string): string {
  const tags = [...new Set(annotations.flatMap((a) => a.tags.map(obsidianTag)))]
    .filter((t) => t !== '')
    .sort();
  const lines = [
    '---',
    `title: ${yamlString(DOCUMENT_TITLE)}`,
    `date: ${yamlString(day)}`,
    `sources: ${pages.length}`,
  ];
  if (tags.length === 0) lines.push('tags: []');
  else lines.push('tags:', ...tags.map((tag) => `  - ${yamlString(tag)}`));
  lines.push('---');
  return lines.join('\n');
}

export function toMarkdown(annotations: readonly Annotation[], options: MarkdownOptions = {}): string {
  const day = localDay(options.now ?? new Date());
  const pages = groupByPage(annotations);
  const summary =
    annotations.length === 0
      ? `Exported ${day} · no highlights yet`
      : `Exported ${day} · ${countLabel(annotations.length, 'highlight', 'highlights')} from ${countLabel(pages.length, 'page', 'pages')}`;
  const blocks = [`# ${DOCUMENT_TITLE}`, summary, ...pages.map((p) => pageSection(p, options.labels ?? {}))];
  if (options.frontMatter) blocks.unshift(frontMatter(pages, annotations, day));
  return `${blocks.join('\n\n')}\n`;
}
