/**
 * What runs on every page: one message asking whether the page has annotations, and
 * watchers for the reader's first gesture (a selection, `h`/`n`, the context menu). Only
 * then is the full annotator (drawing, matching, note UI) injected, so pages the reader
 * never annotates pay for a few listeners and nothing more.
 */
import { type AnnotatorHandle, annotatorLoaded, annotatorReady, type PageAction } from '../annotator/handoff';
import { isEditable, usableSelectionRange } from '../annotator/selection';
import type { PageState } from '../messaging';
import { pageKey } from '../page-key';
import { type BootRequest, parseBootRequest } from './requests';

const URL_POLL = 1000;

export interface BootDeps {
  doc: Document;
  win: Window;
  count(pageKey: string): Promise<number>;
  inject(): Promise<unknown>;
  highlightsVisible(): Promise<boolean>;
  /** Whether the reader turned Gloss off for this site; absent, it is always on. */
  site?: SiteSwitch;
  signal: AbortSignal;
}

/** The site's entry in the `disabledSites` setting, read and followed (lib/boot/runtime.ts). */
export interface SiteSwitch {
  isOff(): Promise<boolean>;
  onChange(listener: (off: boolean) => void): void;
}

/** Shown to the reader (popup, side panel) when the page's annotations could not be looked up or shown. */
export const BOOT_PROBLEM = 'Gloss could not load its highlights on this page.';

export class Boot {
  private loading: Promise<AnnotatorHandle> | null = null;
  /** The last attempt to inject the annotator threw. */
  private loadFailed = false;
  /** The last question whether the page has annotations threw (the background was unreachable). */
  private countFailed = false;
  /**
   * Gloss is off for this site: no gesture, key or notice loads the annotator (which takes
   * itself out of the page on the same change, see entrypoints/annotator.content).
   */
  private off = false;

  constructor(private readonly deps: BootDeps) {}

  /** The annotator, injected on first call, and on the next call again if that failed. */
  load(): Promise<AnnotatorHandle> {
    this.loading ??= this.deps
      .inject()
      .then(() => annotatorReady())
      .catch((error: unknown) => {
        // A failure is often passing (the service worker was stopped mid-request): kept, it
        // would answer every later gesture and Gloss would never load on this page.
        this.loading = null;
        this.loadFailed = true;
        throw error;
      });
    return this.loading;
  }

  async start(): Promise<void> {
    this.watchGestures();
    this.watchUrl();
    const { site } = this.deps;
    if (site) {
      let changed = false;
      site.onChange((off) => {
        changed = true;
        this.turn(off);
      });
      const off = await site.isOff().catch(() => false);
      if (!changed) this.off = off; // a change seen meanwhile is newer than this read
    }
    await this.loadIfAnnotated();
  }

  private turn(off: boolean): void {
    if (off === this.off) return;
    this.off = off;
    this.pending = null;
    if (off) return;
    // Back on: the annotator left when the site was turned off (or never came); a new one
    // is injected if the page has annotations, which draws them again.
    if (!annotatorLoaded()) this.loading = null;
    void this.loadIfAnnotated().catch(() => undefined); // already in the page state
  }

  /**
   * The request this script answers, or null: once the annotator is loaded it answers
   * everything itself, and requests about highlights need it loaded anyway.
   */
  claim(raw: unknown): BootRequest | null {
    return annotatorLoaded() ? null : parseBootRequest(raw);
  }

  async answer(message: BootRequest): Promise<unknown> {
    if (message.type === 'annotationsChanged') {
      await this.loadIfAnnotated();
      return true;
    }
    if (message.type === 'runAction') {
      if (this.off) return false;
      await (await this.load()).run(message.action);
      return true;
    }
    const state: PageState = {
      pageKey: pageKey(this.deps.win.location.href),
      highlightsVisible: await this.deps.highlightsVisible(),
      statuses: {},
      order: [],
      ...(this.loadFailed || this.countFailed ? { problem: BOOT_PROBLEM } : {}),
    };
    return state;
  }

  private async loadIfAnnotated(): Promise<void> {
    if (this.loading || this.off) return;
    let count: number;
    try {
      count = await this.deps.count(pageKey(this.deps.win.location.href));
      this.countFailed = false;
    } catch (error) {
      this.countFailed = true;
      throw error;
    }
    if (count > 0) await this.load();
  }

  /** A key pressed while the annotator is still loading: one passage gets one annotation. */
  private pending: { action: PageAction; range?: Range } | null = null;

  private act(action: PageAction): void {
    if (this.pending) {
      // `h` twice, or `h` then `n`, before the annotator is in: still one annotation, with
      // the note editor if either key asked for it.
      if (action === 'note') this.pending.action = 'note';
      return;
    }
    // The selection may change while the annotator loads: act on the one the reader saw.
    this.pending = { action, range: usableSelectionRange(this.deps.doc)?.cloneRange() };
    void this.load()
      .then((handle) => {
        const wanted = this.pending;
        this.pending = null;
        return wanted && handle.run(wanted.action, wanted.range);
      })
      // A failed injection is already in the page state (BOOT_PROBLEM); the next key retries.
      .catch(() => {
        this.pending = null;
      });
  }

  private watchGestures(): void {
    const { doc, win, signal } = this.deps;
    const options = { capture: true, signal };
    const gesture = (event: Event) => {
      if (!event.isTrusted || this.off || annotatorLoaded() || !usableSelectionRange(doc)) return;
      void this.load()
        .then((handle) => handle.selectionGesture())
        .catch(() => undefined); // already reported in the page state; the next gesture retries
    };
    doc.addEventListener('mouseup', gesture, options);
    doc.addEventListener('keyup', (e) => (e.shiftKey || e.key === 'Shift') && gesture(e), options);
    win.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || this.off || annotatorLoaded()) return;
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const key = event.key.toLowerCase();
        if ((key !== 'h' && key !== 'n') || event.repeat) return;
        if (isEditable(doc.activeElement) || !usableSelectionRange(doc)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        this.act(key === 'n' ? 'note' : 'highlight');
      },
      options,
    );
  }

  /** Single-page sites change URL without reloading: the new page may have annotations. */
  private watchUrl(): void {
    let last = this.deps.win.location.href;
    const timer = this.deps.win.setInterval(() => {
      const url = this.deps.win.location.href;
      if (url === last || this.loading) return;
      last = url;
      void this.loadIfAnnotated();
    }, URL_POLL);
    this.deps.signal.addEventListener('abort', () => this.deps.win.clearInterval(timer));
  }
}
