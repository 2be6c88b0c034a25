/**
 * W3C Web Annotation export: an AnnotationCollection in JSON-LD with every annotation in one
 * embedded AnnotationPage, so the file stands alone. What the model has no term for (colour,
 * page title) goes under the `gloss:` prefix, declared in the context so the JSON-LD stays valid.
 */
import type { Annotation, HighlightColor, TextPositionSelector, TextQuoteSelector } from '../types';
import { toIri, uriSafe, uuidFrom } from './iri';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Only names the extension terms; importers read the compact keys, never this address. */
export const GLOSS_NAMESPACE = 'https://gloss.local/ns#';

export type WebAnnotationContext = [typeof ANNO_CONTEXT, { gloss: typeof GLOSS_NAMESPACE }];

export interface WebTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/markdown';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  body?: WebTextualBody[];
  target: { source: string; selector: (TextQuoteSelector | TextPositionSelector)[] };
  created: string;
  modified: string;
  'gloss:color': HighlightColor;
  'gloss:pageTitle': string;
  /** The address exactly as stored, present only when `target.source` had to be escaped. */
  'gloss:url'?: string;
}

export interface WebAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  startIndex: number;
  items: WebAnnotation[];
}

export interface WebAnnotationCollection {
  '@context': WebAnnotationContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  created: string;
  total: number;
  /** Absent for an empty collection: the model requires a first page only when there are items. */
  first?: WebAnnotationPage;
  last?: string;
}

export interface WebAnnotationOptions {
  /** The export time, used for `created` and to derive the collection id; defaults to now. */
  now?: Date;
}

function quoteSelector(quote: TextQuoteSelector): TextQuoteSelector {
  const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: quote.exact };
  if (quote.prefix !== undefined) selector.prefix = quote.prefix;
  if (quote.suffix !== undefined) selector.suffix = quote.suffix;
  return selector;
}

export function toWebAnnotationItem(annotation: Annotation): WebAnnotation {
  const body: WebTextualBody[] = [];
  if (annotation.note !== '') {
    body.push({
      type: 'TextualBody',
      value: annotation.note,
      format: 'text/markdown',
      purpose: 'commenting',
    });
  }
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const { position } = annotation.target;
  const selector: WebAnnotation['target']['selector'] = [quoteSelector(annotation.target.quote)];
  if (position) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  const source = uriSafe(annotation.url);
  return {
    id: toIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.note !== '' ? 'commenting' : 'highlighting',
    ...(body.length > 0 ? { body } : {}),
    target: { source, selector },
    created: annotation.created,
    modified: annotation.modified,
    'gloss:color': annotation.color,
    'gloss:pageTitle': annotation.title,
    ...(source !== annotation.url ? { 'gloss:url': annotation.url } : {}),
  };
}

export function toWebAnnotation(
  annotations: readonly Annotation[],
  options: WebAnnotationOptions = {},
): WebAnnotationCollection {
  const created = (options.now ?? new Date()).toISOString();
  const ids = annotations.map((a) => a.id).join('\n');
  const collectionId = `urn:uuid:${uuidFrom(`collection\n${created}\n${ids}`)}`;
  const collection: WebAnnotationCollection = {
    '@context': [ANNO_CONTEXT, { gloss: GLOSS_NAMESPACE }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Gloss highlights',
    created,
    total: annotations.length,
  };
  if (annotations.length > 0) {
    const pageId = `urn:uuid:${uuidFrom(`page\n${created}\n${ids}`)}`;
    collection.first = {
      id: pageId,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map(toWebAnnotationItem),
    };
    collection.last = pageId;
  }
  return collection;
}
