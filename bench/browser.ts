/**
 * The in-page half of `npm run bench`, bundled by esbuild and run in headless Chromium:
 * generates the pages, describes the passages once for every library (each in its own
 * terms), then anchors, judges and times on request from bench/run.mjs. Kept apart from
 * the Node side so that every timing is taken inside the page, on the same DOM.
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import * as positionAnchor from 'dom-anchor-text-position';
import * as quoteAnchor from 'dom-anchor-text-quote';
import Mark from 'mark.js';
import {
  anchorAll,
  buildTextModel,
  describeSpan,
  type MatchResult,
  pointAtOffset,
  spanOfRange,
  type TextModel,
} from '../lib/anchoring';
import { drawHighlights, planHighlight } from '../lib/highlight';
import type { AnnotationTarget } from '../lib/types';
import { type GeneratedPage, generatePage, type Outcome } from '../tests/fixtures/anchoring/generate';
import { locatePassage } from '../tests/fixtures/anchoring/large';

type Variant = 'unchanged' | 'edited';
type Span = { start: number; end: number };

interface Prepared {
  page: GeneratedPage;
  gloss: AnnotationTarget[];
  peer: { exact: string; prefix: string; suffix: string; hint: number }[];
}

export interface Tally {
  correct: number;
  misplaced: number;
  orphaned: number;
  /** Expected-fuzzy passages found in the right place. */
  recovered: number;
}

export interface CellResult extends Tally {
  n: number;
  reached: number;
  ms: number;
}

let prepared: Prepared | undefined;

/** Collects garbage when the browser allows it (the bench starts Chromium with --expose-gc). */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function setBody(html: string): void {
  document.body.innerHTML = html;
}

function htmlOf(variant: Variant): string {
  const page = (prepared as Prepared).page;
  return variant === 'unchanged' ? page.before : page.after;
}

/** Where each passage belongs in the variant, or null when it should be an orphan. */
function expectations(variant: Variant, model: TextModel): { span: Span | null; outcome: Outcome }[] {
  const page = (prepared as Prepared).page;
  return page.passages.map((passage) => {
    const outcome: Outcome = variant === 'unchanged' ? 'exact' : passage.expected;
    if (outcome === 'orphan') return { span: null, outcome };
    const blocks = variant === 'unchanged' ? page.beforeBlocks : page.afterBlocks;
    return { span: locatePassage(blocks, passage)(model), outcome };
  });
}

/** Correct when the found span covers at least 90% of the union with the right one. */
function judge(found: Span | null, expected: { span: Span | null; outcome: Outcome }, tally: Tally): void {
  if (!found) {
    tally.orphaned++;
    return;
  }
  const right = expected.span;
  if (!right) {
    tally.misplaced++;
    return;
  }
  const overlap = Math.min(found.end, right.end) - Math.max(found.start, right.start);
  const union = Math.max(found.end, right.end) - Math.min(found.start, right.start);
  if (overlap / union >= 0.9) {
    tally.correct++;
    if (expected.outcome === 'fuzzy') tally.recovered++;
  } else tally.misplaced++;
}

function emptyTally(): Tally {
  return { correct: 0, misplaced: 0, orphaned: 0, recovered: 0 };
}

export function setup(options: { seed: number; bytes: number; passages: number }) {
  const page = generatePage({ ...options, changed: 0.15, deleted: 0.06, inserted: 0.04 });
  setBody(page.before);
  const model = buildTextModel(document.body);
  const gloss: AnnotationTarget[] = [];
  const peer: Prepared['peer'] = [];
  for (const passage of page.passages) {
    const span = locatePassage(page.beforeBlocks, passage)(model) as Span;
    gloss.push(describeSpan(model, span.start, span.end));
    const from = pointAtOffset(model, span.start);
    const to = pointAtOffset(model, span.end, true);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const quote = quoteAnchor.fromRange(document.body, range);
    peer.push({
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
      hint: positionAnchor.fromRange(document.body, range).start,
    });
  }
  prepared = { page, gloss, peer };
  const expected = { exact: 0, fuzzy: 0, orphan: 0 };
  for (const passage of page.passages) expected[passage.expected]++;
  return {
    beforeBytes: page.before.length,
    afterBytes: page.after.length,
    textChars: model.text.length,
    textNodes: model.nodes.length,
    elements: document.body.getElementsByTagName('*').length,
    expected,
  };
}

/** Reading the page text once: Gloss's text model, and the browser's own textContent for scale. */
export function readText(variant: Variant, repeat: number) {
  setBody(htmlOf(variant));
  const model: number[] = [];
  const content: number[] = [];
  for (let i = 0; i < repeat; i++) {
    collect();
    let t = performance.now();
    buildTextModel(document.body);
    model.push(performance.now() - t);
    t = performance.now();
    void document.body.textContent?.length;
    content.push(performance.now() - t);
  }
  return { model: median(model), textContent: median(content) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Gloss end to end: read the page text, anchor n passages. Median of `repeat` runs. */
export function anchorGloss(
  variant: Variant,
  n: number,
  repeat: number,
): CellResult & { fuzzy: number; surviving: number } {
  const state = prepared as Prepared;
  setBody(htmlOf(variant));
  const expected = expectations(variant, buildTextModel(document.body)).slice(0, n);
  const items = state.gloss.slice(0, n).map((target, i) => ({ id: String(i), target }));
  const times: number[] = [];
  let results = new Map<string, MatchResult>();
  for (let r = 0; r < repeat; r++) {
    collect();
    const t = performance.now();
    const model = buildTextModel(document.body);
    results = anchorAll(model, items);
    times.push(performance.now() - t);
  }
  const tally = emptyTally();
  let fuzzy = 0;
  items.forEach((item, i) => {
    const result = results.get(item.id) as MatchResult;
    if (result.kind === 'fuzzy') fuzzy++;
    judge(
      result.kind === 'orphan' ? null : result,
      expected[i] as { span: Span | null; outcome: Outcome },
      tally,
    );
  });
  const surviving = expected.filter((e) => e.span !== null).length;
  return { n, reached: n, ms: median(times), fuzzy, surviving, ...tally };
}

/**
 * A peer, one passage after another until `n` or the time budget runs out. Per-passage times
 * and outcomes come back so that the N = 10 and N = 100 cells are prefixes of one run.
 */
export async function anchorPeer(
  peer: 'dom-anchor-text-quote' | 'apache',
  variant: Variant,
  n: number,
  budgetMs: number,
): Promise<{ times: number[]; outcomes: string[]; surviving: boolean[] }> {
  const state = prepared as Prepared;
  setBody(htmlOf(variant));
  const judgeModel = buildTextModel(document.body);
  const expected = expectations(variant, judgeModel);
  collect();
  const times: number[] = [];
  const outcomes: string[] = [];
  /** Whether each passage reached is still on the page (the denominator of recall). */
  const surviving: boolean[] = [];
  let spent = 0;
  for (let i = 0; i < n && spent < budgetMs; i++) {
    const selector = state.peer[i] as Prepared['peer'][number];
    const t = performance.now();
    let range: Range | null = null;
    try {
      if (peer === 'dom-anchor-text-quote') {
        range = quoteAnchor.toRange(document.body, selector, { hint: selector.hint });
      } else {
        const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', ...selector })(
          document.body,
        );
        const first = await matches.next();
        range = first.done ? null : first.value;
      }
    } catch {
      range = null;
    }
    const took = performance.now() - t;
    spent += took;
    times.push(took);
    const tally = emptyTally();
    judge(
      range ? spanOfRange(judgeModel, range) : null,
      expected[i] as { span: Span | null; outcome: Outcome },
      tally,
    );
    outcomes.push(tally.recovered ? 'r' : tally.correct ? 'c' : tally.misplaced ? 'm' : 'o');
    surviving.push((expected[i] as { span: Span | null }).span !== null);
  }
  return { times, outcomes, surviving };
}

/** Spans to draw: the first passages plus, every tenth, one overlapping the previous. */
function drawSpans(model: TextModel, count: number): Span[] {
  const page = (prepared as Prepared).page;
  const spans: Span[] = [];
  for (let i = 0; spans.length < count && i < page.passages.length; i++) {
    const span = locatePassage(
      page.beforeBlocks,
      page.passages[i] as GeneratedPage['passages'][number],
    )(model) as Span;
    spans.push(span);
    if (spans.length % 10 === 9) {
      const half = span.start + Math.floor((span.end - span.start) / 2);
      spans.push({ start: half, end: Math.min(model.text.length, span.end + 24) });
    }
  }
  return spans.slice(0, count);
}

function overlapping(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let count = 0;
  let reach = -1;
  for (const span of sorted) {
    if (span.start < reach) count++;
    reach = Math.max(reach, span.end);
  }
  return count;
}

/** Gloss: plan every highlight, then draw each with its own markRanges calls. */
export function drawGloss(count: number) {
  setBody((prepared as Prepared).page.before);
  const model = buildTextModel(document.body);
  const spans = drawSpans(model, count);
  collect();
  const t = performance.now();
  const plans = spans.map((span) => planHighlight(model, span.start, span.end));
  const planMs = performance.now() - t;
  let wraps = 0;
  const drawn = new Set<number>();
  const items = plans.flatMap((plan, i) =>
    plan ? [{ plan, style: { id: String(i), color: 'yellow' as const } }] : [],
  );
  for (const element of drawHighlights(items)) {
    wraps++;
    drawn.add(Number(element.getAttribute('data-annotation-id')));
  }
  const ms = performance.now() - t;
  return { ms, planMs, highlights: spans.length, overlapping: overlapping(spans), drawn: drawn.size, wraps };
}

/** The baseline: one mark.js markRanges call over the body with every range. */
export function drawMarkBaseline(count: number) {
  setBody((prepared as Prepared).page.before);
  const model = buildTextModel(document.body);
  const spans = drawSpans(model, count);
  // mark.js offsets over the body: every text node except those under script, style, title, head.
  const offsets = new Map<Text, number>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.matches('script, style, title, head, html')) continue;
    offsets.set(node as Text, at);
    at += (node as Text).length;
  }
  const toMark = (offset: number, end: boolean) => {
    const point = pointAtOffset(model, offset, end);
    return (offsets.get(point.node) ?? 0) + point.offset;
  };
  const ranges = spans.map((span, i) => ({
    start: toMark(span.start, false),
    length: toMark(span.end, true) - toMark(span.start, false),
    id: i,
  }));
  let wraps = 0;
  const drawn = new Set<number>();
  collect();
  const t = performance.now();
  new Mark(document.body).markRanges(ranges, {
    each: (_element: Element, range: { id?: number }) => {
      wraps++;
      if (range.id !== undefined) drawn.add(range.id);
    },
  } as Mark.MarkRangesOptions);
  const ms = performance.now() - t;
  return { ms, highlights: spans.length, drawn: drawn.size, wraps };
}
