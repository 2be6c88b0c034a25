/**
 * Export from an extension page: the chosen annotations rendered by lib/export in one format,
 * then saved with a Blob and a click on an `<a download>`. That works the same in Chromium and
 * Firefox and needs no `downloads` permission.
 */
import {
  type ExportColorLabels,
  type ExportFormat,
  exportFileName,
  toCsv,
  toHtml,
  toMarkdown,
  toWebAnnotation,
} from '../export';
import type { Annotation } from '../types';

export type { ExportFormat };

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

export interface ExportOptions {
  /** YAML front matter at the top of a Markdown file (Obsidian and similar tools read it). */
  frontMatter?: boolean;
  now?: Date;
  /** The reader's colour labels (settings), written beside the colour names. */
  labels?: ExportColorLabels;
}

const TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  json: 'application/ld+json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

function render(format: ExportFormat, list: readonly Annotation[], options: ExportOptions): string {
  const now = options.now ?? new Date();
  switch (format) {
    case 'md':
      return toMarkdown(list, { frontMatter: options.frontMatter ?? false, now, labels: options.labels });
    case 'json':
      return `${JSON.stringify(toWebAnnotation(list, { now }), null, 2)}\n`;
    case 'csv':
      // Excel reads a CSV file without a byte-order mark in the system's legacy code page.
      return `\uFEFF${toCsv(list, options.labels)}`;
    case 'html':
      return toHtml(list, { now, labels: options.labels });
  }
}

export function buildExport(
  format: ExportFormat,
  list: readonly Annotation[],
  options: ExportOptions = {},
): ExportFile {
  const now = options.now ?? new Date();
  return {
    name: exportFileName(format, now),
    type: TYPES[format],
    text: render(format, list, { ...options, now }),
  };
}

/** Hands the file to the browser's download manager from the page `doc` belongs to. */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  // Firefox only follows a click on a link that is in the document.
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the Blob.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
}

/** Builds and downloads in one step: what an Export button does. */
export function exportAnnotations(
  format: ExportFormat,
  list: readonly Annotation[],
  options: ExportOptions = {},
): void {
  downloadFile(buildExport(format, list, options));
}
