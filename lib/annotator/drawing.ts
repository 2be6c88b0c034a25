/**
 * The anchoring pass: anchor what is not drawn yet against one fresh text model, plan every
 * highlight before drawing any (drawing splits the model's text nodes), then draw. Keeps
 * the status of each annotation and the document order of what was drawn.
 *
 * Pages are arbitrary DOM, and a throw while reading one passage (a page quirk, a Gloss
 * bug) must not leave every other passage undrawn. Each step is caught on its own: a
 * passage whose step threw is marked `failed` and retried on the next pass like an orphan,
 * the error is reported, and `problem` tells the popup and side panel that the page was
 * not fully read. tests/annotator/drawing.test.ts makes each step throw.
 */
import { anchorAll, buildTextModel, type MatchResult, type TextModel } from '../anchoring';
import {
  drawHighlight,
  drawHighlights,
  drawnIds,
  type HighlightPlan,
  planHighlight,
  removeAllHighlights,
  removeHighlight,
  restyleHighlight,
} from '../highlight';
import type { AnchorStatus, Annotation } from '../types';

interface Drawn {
  targetKey: string;
  start: number;
}

interface Planned {
  annotation: Annotation;
  plan: HighlightPlan;
  result: MatchResult & { start: number };
}

/** Shown to the reader (popup, side panel) when any step of the last pass threw. */
export const PAGE_PROBLEM = 'Gloss could not read part of this page.';

const FAILED: AnchorStatus = { kind: 'failed' };

const targetKey = (a: Annotation) => JSON.stringify(a.target);
const styleOf = (a: Annotation) => ({ id: a.id, color: a.color });

export class Drawing {
  readonly statuses = new Map<string, AnchorStatus>();
  private readonly drawn = new Map<string, Drawn>();
  /** A step not tied to one annotation (removing, restyling) threw during the last pass. */
  private stepFailed = false;

  constructor(
    private readonly root: () => HTMLElement,
    /** Where errors go; the console by default, so that a failure is never silent. */
    private readonly report: (error: unknown) => void = (error) => console.error('Gloss:', error),
  ) {}

  /** Plain words for the reader when the last pass could not read or draw everything. */
  get problem(): string | undefined {
    if (this.stepFailed) return PAGE_PROBLEM;
    for (const status of this.statuses.values()) if (status.kind === 'failed') return PAGE_PROBLEM;
    return undefined;
  }

  /** Brings the page in line with `annotations`; returns the ids that stopped existing. */
  sync(annotations: readonly Annotation[]): string[] {
    this.stepFailed = false;
    const wanted = new Map(annotations.map((a) => [a.id, a]));
    const gone: string[] = [];
    for (const [id, drawn] of this.drawn) {
      const next = wanted.get(id);
      if (!next || drawn.targetKey !== targetKey(next)) {
        this.step(() => removeHighlight(this.root(), id));
        this.drawn.delete(id);
        if (!next) gone.push(id);
      }
    }
    for (const id of this.statuses.keys()) if (!wanted.has(id)) this.statuses.delete(id);
    for (const annotation of annotations)
      if (this.drawn.has(annotation.id)) this.step(() => restyleHighlight(this.root(), styleOf(annotation)));
    const pending = annotations.filter((a) => !this.drawn.has(a.id));
    if (pending.length > 0) this.anchorAndDraw(pending);
    return gone;
  }

  /**
   * Draws one new annotation whose span in `model` is already known (just described). A
   * throw leaves it `failed` rather than losing the reader's new annotation: it is still
   * saved, and the next pass anchors it again.
   */
  drawNew(model: TextModel, annotation: Annotation, start: number, end: number): boolean {
    try {
      const plan = planHighlight(model, start, end);
      if (!plan) return false;
      drawHighlight(plan, styleOf(annotation));
    } catch (error) {
      this.report(error);
      this.step(() => removeHighlight(this.root(), annotation.id));
      this.statuses.set(annotation.id, FAILED);
      return false;
    }
    this.drawn.set(annotation.id, { targetKey: targetKey(annotation), start });
    this.statuses.set(annotation.id, { kind: 'exact' });
    return true;
  }

  forget(id: string): void {
    this.step(() => removeHighlight(this.root(), id));
    this.drawn.delete(id);
    this.statuses.delete(id);
  }

  /**
   * Forgets highlights that a page re-render removed, so that the next sync draws them
   * again; returns whether anything is left to anchor (vanished, orphaned or failed).
   */
  needsRetry(): boolean {
    const present = this.step(() => drawnIds(this.root()));
    if (!present) return false;
    for (const id of [...this.drawn.keys()]) if (!present.has(id)) this.drawn.delete(id);
    return [...this.statuses.keys()].some((id) => !this.drawn.has(id));
  }

  /** Removes every highlight (the page navigated away). */
  clear(): void {
    this.stepFailed = false;
    this.step(() => removeAllHighlights(this.root()));
    this.drawn.clear();
    this.statuses.clear();
  }

  /** Ids of drawn annotations in document order. */
  order(): string[] {
    return [...this.drawn.entries()].sort((a, b) => a[1].start - b[1].start).map(([id]) => id);
  }

  /** Runs one step of a pass; a throw is reported and remembered instead of ending the pass. */
  private step<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.report(error);
      this.stepFailed = true;
      return undefined;
    }
  }

  /** Runs one annotation's step; a throw is reported and marks that annotation failed. */
  private attempt<T>(id: string, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.report(error);
      this.statuses.set(id, FAILED);
      return undefined;
    }
  }

  /**
   * Anchors all pending annotations in one batch (each can start from where the previous
   * one turned up); if the batch throws, anchors each alone so that one passage that
   * throws costs only itself. Annotations missing from the result threw.
   */
  private anchor(model: TextModel, pending: Annotation[]): Map<string, MatchResult> {
    try {
      return anchorAll(model, pending);
    } catch {
      const results = new Map<string, MatchResult>();
      for (const annotation of pending) {
        const result = this.attempt(annotation.id, () => anchorAll(model, [annotation]).get(annotation.id));
        if (result) results.set(annotation.id, result);
      }
      return results;
    }
  }

  private anchorAndDraw(pending: Annotation[]): void {
    let model: TextModel;
    try {
      model = buildTextModel(this.root());
    } catch (error) {
      this.report(error);
      for (const annotation of pending) this.statuses.set(annotation.id, FAILED);
      return;
    }
    const results = this.anchor(model, pending);
    const plans: Planned[] = [];
    for (const annotation of pending) {
      const result = results.get(annotation.id);
      if (!result) continue; // threw: already marked failed
      if (result.kind === 'orphan') {
        this.statuses.set(annotation.id, { kind: 'orphan' });
        continue;
      }
      const plan = this.attempt(annotation.id, () => planHighlight(model, result.start, result.end));
      if (plan === undefined) continue;
      if (!plan) {
        this.statuses.set(annotation.id, { kind: 'orphan' });
        continue;
      }
      plans.push({ annotation, plan, result });
      this.statuses.set(
        annotation.id,
        result.kind === 'fuzzy'
          ? { kind: 'fuzzy', score: result.score, text: model.text.slice(result.start, result.end) }
          : result.moved
            ? { kind: 'exact', moved: true }
            : { kind: 'exact' },
      );
    }
    for (const { annotation, result } of this.draw(plans)) {
      this.drawn.set(annotation.id, { targetKey: targetKey(annotation), start: result.start });
    }
  }

  /**
   * Draws every plan in one batch (few mark.js calls, see drawHighlights). If the batch
   * throws it may have wrapped some passages already: those wraps are taken out and each
   * passage is drawn alone. Plans count offsets in their block's text, which wrapping and
   * unwrapping leave unchanged, so they are still valid. Returns what was drawn.
   */
  private draw(plans: Planned[]): Planned[] {
    try {
      drawHighlights(plans.map(({ annotation, plan }) => ({ plan, style: styleOf(annotation) })));
      return plans;
    } catch {
      for (const { annotation } of plans) this.step(() => removeHighlight(this.root(), annotation.id));
      return plans.filter(({ annotation, plan }) => {
        const drawn = this.attempt(annotation.id, () => drawHighlight(plan, styleOf(annotation)));
        if (drawn) return true;
        this.step(() => removeHighlight(this.root(), annotation.id));
        return false;
      });
    }
  }
}
