/**
 * The in-page half of bench/recall-chromium.mjs: every hand-written case of the anchoring
 * corpus (tests/fixtures/anchoring) in real Chromium, each passage described on the page
 * before by Gloss and by the two peers in their own terms, then anchored on the edited
 * page by all three and judged against where the fixture says it belongs. The corpus test
 * does the same for Gloss alone in happy-dom; this puts the peers beside it.
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import * as positionAnchor from 'dom-anchor-text-position';
import * as quoteAnchor from 'dom-anchor-text-quote';
import {
  anchorAll,
  buildTextModel,
  describeSpan,
  pointAtOffset,
  spanOfRange,
  type TextModel,
} from '../lib/anchoring';
import type { AnnotationTarget } from '../lib/types';
import { locate } from '../tests/anchoring/corpus-harness';
import { type AnchoringCase, handWrittenCases, recallCases, type Span } from '../tests/fixtures/anchoring';

/** correct: at least 90% of the union with the right span; lost: still on the page, not found. */
export type Verdict = 'correct' | 'misplaced' | 'lost' | 'orphan';

export interface Judged {
  case: string;
  id: string;
  /** One of issue 10's cases (recall.ts). */
  recall: boolean;
  surviving: boolean;
  /** Expected orphan though its words remain (too short for the context left, or ambiguous). */
  undecidable: boolean;
  gloss: Verdict;
  quote: Verdict;
  apache: Verdict;
}

interface PeerSelector {
  exact: string;
  prefix: string;
  suffix: string;
  hint: number;
}

/** Same-origin frames load after their element is inserted: wait for them (at most a second). */
async function settle(): Promise<void> {
  const frames = [...document.querySelectorAll('iframe')];
  await Promise.all(
    frames.map(
      (frame) =>
        new Promise<void>((done) => {
          frame.addEventListener('load', () => done(), { once: true });
          setTimeout(done, 1000);
        }),
    ),
  );
}

async function setPage(html: string, kase: AnchoringCase): Promise<TextModel> {
  document.body.innerHTML = html;
  kase.setup?.(document);
  await settle();
  return buildTextModel(document.body);
}

function judge(found: Span | null, right: Span | null): Verdict {
  if (!found) return right ? 'lost' : 'orphan';
  if (!right) return 'misplaced';
  const overlap = Math.min(found.end, right.end) - Math.max(found.start, right.start);
  const union = Math.max(found.end, right.end) - Math.min(found.start, right.start);
  return overlap / union >= 0.9 ? 'correct' : 'misplaced';
}

function rangeOf(model: TextModel, span: Span): Range {
  const from = pointAtOffset(model, span.start);
  const to = pointAtOffset(model, span.end, true);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** A peer's selector for a range, or null when the peer cannot describe it (shadow roots, frames). */
function peerSelector(range: Range): PeerSelector | null {
  try {
    const quote = quoteAnchor.fromRange(document.body, range);
    return {
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
      hint: positionAnchor.fromRange(document.body, range).start,
    };
  } catch {
    return null;
  }
}

async function peerFind(peer: 'quote' | 'apache', selector: PeerSelector | null, model: TextModel) {
  if (!selector) return null;
  try {
    let range: Range | null = null;
    if (peer === 'quote') range = quoteAnchor.toRange(document.body, selector, { hint: selector.hint });
    else {
      const { exact, prefix, suffix } = selector;
      const first = await createTextQuoteSelectorMatcher({
        type: 'TextQuoteSelector',
        exact,
        prefix,
        suffix,
      })(document.body).next();
      range = first.done ? null : first.value;
    }
    return range ? spanOfRange(model, range) : null;
  } catch {
    return null;
  }
}

async function runCase(kase: AnchoringCase): Promise<Judged[]> {
  const before = await setPage(kase.before, kase);
  const described = kase.annotations.map((a) => {
    const span = locate(before, a.select, a.occurrence ?? 0) as Span;
    const target: AnnotationTarget = describeSpan(before, span.start, span.end);
    return { a, target, peer: peerSelector(rangeOf(before, span)) };
  });
  let after = await setPage(kase.after, kase);
  if (kase.later) {
    kase.later(document);
    await settle();
    after = buildTextModel(document.body);
  }
  const results = anchorAll(
    after,
    described.map(({ a, target }) => ({ id: a.id, target })),
  );
  const judged: Judged[] = [];
  for (const { a, peer } of described) {
    const right = a.expected === 'orphan' ? null : locate(after, a.place ?? a.select, a.placeOccurrence ?? 0);
    const result = results.get(a.id);
    const gloss = result && result.kind !== 'orphan' ? result : null;
    judged.push({
      case: kase.name,
      id: a.id,
      recall: recallCases.includes(kase),
      surviving: right !== null,
      undecidable: a.survives === true,
      gloss: judge(gloss, right),
      quote: judge(await peerFind('quote', peer, after), right),
      apache: judge(await peerFind('apache', peer, after), right),
    });
  }
  return judged;
}

export async function run(): Promise<Judged[]> {
  const all: Judged[] = [];
  for (const kase of handWrittenCases) all.push(...(await runCase(kase)));
  return all;
}
