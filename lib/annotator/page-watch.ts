/**
 * Watching the page for the two things that undo a drawing pass: text that arrives or is
 * replaced after load (late content, framework re-renders), and single-page navigations
 * that swap the article without a reload. Work is debounced and capped: a page that
 * mutates constantly (tickers, infinite scroll) costs at most one check per MAX_WAIT.
 */

const QUIET = 250;
const MAX_WAIT = 2000;
const POLL_URL = 1000;

export interface PageWatchEvents {
  /** Text was added or replaced somewhere outside Gloss's own elements. */
  textChanged(): void;
  /** The document's URL changed without a reload. */
  navigated(url: string): void;
}

function addsText(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  for (const node of record.addedNodes) {
    if (node.nodeType === Node.TEXT_NODE ? (node as Text).data.trim() : node.textContent?.trim()) return true;
  }
  // A re-render that only removes nodes can take highlights with it.
  return record.removedNodes.length > 0;
}

export class PageWatch {
  private readonly observer: MutationObserver;
  private quietTimer = 0;
  private maxTimer = 0;
  private lastUrl: string;
  private pollTimer = 0;
  /** Number of checks run, for the benchmark's CPU figures. */
  checks = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly win: Window,
    private readonly events: PageWatchEvents,
    signal: AbortSignal,
  ) {
    this.lastUrl = win.location.href;
    this.observer = new MutationObserver((records) => {
      if (records.some(addsText)) this.schedule();
    });
    this.observe();
    const check = () => this.checkUrl();
    // The Navigation API reports pushState at once where it exists; the poll is the
    // fallback (Firefox) and the safety net for frameworks that bypass history entirely.
    const navigation = (win as Window & { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('currententrychange', check, { signal });
    this.pollTimer = win.setInterval(check, POLL_URL);
    win.addEventListener('popstate', check, { signal });
    win.addEventListener('hashchange', check, { signal });
    signal.addEventListener('abort', () => this.stop());
  }

  /** Runs `work` (Gloss's own DOM changes) without reacting to the mutations it makes. */
  quietly<T>(work: () => T): T {
    this.observer.disconnect();
    try {
      return work();
    } finally {
      this.observe();
    }
  }

  stop(): void {
    this.observer.disconnect();
    this.win.clearTimeout(this.quietTimer);
    this.win.clearTimeout(this.maxTimer);
    this.win.clearInterval(this.pollTimer);
  }

  private observe(): void {
    this.observer.observe(this.root, { childList: true, characterData: true, subtree: true });
  }

  private schedule(): void {
    this.win.clearTimeout(this.quietTimer);
    this.quietTimer = this.win.setTimeout(() => this.fire(), QUIET);
    if (!this.maxTimer) this.maxTimer = this.win.setTimeout(() => this.fire(), MAX_WAIT);
  }

  private fire(): void {
    this.win.clearTimeout(this.quietTimer);
    this.win.clearTimeout(this.maxTimer);
    this.quietTimer = 0;
    this.maxTimer = 0;
    this.checks++;
    this.events.textChanged();
  }

  /** Reports a navigation now if the URL changed since the last look. */
  checkUrl(): void {
    const url = this.win.location.href;
    if (url === this.lastUrl) return;
    this.lastUrl = url;
    this.events.navigated(url);
  }
}
