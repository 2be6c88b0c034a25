/**
 * The anchoring pass: anchor what is not drawn yet against one fresh text model, plan every
 * highlight before drawing any (drawing splits the model's text nodes), then draw. Keeps
 * the status of each annotation and the document order of what was drawn.
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

const targetKey = (a: Annotation) => JSON.stringify(a.target);
const styleOf = (a: Annotation) => ({ id: a.id, color: a.color, hasNote: a.note.trim() !== '' });

export class Drawing {
  readonly statuses = new Map<string, AnchorStatus>();
  private readonly drawn = new Map<string, Drawn>();

  constructor(private readonly root: () => HTMLElement) {}

  /** Brings the page in line with `annotations`; returns the ids that stopped existing. */
  sync(annotations: readonly Annotation[]): string[] {
    const wanted = new Map(annotations.map((a) => [a.id, a]));
    const gone: string[] = [];
    for (const [id, drawn] of this.drawn) {
      const next = wanted.get(id);
      if (!next || drawn.targetKey !== targetKey(next)) {
        removeHighlight(this.root(), id);
        this.drawn.delete(id);
        if (!next) gone.push(id);
      }
    }
    for (const id of this.statuses.keys()) if (!wanted.has(id)) this.statuses.delete(id);
    for (const annotation of annotations)
      if (this.drawn.has(annotation.id)) restyleHighlight(this.root(), styleOf(annotation));
    const pending = annotations.filter((a) => !this.drawn.has(a.id));
    if (pending.length > 0) this.anchorAndDraw(pending);
    return gone;
  }

  /** Draws one new annotation whose span in `model` is already known (just described). */
  drawNew(model: TextModel, annotation: Annotation, start: number, end: number): boolean {
    const plan = planHighlight(model, start, end);
    if (!plan) return false;
    drawHighlight(plan, styleOf(annotation));
    this.drawn.set(annotation.id, { targetKey: targetKey(annotation), start });
    this.statuses.set(annotation.id, { kind: 'exact' });
    return true;
  }

  forget(id: string): void {
    removeHighlight(this.root(), id);
    this.drawn.delete(id);
    this.statuses.delete(id);
  }

  /**
   * Forgets highlights that a page re-render removed, so that the next sync draws them
   * again; returns whether anything is left to anchor (vanished or orphaned).
   */
  needsRetry(): boolean {
    const present = drawnIds(this.root());
    for (const id of [...this.drawn.keys()]) if (!present.has(id)) this.drawn.delete(id);
    return [...this.statuses.keys()].some((id) => !this.drawn.has(id));
  }

  /** Removes every highlight (the page navigated away). */
  clear(): void {
    removeAllHighlights(this.root());
    this.drawn.clear();
    this.statuses.clear();
  }

  /** Ids of drawn annotations in document order. */
  order(): string[] {
    return [...this.drawn.entries()].sort((a, b) => a[1].start - b[1].start).map(([id]) => id);
  }

  private anchorAndDraw(pending: Annotation[]): void {
    const model = buildTextModel(this.root());
    const results = anchorAll(model, pending);
    const plans: { annotation: Annotation; plan: HighlightPlan; result: MatchResult & { start: number } }[] =
      [];
    for (const annotation of pending) {
      const result = results.get(annotation.id);
      if (!result || result.kind === 'orphan') {
        this.statuses.set(annotation.id, { kind: 'orphan' });
        continue;
      }
      const plan = planHighlight(model, result.start, result.end);
      if (!plan) {
        this.statuses.set(annotation.id, { kind: 'orphan' });
        continue;
      }
      plans.push({ annotation, plan, result });
      this.statuses.set(
        annotation.id,
        result.kind === 'fuzzy'
          ? { kind: 'fuzzy', score: result.score, text: model.text.slice(result.start, result.end) }
          : { kind: 'exact' },
      );
    }
    drawHighlights(plans.map(({ annotation, plan }) => ({ plan, style: styleOf(annotation) })));
    for (const { annotation, result } of plans) {
      this.drawn.set(annotation.id, { targetKey: targetKey(annotation), start: result.start });
    }
  }
}
