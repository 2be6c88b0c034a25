/**
 * The in-page coordinator: loads this page's annotations, keeps the drawing in step with
 * the database, and turns the reader's selection into new annotations. Drawing, frames,
 * the toolbar and key handling live in their own modules; this one only wires them.
 */
import { h, render } from 'preact';
import { Toast } from '@/components/Toast';
import { buildTextModel, describeSpan, spanOfRange } from '../anchoring';
import { piecesOf, setHighlightsHidden } from '../highlight';
import type { PageState } from '../messaging';
import { pageKey } from '../page-key';
import type { Theme } from '../settings';
import type { Annotation, HighlightColor } from '../types';
import { Drawing } from './drawing';
import { layoutMargin, type MarginInput } from './margin-layout';
import { NoteFrames } from './note-frames';
import { createPageUi, toDocument } from './page-ui';
import { PageWatch } from './page-watch';
import { usableSelectionRange } from './selection';
import { Toolbar } from './toolbar';

export interface AnnotatorDeps {
  doc: Document;
  win: Window;
  /** The database, reached through the background. */
  store: {
    list(pageKey: string): Promise<Annotation[]>;
    create(annotation: Annotation): Promise<unknown>;
    update(id: string, changes: Partial<Annotation>): Promise<unknown>;
    restore(annotation: Annotation): Promise<unknown>;
    /** Remembers how each annotation was found, for the library's list of orphans. */
    report(pageKey: string, states: Record<string, 'exact' | 'fuzzy' | 'orphan'>): Promise<unknown>;
    /** A one-time ticket that lets one note frame show and edit `id` (see note-frames.ts). */
    ticket(id: string, view: 'card' | 'margin', edit: boolean): Promise<string>;
  };
  settings: { color(): HighlightColor; setColor(color: HighlightColor): void; visible: boolean };
  /** The note frame page (no parameters: the frame learns its annotation from a ticket). */
  frameUrl: string;
  frameOrigin: string;
  newId: () => string;
  /** Aborts when the content script is invalidated (extension reloaded or updated). */
  signal: AbortSignal;
}

function sameRange(a: Range, b: Range): boolean {
  // Ranges in different trees (a selection inside a shadow root) cannot be compared.
  if (a.startContainer.getRootNode() !== b.startContainer.getRootNode()) return false;
  return (
    a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
    a.compareBoundaryPoints(Range.END_TO_END, b) === 0
  );
}

export class Annotator {
  private currentKey: string;
  /** Lists asked for so far, and the number of the newest one drawn (see refresh). */
  private listsAsked = 0;
  private listDrawn = 0;
  /**
   * New annotations a list may not know of yet, each with the number of the last list asked
   * before the background acknowledged the save (Infinity until then). A list asked no later
   * than that may predate the save, so only a later one can show that it was deleted.
   */
  private readonly saving = new Map<string, number>();
  private readonly watch: PageWatch;
  private annotations = new Map<string, Annotation>();
  private readonly drawing: Drawing;
  private readonly ui;
  private readonly toastBox: HTMLElement;
  readonly toolbar: Toolbar;
  readonly frames: NoteFrames;
  private visible: boolean;
  /** The margin-notes setting: off, every note is a marker. */
  private notesInMargin = true;

  constructor(private readonly deps: AnnotatorDeps) {
    this.currentKey = pageKey(deps.win.location.href);
    this.visible = deps.settings.visible;
    this.drawing = new Drawing(() => deps.doc.body);
    this.ui = createPageUi(deps.doc);
    this.toastBox = deps.doc.createElement('div');
    this.ui.layer.append(this.toastBox);
    this.toolbar = new Toolbar(this.ui.layer, deps.win, {
      color: deps.settings.color,
      setColor: deps.settings.setColor,
      highlight: () => void this.createFromSelection(false),
      note: () => void this.createFromSelection(true),
    });
    this.frames = new NoteFrames(
      {
        layer: this.ui.layer,
        win: deps.win,
        frameUrl: deps.frameUrl,
        frameOrigin: deps.frameOrigin,
        ticket: deps.store.ticket,
      },
      (id) => this.openCard(id, false),
    );
    this.setVisible(this.visible);
    this.watch = new PageWatch(
      deps.doc.body,
      deps.win,
      { textChanged: () => this.retry(), navigated: (url) => void this.navigated(url) },
      deps.signal,
    );
  }

  get key(): string {
    return this.currentKey;
  }

  /** Late or re-rendered text: draw what is not drawn yet, from what is already loaded. */
  private retry(): void {
    if (!this.drawing.needsRetry()) return;
    this.watch.quietly(() => this.drawing.sync([...this.annotations.values()]));
    this.layoutMargin();
    this.reportStates();
  }

  private lastReport = '';

  /** Sends the anchoring outcome of this page to the background when it changed. */
  private reportStates(): void {
    const states: Record<string, 'exact' | 'fuzzy' | 'orphan'> = {};
    // A failed passage is Gloss's fault, not news about the page: it is not recorded as anything.
    for (const [id, status] of this.drawing.statuses)
      if (status.kind !== 'pending' && status.kind !== 'failed') states[id] = status.kind;
    const report = JSON.stringify([this.currentKey, states]);
    if (report === this.lastReport) return;
    this.lastReport = report;
    void this.deps.store.report(this.currentKey, states).catch(() => undefined);
  }

  private async navigated(url: string): Promise<void> {
    const key = pageKey(url);
    if (key === this.currentKey) return;
    this.currentKey = key;
    this.frames.closeCard();
    this.toolbar.hide();
    this.watch.quietly(() => this.drawing.clear());
    this.annotations = new Map();
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const key = this.currentKey;
    const asked = ++this.listsAsked;
    const stored = await this.deps.store.list(key);
    if (key !== this.currentKey) return; // navigated meanwhile; that navigation refreshes
    // Lists can answer out of order (a notice comes while a list is in flight). An older
    // answer drawn after a newer one would bring back what was deleted in between.
    if (asked < this.listDrawn) return;
    this.listDrawn = asked;
    // A highlight drawn a moment ago may not be saved yet, or saved after this list was
    // read: it must not look deleted (that would undraw it and close its note editor).
    const storedIds = new Set(stored.map((a) => a.id));
    const unsaved: Annotation[] = [];
    for (const [id, lastBlind] of this.saving) {
      const local = this.annotations.get(id);
      if (asked > lastBlind) this.saving.delete(id);
      else if (local && !storedIds.has(id)) unsaved.push(local);
    }
    const list = [...stored, ...unsaved];
    const previous = this.annotations;
    this.annotations = new Map(list.map((a) => [a.id, a]));
    const gone = this.watch.quietly(() => this.drawing.sync(list));
    if (this.frames.openCardId && gone.includes(this.frames.openCardId)) this.frames.closeCard();
    const deleted = gone.map((id) => previous.get(id)).filter((a): a is Annotation => !!a);
    if (deleted.length === 1) this.offerUndo(deleted[0] as Annotation);
    this.layoutMargin();
    this.reportStates();
  }

  /** Highlights the reader's selection; with `withNote`, opens the note editor on it. */
  async createFromSelection(withNote: boolean, selected?: Range): Promise<void> {
    const { doc, win } = this.deps;
    // The URL may have changed since the watch last looked (it polls): catch up first, or
    // the annotation would be saved under the old page and undrawn by the late navigation.
    this.watch.checkUrl();
    const range = selected ?? usableSelectionRange(doc);
    if (!range) return;
    const described = this.describeRange(range);
    if (!described) return;
    const { model, span, target } = described;
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: this.deps.newId(),
      pageKey: this.key,
      url: win.location.href,
      title: doc.title.trim() || win.location.hostname,
      target,
      note: '',
      tags: [],
      color: this.deps.settings.color(),
      created: now,
      modified: now,
    };
    this.toolbar.hide();
    // A range handed over by the boot script may be stale: the reader may have selected
    // something else while the annotator loaded, and that selection must survive.
    const current = doc.getSelection();
    if (!selected || (current?.rangeCount && sameRange(current.getRangeAt(0), range)))
      current?.removeAllRanges();
    this.watch.quietly(() => this.drawing.drawNew(model, annotation, span.start, span.end));
    this.annotations.set(annotation.id, annotation);
    this.saving.set(annotation.id, Number.POSITIVE_INFINITY);
    try {
      await this.deps.store.create(annotation);
    } catch (error) {
      this.saving.delete(annotation.id);
      this.watch.quietly(() => this.drawing.forget(annotation.id));
      this.annotations.delete(annotation.id);
      this.toast(`Could not save the highlight: ${(error as Error).message}`, 'error');
      return;
    }
    this.saving.set(annotation.id, this.listsAsked);
    if (withNote) this.openCard(annotation.id, true);
  }

  openCard(id: string, edit: boolean): void {
    const piece = this.pieces(id).at(-1);
    if (!piece) return;
    const rects = piece.getClientRects();
    this.frames.openCard(id, rects[rects.length - 1] ?? piece.getBoundingClientRect(), edit);
  }

  scrollTo(id: string): boolean {
    const pieces = this.pieces(id);
    const first = pieces[0];
    if (!first) return false;
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    for (const piece of pieces) piece.classList.add('gloss-hl-flash');
    this.deps.win.setTimeout(() => {
      for (const piece of pieces) piece.classList.remove('gloss-hl-flash');
    }, 1600);
    return true;
  }

  ownsEvent(event: Event): boolean {
    return this.ui.contains(event);
  }

  /** The reader pressed the pointer on the page: a new selection may start. */
  beginDrag(): void {
    this.toolbar.hide();
    this.ui.passThrough(true);
  }

  endDrag(): void {
    this.ui.passThrough(false);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    setHighlightsHidden(this.deps.doc, !visible);
    this.ui.layer.style.display = visible ? '' : 'none';
  }

  /** The theme setting, for the toolbar, card and margin notes (lib/annotator/page-ui-css.ts). */
  setTheme(theme: Theme): void {
    this.ui.layer.setAttribute('data-theme', theme);
  }

  setMarginNotes(on: boolean): void {
    if (on === this.notesInMargin) return;
    this.notesInMargin = on;
    this.layoutMargin();
  }

  /** Replaces the stored selectors of `id` with the reader's current selection. */
  async reattach(id: string): Promise<boolean> {
    const range = usableSelectionRange(this.deps.doc);
    const described = range && this.annotations.has(id) ? this.describeRange(range) : null;
    if (!described) return false;
    this.deps.doc.getSelection()?.removeAllRanges();
    await this.deps.store.update(id, { target: described.target });
    return true;
  }

  /** Makes the text a fuzzy anchor found the new stored quote. */
  async acceptAnchoredText(id: string): Promise<boolean> {
    const pieces = this.pieces(id);
    const first = pieces[0];
    const last = pieces.at(-1);
    if (!first || !last) return false;
    const range = this.deps.doc.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    const described = this.describeRange(range);
    if (!described) return false;
    await this.deps.store.update(id, { target: described.target });
    return true;
  }

  state(): PageState {
    return {
      pageKey: this.key,
      highlightsVisible: this.visible,
      statuses: Object.fromEntries(this.drawing.statuses),
      order: this.drawing.order(),
      ...(this.drawing.problem ? { problem: this.drawing.problem } : {}),
    };
  }

  layoutMargin(): void {
    const { win } = this.deps;
    const inputs: MarginInput[] = [];
    for (const annotation of this.annotations.values()) {
      if (!annotation.note.trim()) continue;
      const pieces = this.pieces(annotation.id);
      const first = pieces[0];
      const last = pieces.at(-1);
      if (!first || !last) continue;
      const block =
        first.parentElement?.closest('p,li,blockquote,dd,td,h1,h2,h3,h4,h5,h6,pre,div,article,section') ??
        first;
      const lastRects = last.getClientRects();
      const end = toDocument(lastRects[lastRects.length - 1] ?? last.getBoundingClientRect(), win);
      inputs.push({
        id: annotation.id,
        top: toDocument(first.getBoundingClientRect(), win).top,
        endRight: end.right,
        endTop: end.top,
        blockRight: toDocument(block.getBoundingClientRect(), win).right,
      });
    }
    const { items, markers } = layoutMargin(
      inputs,
      this.deps.doc.documentElement.clientWidth + win.scrollX,
      this.notesInMargin,
    );
    this.frames.placeMargin(items, markers);
  }

  hasAnnotation(id: string): boolean {
    return this.annotations.has(id);
  }

  private pieces(id: string): Element[] {
    return piecesOf(this.deps.doc, id);
  }

  /** The text model of the page, the span `range` covers in it, and that span's selectors. */
  private describeRange(range: Range) {
    const model = buildTextModel(this.deps.doc.body);
    const span = spanOfRange(model, range);
    return span ? { model, span, target: describeSpan(model, span.start, span.end) } : null;
  }

  private offerUndo(annotation: Annotation): void {
    this.toast('Highlight deleted.', 'info', 'Undo', () => {
      this.deps.store
        .restore(annotation)
        .catch((error: unknown) => this.toast(`Could not undo: ${(error as Error).message}`, 'error'));
    });
  }

  /** The one toast on screen; `shown` numbers them. */
  private toastTimer = 0;
  private shown = 0;

  toast(message: string, tone: 'info' | 'error' = 'info', actionLabel?: string, onAction?: () => void): void {
    const { win } = this.deps;
    // A new toast replaces the last one, whose timer would otherwise close it early.
    win.clearTimeout(this.toastTimer);
    const clear = () => {
      win.clearTimeout(this.toastTimer);
      render(null, this.toastBox);
    };
    render(
      h(Toast, {
        // A new element each time: focus left on the last toast's Undo must not act for this one.
        key: ++this.shown,
        message,
        tone,
        actionLabel,
        onAction:
          onAction &&
          (() => {
            onAction();
            clear();
          }),
      }),
      this.toastBox,
    );
    this.toastTimer = win.setTimeout(clear, 8000);
  }

  destroy(): void {
    this.watch.stop();
    this.frames.destroy();
    this.ui.destroy();
  }

  /** Takes Gloss out of the page altogether, highlights too (Gloss was turned off for the site). */
  remove(): void {
    this.watch.quietly(() => this.drawing.clear());
    this.destroy();
  }
}
