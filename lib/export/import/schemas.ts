/**
 * Valibot schemas for what Gloss can import: W3C Web Annotations (Gloss's own export and
 * other tools') and Hypothesis API records. They accept the shapes the formats allow (one
 * value or an array, a selector type Gloss does not use) and reject what breaks them, so a
 * damaged entry is reported with its path instead of being half-imported.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS } from '../../types';

/** The model lets most properties hold one value or an array of them; arrays are easier to read. */
export function oneOrMany<T extends v.GenericSchema>(item: T) {
  return v.pipe(
    v.unknown(),
    v.transform((value) => (Array.isArray(value) ? (value as unknown[]) : [value])),
    v.array(item),
  );
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An ISO 8601 date-time, normalised to `toISOString()` form so stored dates sort as strings.
 * Dates already in that form (all of Gloss's own) are kept as they are, which saves building
 * a Date for each of them in a large import.
 */
export const Timestamp = v.pipe(
  v.string(),
  v.regex(TIMESTAMP, (issue) => `${JSON.stringify(issue.input)} is not a date and time`),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const ms = Date.parse(dataset.value);
    if (Number.isNaN(ms)) {
      addIssue({ message: `${JSON.stringify(dataset.value)} is not a real date` });
      return NEVER;
    }
    return CANONICAL.test(dataset.value) ? dataset.value : new Date(ms).toISOString();
  }),
);

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const TextQuote = v.looseObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.string(),
  prefix: v.optional(v.string()),
  suffix: v.optional(v.string()),
});

const TextPosition = v.pipe(
  v.looseObject({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
  v.check((selector) => selector.end >= selector.start, 'the passage ends before it starts'),
);

/** Range, XPath, CSS, fragment and other selectors are allowed but not used, so not kept. */
const OtherSelector = v.pipe(
  v.looseObject({ type: v.pipe(v.string(), v.notValues(['TextQuoteSelector', 'TextPositionSelector'])) }),
  v.transform(() => ({ type: 'other' as const })),
);

export const Selector = v.variant('type', [TextQuote, TextPosition, OtherSelector]);
export type SelectorOutput = v.InferOutput<typeof Selector>;

const TypeList = oneOrMany(v.string());

/** Checks that `type` is, or includes, the given class. */
export function typed(name: string) {
  return v.pipe(
    TypeList,
    v.check((types) => types.includes(name), `is not "${name}"`),
  );
}

/** A source given as an address or as an External Web Resource with an `id`. */
const Source = v.pipe(
  v.union([v.string(), v.looseObject({ id: v.string() })]),
  v.transform((source) => (typeof source === 'string' ? source : source.id)),
);

const SpecificTarget = v.looseObject({
  source: v.optional(Source),
  selector: v.optional(oneOrMany(Selector)),
});

export const W3cTarget = v.union([v.string(), SpecificTarget]);

const TextualBody = v.looseObject({
  value: v.optional(v.string()),
  purpose: v.optional(oneOrMany(v.string())),
});

export const W3cAnnotation = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1, 'is empty')),
  type: typed('Annotation'),
  body: v.optional(oneOrMany(v.union([v.string(), TextualBody]))),
  bodyValue: v.optional(v.string()),
  target: v.pipe(oneOrMany(W3cTarget), v.minLength(1, 'is empty')),
  created: v.optional(Timestamp),
  modified: v.optional(Timestamp),
  /** A colour this version does not know falls back to yellow rather than failing the file. */
  'gloss:color': v.optional(v.fallback(v.picklist(HIGHLIGHT_COLORS), 'yellow')),
  'gloss:pageTitle': v.optional(v.string()),
  'gloss:url': v.optional(v.string()),
});
export type W3cAnnotationOutput = v.InferOutput<typeof W3cAnnotation>;

export const HypothesisAnnotation = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1, 'is empty')),
  uri: v.string(),
  text: v.optional(v.string(), ''),
  tags: v.optional(v.array(v.string()), []),
  created: Timestamp,
  updated: Timestamp,
  document: v.optional(v.looseObject({ title: v.optional(oneOrMany(v.string())) })),
  target: v.array(v.looseObject({ source: v.optional(v.string()), selector: v.optional(v.array(Selector)) })),
  references: v.optional(v.array(v.string())),
});
export type HypothesisAnnotationOutput = v.InferOutput<typeof HypothesisAnnotation>;

/** Enough to tell which format an entry claims to be before checking it in full. */
export const LooksW3c = v.looseObject({ type: typed('Annotation') });
export const LooksHypothesis = v.looseObject({ uri: v.string(), target: v.array(v.unknown()) });
