/**
 * Picks, from the selectors a file gives for one target, the two Gloss stores: the text quote
 * (required to anchor) and the text position (a hint). Other selector types are ignored.
 */
import type { AnnotationTarget, TextPositionSelector, TextQuoteSelector } from '../../types';
import type { SelectorOutput } from './schemas';

export function targetFromSelectors(selectors: readonly SelectorOutput[]): AnnotationTarget | undefined {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const selector of selectors) {
    if (!quote && selector.type === 'TextQuoteSelector') {
      quote = { type: 'TextQuoteSelector', exact: selector.exact };
      if (selector.prefix !== undefined) quote.prefix = selector.prefix;
      if (selector.suffix !== undefined) quote.suffix = selector.suffix;
    } else if (!position && selector.type === 'TextPositionSelector') {
      position = { type: 'TextPositionSelector', start: selector.start, end: selector.end };
    }
  }
  if (!quote) return undefined;
  return position ? { quote, position } : { quote };
}
