/**
 * The anchoring pass keeps going when one annotation's step throws: the others are still
 * drawn, the one that threw is marked `failed`, the error is reported, and the pass says
 * the page was not fully read. The first case uses a damaged stored target, which throws
 * inside the real matcher; the others make one step throw through the mocks below (which
 * call the real code when no fault is set).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Anchoring from '../../lib/anchoring';
import { buildTextModel, describeSpan, type TextModel } from '../../lib/anchoring';
import { Drawing, PAGE_PROBLEM } from '../../lib/annotator/drawing';
import type * as Highlight from '../../lib/highlight';
import { HIGHLIGHT_TAG } from '../../lib/highlight';
import type { Annotation, AnnotationTarget } from '../../lib/types';

const faults = vi.hoisted(() => ({
  model: false,
  /** Passages (by text) whose planning throws. */
  plan: new Set<string>(),
  /** Annotation ids whose drawing throws. */
  draw: new Set<string>(),
}));

vi.mock('../../lib/anchoring', async (importOriginal) => {
  const real = await importOriginal<typeof Anchoring>();
  return {
    ...real,
    buildTextModel: (root: Node) => {
      if (faults.model) throw new Error('the page cannot be read');
      return real.buildTextModel(root);
    },
  };
});

vi.mock('../../lib/highlight', async (importOriginal) => {
  const real = await importOriginal<typeof Highlight>();
  const check = (id: string) => {
    if (faults.draw.has(id)) throw new Error(`cannot draw ${id}`);
  };
  return {
    ...real,
    planHighlight: (model: TextModel, start: number, end: number) => {
      if (faults.plan.has(model.text.slice(start, end))) throw new Error('cannot plan');
      return real.planHighlight(model, start, end);
    },
    // Draws one at a time, so that a throw comes after earlier passages were wrapped.
    drawHighlights: (items: Parameters<typeof real.drawHighlights>[0]) =>
      items.flatMap((item) => {
        check(item.style.id);
        return real.drawHighlights([item]);
      }),
    drawHighlight: (plan: Highlight.HighlightPlan, style: Highlight.HighlightStyle) => {
      check(style.id);
      return real.drawHighlight(plan, style);
    },
  };
});

const PASSAGES = {
  a: 'The committee approved the new budget',
  b: 'after a long debate on Tuesday evening',
  c: 'ending a stalemate that had lasted months',
};

function annotation(id: string, target: AnnotationTarget): Annotation {
  return {
    id,
    pageKey: 'https://a.org/',
    url: 'https://a.org/',
    title: 'A',
    target,
    note: '',
    tags: [],
    color: 'yellow',
    created: '2026-11-29T10:00:00.000Z',
    modified: '2026-11-29T10:00:00.000Z',
  };
}

function targetOf(text: string): AnnotationTarget {
  const model = buildTextModel(document.body);
  const start = model.text.indexOf(text);
  return describeSpan(model, start, start + text.length);
}

const all = () => Object.entries(PASSAGES).map(([id, text]) => annotation(id, targetOf(text)));

/** The text drawn for `id`, and whether any of its pieces sits inside another of its own. */
function drawnText(id: string): { text: string; nested: boolean } {
  const pieces = [...document.querySelectorAll(`${HIGHLIGHT_TAG}[data-annotation-id="${id}"]`)];
  return {
    text: pieces.map((piece) => piece.textContent).join(''),
    nested: pieces.some((piece) => piece.parentElement?.closest(`[data-annotation-id="${id}"]`)),
  };
}

let errors: unknown[];
let drawing: Drawing;

beforeEach(() => {
  faults.model = false;
  faults.plan.clear();
  faults.draw.clear();
  document.body.innerHTML = `<p>${PASSAGES.a} ${PASSAGES.b},</p><p>${PASSAGES.c}.</p>`;
  errors = [];
  drawing = new Drawing(
    () => document.body,
    (error) => errors.push(error),
  );
});

function expectDrawn(ids: string[]) {
  for (const id of ids) {
    expect(drawnText(id)).toEqual({ text: PASSAGES[id as keyof typeof PASSAGES], nested: false });
    expect(drawing.statuses.get(id)).toEqual({ kind: 'exact' });
  }
}

describe('an anchoring pass in which one annotation throws', () => {
  it('draws the others when a damaged stored target makes the matcher throw', () => {
    const damaged = annotation('damaged', {
      position: { type: 'TextPositionSelector', start: 0, end: 5 },
    } as never);
    drawing.sync([...all(), damaged]);
    expectDrawn(['a', 'b', 'c']);
    expect(drawing.statuses.get('damaged')).toEqual({ kind: 'failed' });
    expect(drawing.order()).toEqual(['a', 'b', 'c']);
    expect(drawing.problem).toBe(PAGE_PROBLEM);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TypeError);
  });

  it('draws the others when planning one highlight throws', () => {
    faults.plan.add(PASSAGES.b);
    drawing.sync(all());
    expectDrawn(['a', 'c']);
    expect(drawnText('b').text).toBe('');
    expect(drawing.statuses.get('b')).toEqual({ kind: 'failed' });
    expect(drawing.problem).toBe(PAGE_PROBLEM);
  });

  it('takes out what a drawing batch wrapped before it threw, then draws each of the others once', () => {
    faults.draw.add('c');
    drawing.sync(all());
    expectDrawn(['a', 'b']);
    expect(drawnText('c').text).toBe('');
    expect(drawing.statuses.get('c')).toEqual({ kind: 'failed' });
    expect(drawing.order()).toEqual(['a', 'b']);
    expect(document.body.textContent).toBe(`${PASSAGES.a} ${PASSAGES.b},${PASSAGES.c}.`);
  });

  it('marks everything failed when the page cannot be read, and recovers on the next pass', () => {
    const annotations = all();
    faults.model = true;
    drawing.sync(annotations);
    expect([...drawing.statuses.values()]).toEqual([
      { kind: 'failed' },
      { kind: 'failed' },
      { kind: 'failed' },
    ]);
    expect(drawing.problem).toBe(PAGE_PROBLEM);
    // Failed passages are retried the way orphans are.
    expect(drawing.needsRetry()).toBe(true);
    faults.model = false;
    drawing.sync(annotations);
    expectDrawn(['a', 'b', 'c']);
    expect(drawing.problem).toBeUndefined();
  });

  it('keeps a new annotation whose drawing throws, and draws it on the next pass', () => {
    faults.draw.add('new');
    const model = buildTextModel(document.body);
    const start = model.text.indexOf(PASSAGES.c);
    const fresh = annotation('new', describeSpan(model, start, start + PASSAGES.c.length));
    expect(drawing.drawNew(model, fresh, start, start + PASSAGES.c.length)).toBe(false);
    expect(drawing.statuses.get('new')).toEqual({ kind: 'failed' });
    expect(drawing.problem).toBe(PAGE_PROBLEM);
    faults.draw.clear();
    drawing.sync([fresh]);
    expect(drawnText('new')).toEqual({ text: PASSAGES.c, nested: false });
    expect(drawing.problem).toBeUndefined();
  });

  it('reports no problem when every step worked', () => {
    drawing.sync(all());
    expectDrawn(['a', 'b', 'c']);
    expect(drawing.problem).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

describe('the status of a passage found in its new place', () => {
  it('is exact and moved when its paragraph moved, exact alone when it stayed', () => {
    const moved = 'Residents along the route will be able to comment on the drawings.';
    const stayed = 'The mayor said the city would publish a quarterly report on spending.';
    const paragraphs = (...p: string[]) => p.map((text) => `<p>${text}</p>`).join('');
    document.body.innerHTML = paragraphs(PASSAGES.a, moved, PASSAGES.c, stayed);
    const annotations = [annotation('moved', targetOf(moved)), annotation('stayed', targetOf(stayed))];
    document.body.innerHTML = paragraphs(PASSAGES.a, PASSAGES.c, stayed, moved);
    drawing.sync(annotations);
    expect(drawing.statuses.get('moved')).toEqual({ kind: 'exact', moved: true });
    expect(drawing.statuses.get('stayed')).toEqual({ kind: 'exact' });
    expect(drawnText('moved').text).toBe(moved);
  });
});
