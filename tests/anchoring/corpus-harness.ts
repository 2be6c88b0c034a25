/**
 * Runs one anchoring fixture the way the content script would: describe the passages on
 * the `before` page, anchor them on the `after` page, draw them, and report for each
 * annotation whether it landed where it belongs. "Misplaced" means anchored (exact or
 * fuzzy) to any span other than the right place, or drawn over text other than the span.
 */

import {
  anchorAll,
  buildTextModel,
  describeSpan,
  type MatchResult,
  type TextModel,
} from '../../lib/anchoring';
import { fold, foldQuote } from '../../lib/anchoring/normalize';
import { rawSpan } from '../../lib/anchoring/page-text';
import { drawHighlight, type HighlightPlan, planHighlight, removeAllHighlights } from '../../lib/highlight';
import type { AnnotationTarget } from '../../lib/types';
import type { AnchoringCase, Locator, Outcome, Span } from '../fixtures/anchoring';

export interface AnnotationReport {
  id: string;
  expected: Outcome;
  outcome: Outcome;
  misplaced: boolean;
  /** Expected fuzzy and found in the right place. */
  recovered: boolean;
  /** Still on the page (expected exact or fuzzy) and not drawn. */
  lost: boolean;
  /** Expected orphan on purpose although its words are still on the page. */
  survives: boolean;
  /** Found exactly and said to have moved. */
  moved: boolean;
  expectedMoved: boolean;
  acceptable: boolean;
  detail: string;
}

/** The `occurrence`-th place a text, a from/to pair or a function designates in a model. */
export function locate(model: TextModel, locator: Locator, occurrence = 0): Span | null {
  if (typeof locator === 'function') return locator(model);
  const folded = fold(model.text);
  const find = (needle: string, from: number, nth: number): number => {
    let at = folded.text.indexOf(foldQuote(needle), from);
    for (let i = 0; i < nth && at >= 0; i++) at = folded.text.indexOf(foldQuote(needle), at + 1);
    return at;
  };
  if (typeof locator === 'string') {
    const at = find(locator, 0, occurrence);
    return at < 0 ? null : rawSpan(folded, at, at + foldQuote(locator).length);
  }
  const start = find(locator.from, 0, occurrence);
  if (start < 0) return null;
  const end = find(locator.to, start, 0);
  return end < 0 ? null : rawSpan(folded, start, end + foldQuote(locator.to).length);
}

function setPage(doc: Document, html: string, kase: AnchoringCase): TextModel {
  doc.body.innerHTML = html;
  kase.setup?.(doc);
  return buildTextModel(doc.body);
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Anchors, plans every highlight, then draws them all; returns the results. */
function anchorAndDraw(
  doc: Document,
  targets: Map<string, AnnotationTarget>,
): { model: TextModel; results: Map<string, MatchResult>; drawn: Map<string, string> } {
  const model = buildTextModel(doc.body);
  const results = anchorAll(
    model,
    [...targets].map(([id, target]) => ({ id, target })),
  );
  const plans: [string, HighlightPlan][] = [];
  for (const [id, result] of results) {
    if (result.kind === 'orphan') continue;
    const plan = planHighlight(model, result.start, result.end);
    if (plan) plans.push([id, plan]);
  }
  const drawn = new Map<string, string>();
  for (const [id, plan] of plans) {
    const elements = drawHighlight(plan, { id, color: 'yellow' });
    drawn.set(id, elements.map((element) => element.textContent ?? '').join(''));
  }
  return { model, results, drawn };
}

function judge(
  kase: AnchoringCase,
  model: TextModel,
  results: Map<string, MatchResult>,
  drawn: Map<string, string>,
): AnnotationReport[] {
  return kase.annotations.map((a) => {
    const result = results.get(a.id) as MatchResult;
    const outcome = result.kind;
    const place = a.expected === 'orphan' ? null : locate(model, a.place ?? a.select, a.placeOccurrence ?? 0);
    let misplaced = false;
    let detail = result.kind === 'orphan' ? `orphan (${result.reason})` : '';
    if (result.kind !== 'orphan') {
      const found = model.text.slice(result.start, result.end);
      const drawnText = drawn.get(a.id) ?? '';
      const samePlace = place !== null && place.start === result.start && place.end === result.end;
      const drawnRight = squash(drawnText) === squash(found);
      misplaced = !samePlace || !drawnRight;
      detail = `${result.kind}${result.kind === 'fuzzy' ? ` ${result.score}` : ''} "${found.slice(0, 80)}"`;
      if (!samePlace)
        detail += place
          ? ` expected "${model.text.slice(place.start, place.end).slice(0, 80)}"`
          : ' expected nothing';
      if (!drawnRight) detail += ` drawn "${drawnText.slice(0, 80)}"`;
    }
    const recovered = a.expected === 'fuzzy' && outcome === 'fuzzy' && !misplaced;
    const lost = a.expected !== 'orphan' && outcome === 'orphan';
    const moved = result.kind === 'exact' && result.moved === true;
    if (moved) detail += ' (moved)';
    const movedRight = result.kind !== 'exact' || moved === (a.moved ?? false);
    const acceptable =
      !misplaced && movedRight && (outcome === a.expected || (a.mayOrphan === true && outcome === 'orphan'));
    const expectedMoved = a.moved ?? false;
    return {
      id: a.id,
      expected: a.expected,
      outcome,
      misplaced,
      recovered,
      lost,
      survives: a.survives === true,
      moved,
      expectedMoved,
      acceptable,
      detail,
    };
  });
}

export interface CaseReport {
  annotations: AnnotationReport[];
  /** First-pass mismatches for cases with `later`. */
  initialMismatches: string[];
}

export function runCase(doc: Document, kase: AnchoringCase): CaseReport {
  const beforeModel = setPage(doc, kase.before, kase);
  const targets = new Map<string, AnnotationTarget>();
  for (const a of kase.annotations) {
    const span = locate(beforeModel, a.select, a.occurrence ?? 0);
    if (!span) throw new Error(`${kase.name}: cannot find "${String(a.select)}" in the page before`);
    targets.set(a.id, describeSpan(beforeModel, span.start, span.end));
  }
  setPage(doc, kase.after, kase);
  let pass = anchorAndDraw(doc, targets);
  const initialMismatches: string[] = [];
  if (kase.later) {
    for (const [id, expected] of Object.entries(kase.initially ?? {})) {
      const got = pass.results.get(id)?.kind;
      if (got !== expected) initialMismatches.push(`${id}: first pass ${got}, expected ${expected}`);
    }
    kase.later(doc);
    removeAllHighlights(doc.body);
    pass = anchorAndDraw(doc, targets);
  }
  return { annotations: judge(kase, pass.model, pass.results, pass.drawn), initialMismatches };
}
