/**
 * The in-page coordinator on a real article, against a fake store whose answers the tests
 * release by hand: lists, saves and timers arrive in the orders that once broke it (an
 * older list drawn after a newer one, a list that predates a save, an old toast's timer).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTextModel, describeSpan } from '../../lib/anchoring';
import { Annotator } from '../../lib/annotator/annotator';
import { piecesOf } from '../../lib/highlight';
import { pageKey } from '../../lib/page-key';
import type { Annotation } from '../../lib/types';

interface Pending<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function pending<T>(): Pending<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Every list and save waits until the test answers it; the rest answers at once. */
class FakeStore {
  readonly lists: { key: string; answer: Pending<Annotation[]> }[] = [];
  readonly creates: { annotation: Annotation; answer: Pending<unknown> }[] = [];
  readonly restore = vi.fn(async (_annotation: Annotation): Promise<unknown> => true);
  readonly update = vi.fn(async (_id: string, _changes: Partial<Annotation>): Promise<unknown> => true);
  readonly report = vi.fn(async (_key: string, _states: Record<string, string>): Promise<unknown> => true);
  readonly ticket = vi.fn(async (): Promise<string> => 'ticket-0123456789abcdef');

  list = (key: string): Promise<Annotation[]> => {
    const answer = pending<Annotation[]>();
    this.lists.push({ key, answer });
    return answer.promise;
  };

  create = (annotation: Annotation): Promise<unknown> => {
    const answer = pending<unknown>();
    this.creates.push({ annotation, answer });
    return answer.promise;
  };

  /** Answers list number `index` (0 is the first asked) with `annotations`. */
  answerList(index: number, annotations: Annotation[]): void {
    const list = this.lists[index];
    if (!list) throw new Error(`no list number ${index} was asked`);
    list.answer.resolve(annotations);
  }
}

const PASSAGES = {
  a: 'The committee approved the new budget',
  b: 'after a long debate on Tuesday evening',
  c: 'ending a stalemate that had lasted months',
};
type PassageId = keyof typeof PASSAGES;

const ARTICLE = `<article><h1>Budget passes</h1><p>${PASSAGES.a} ${PASSAGES.b},</p><p>${PASSAGES.c}. The vote was close.</p></article>`;

/** A stored annotation on one of the passages, described from the undrawn article. */
function stored(id: PassageId): Annotation {
  const model = buildTextModel(document.body);
  const start = model.text.indexOf(PASSAGES[id]);
  return {
    id,
    pageKey: pageKey(location.href),
    url: location.href,
    title: 'Budget passes',
    target: describeSpan(model, start, start + PASSAGES[id].length),
    note: '',
    tags: [],
    color: 'yellow',
    created: '2026-11-29T10:00:00.000Z',
    modified: '2026-11-29T10:00:00.000Z',
  };
}

const drawnText = (id: string) =>
  piecesOf(document, id)
    .map((piece) => piece.textContent)
    .join('');

function select(text: string): void {
  const node = [...document.querySelectorAll('p')]
    .flatMap((p) => [...p.childNodes])
    .find((child) => child.textContent?.includes(text));
  if (!node) throw new Error(`no text node holds "${text}"`);
  const start = (node.textContent ?? '').indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** happy-dom leaves `isTrusted` unset, and Gloss's controls ignore script-made events. */
function trustedClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

// Gloss's UI sits in a closed shadow root, out of page scripts' reach; the test keeps the
// reference that only the content script holds.
let shadow: ShadowRoot | null = null;
const toast = () => shadow?.querySelector('.toast') ?? null;
const undoButton = () => shadow?.querySelector('.toast button') ?? null;

let store: FakeStore;
let annotator: Annotator;
let controller: AbortController;

function start(): void {
  store = new FakeStore();
  controller = new AbortController();
  let created = 0;
  annotator = new Annotator({
    doc: document,
    win: window,
    store,
    settings: { color: () => 'yellow', setColor: () => undefined, visible: true },
    frameUrl: 'about:blank',
    frameOrigin: 'chrome-extension://gloss-test',
    newId: () => `new-${++created}`,
    signal: controller.signal,
  });
}

/** A first refresh answered with `annotations`, as when the annotator loads. */
async function loaded(annotations: Annotation[]): Promise<void> {
  const done = annotator.refresh();
  store.answerList(store.lists.length - 1, annotations);
  await done;
}

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    shadow = attachShadow.call(this, init);
    return shadow;
  });
});

afterEach(() => {
  annotator.destroy();
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  shadow = null;
  history.replaceState(null, '', '/');
});

describe('Annotator.refresh', () => {
  it('draws the stored annotations and reports how each was found', async () => {
    start();
    await loaded([stored('a'), stored('c')]);
    expect(drawnText('a')).toBe(PASSAGES.a);
    expect(drawnText('b')).toBe('');
    expect(drawnText('c')).toBe(PASSAGES.c);
    expect(annotator.state().order).toEqual(['a', 'c']);
    expect(store.report).toHaveBeenLastCalledWith(pageKey(location.href), { a: 'exact', c: 'exact' });
  });

  it('ends in the newest state when two lists answer out of order', async () => {
    start();
    await loaded([stored('a'), stored('b')]);
    const older = annotator.refresh();
    const newer = annotator.refresh();
    // `a` was deleted between the two lists: the newer one knows, the older one does not.
    store.answerList(2, [stored('b')]);
    await newer;
    store.answerList(1, [stored('a'), stored('b')]);
    await older;
    expect(drawnText('a')).toBe('');
    expect(annotator.hasAnnotation('a')).toBe(false);
    expect(annotator.state().order).toEqual(['b']);
    expect(toast()?.textContent).toContain('Highlight deleted.');
  });

  it('offers an Undo for a highlight a refresh finds deleted, which restores that annotation', async () => {
    start();
    const a = stored('a');
    await loaded([a, stored('b')]);
    await loaded([stored('b')]);
    expect(toast()?.textContent).toContain('Highlight deleted.');
    const undo = undoButton();
    if (!undo) throw new Error('no Undo button');
    trustedClick(undo);
    expect(store.restore).toHaveBeenCalledTimes(1);
    expect(store.restore).toHaveBeenCalledWith(a);
    expect(toast()).toBeNull();
  });

  it('says so when the Undo cannot be saved', async () => {
    start();
    await loaded([stored('a')]);
    await loaded([]);
    store.restore.mockRejectedValueOnce(new Error('Could not establish connection'));
    const undo = undoButton();
    if (!undo) throw new Error('no Undo button');
    trustedClick(undo);
    await vi.waitFor(() =>
      expect(toast()?.textContent).toContain('Could not undo: Could not establish connection'),
    );
  });

  it('gives a second deletion its own Undo button, which restores the second', async () => {
    start();
    const b = stored('b');
    await loaded([stored('a'), b, stored('c')]);
    await loaded([b, stored('c')]);
    const first = undoButton();
    await loaded([stored('c')]);
    const second = undoButton();
    if (!first || !second) throw new Error('no Undo button');
    // A button kept for the second toast would keep the focus a reader gave the first one.
    expect(first.isConnected).toBe(false);
    trustedClick(second);
    expect(store.restore).toHaveBeenCalledTimes(1);
    expect(store.restore).toHaveBeenCalledWith(b);
  });

  it('opens no card for a highlight a refresh just removed', async () => {
    start();
    await loaded([stored('a')]);
    await loaded([]);
    annotator.openCard('a', true);
    expect(annotator.frames.openCardId).toBeNull();
    expect(shadow?.querySelector('iframe')).toBeNull();
  });
});

describe('Annotator.toast', () => {
  it('keeps a newer toast on screen past the older toast’s timer', () => {
    vi.useFakeTimers();
    start();
    annotator.toast('First');
    vi.advanceTimersByTime(5_000);
    annotator.toast('Second');
    vi.advanceTimersByTime(3_500); // the first toast's 8 s are over
    expect(toast()?.textContent).toBe('Second');
    vi.advanceTimersByTime(5_000); // and so are the second's
    expect(toast()).toBeNull();
  });
});

describe('Annotator.createFromSelection', () => {
  it('draws the selection at once and saves it', async () => {
    start();
    await loaded([]);
    select(PASSAGES.b);
    const done = annotator.createFromSelection(false);
    expect(drawnText('new-1')).toBe(PASSAGES.b);
    expect(document.getSelection()?.isCollapsed).toBe(true);
    expect(store.creates).toHaveLength(1);
    const saved = store.creates[0]?.annotation;
    expect(saved).toMatchObject({ id: 'new-1', pageKey: pageKey(location.href), color: 'yellow', note: '' });
    expect(saved?.target.quote?.exact).toBe(PASSAGES.b);
    store.creates[0]?.answer.resolve(true);
    await done;
    expect(drawnText('new-1')).toBe(PASSAGES.b);
    expect(toast()).toBeNull();
  });

  it('undraws it and says so when the save fails', async () => {
    start();
    await loaded([]);
    select(PASSAGES.b);
    const done = annotator.createFromSelection(false);
    store.creates[0]?.answer.reject(new Error('Could not establish connection'));
    await done;
    expect(drawnText('new-1')).toBe('');
    expect(annotator.hasAnnotation('new-1')).toBe(false);
    expect(toast()?.getAttribute('role')).toBe('alert');
    expect(toast()?.textContent).toContain('Could not save the highlight: Could not establish connection');
  });

  it('keeps the new highlight when a list answers before the save is acknowledged', async () => {
    start();
    await loaded([stored('a')]);
    select(PASSAGES.b);
    const done = annotator.createFromSelection(false);
    await loaded([stored('a')]);
    expect(drawnText('new-1')).toBe(PASSAGES.b);
    expect(toast()).toBeNull();
    store.creates[0]?.answer.resolve(true);
    await done;
  });

  it('keeps it when a list asked before the acknowledgement answers after it', async () => {
    start();
    await loaded([]);
    select(PASSAGES.b);
    const done = annotator.createFromSelection(false);
    const blind = annotator.refresh(); // read before the save reached the database
    store.creates[0]?.answer.resolve(true);
    await done;
    store.answerList(1, []);
    await blind;
    expect(drawnText('new-1')).toBe(PASSAGES.b);
    expect(toast()).toBeNull();
    // A list asked after the acknowledgement is believed: without it, it was deleted.
    await loaded([]);
    expect(drawnText('new-1')).toBe('');
    expect(toast()?.textContent).toContain('Highlight deleted.');
  });

  it('saves under the page the URL now names, even before the watch noticed the change', async () => {
    vi.useFakeTimers();
    start();
    await loaded([]);
    history.pushState(null, '', '/next-article');
    select(PASSAGES.c);
    const done = annotator.createFromSelection(false);
    const saved = store.creates[0]?.annotation;
    expect(saved?.pageKey).toBe(pageKey(location.href));
    expect(saved?.url).toBe(location.href);
    expect(store.lists.at(-1)?.key).toBe(pageKey(location.href));
    store.creates[0]?.answer.resolve(true);
    await done;
    vi.advanceTimersByTime(1_000); // the watch's URL poll comes round
    expect(drawnText('new-1')).toBe(PASSAGES.c);
  });
});

describe('Annotator.beginDrag', () => {
  it('hides the toolbar and lets the pointer through until the drag ends', () => {
    start();
    select(PASSAGES.a);
    const range = document.getSelection()?.getRangeAt(0);
    if (!range) throw new Error('no selection');
    annotator.toolbar.show(range);
    expect(annotator.toolbar.visible).toBe(true);
    annotator.beginDrag();
    expect(annotator.toolbar.visible).toBe(false);
    const layer = shadow?.querySelector<HTMLElement>('.layer');
    expect(layer?.style.getPropertyValue('pointer-events')).toBe('none');
    annotator.endDrag();
    expect(layer?.style.getPropertyValue('pointer-events')).toBe('');
  });
});
