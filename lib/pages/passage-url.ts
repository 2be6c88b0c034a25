/** The link the library opens: the page at the passage, through a text fragment that works without Gloss. */
import { textFragmentUrl } from '../export/text-fragment';
import type { Annotation } from '../types';

export const passageUrl = (annotation: Annotation): string =>
  textFragmentUrl(annotation.url, annotation.target.quote);
