/**
 * Export and import of annotations as pure functions: records in, text out (Markdown, W3C
 * JSON-LD, CSV, HTML), and text in, records or a clear error out. No DOM and no storage
 * here, so the library page, the background and tests can all use it as it is.
 */
export { type ExportColorLabels, exportColorName } from './color-name';
export { toCsv } from './csv';
export { type ExportFormat, exportFileName } from './file-name';
export { type HtmlOptions, toHtml } from './html';
export { mergeForImport } from './import/merge';
export { type ImportOptions, type ImportResult, parseImport } from './import/parse';
export { type MarkdownOptions, toMarkdown } from './markdown';
export { textFragmentUrl } from './text-fragment';
export {
  toWebAnnotation,
  type WebAnnotation,
  type WebAnnotationCollection,
  type WebAnnotationOptions,
  type WebAnnotationPage,
} from './web-annotation';
