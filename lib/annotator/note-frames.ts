/**
 * Note cards and margin notes as extension-origin iframes. Note text shown or typed inside
 * the page's DOM would be readable by page scripts (DOM walks, MutationObservers, key
 * listeners on the bubbling path); inside a cross-origin frame it is not. The page sees only
 * the frame element and its size.
 */
import { parseFrameMessage } from './frame-messages';
import { toDocument } from './page-ui';

export interface FrameHost {
  layer: HTMLElement;
  win: Window;
  frameUrl: (params: Record<string, string>) => string;
  frameOrigin: string;
}

const CARD_WIDTH = 340;

export class NoteFrames {
  private card: { id: string; frame: HTMLIFrameElement } | null = null;
  private margin = new Map<string, HTMLElement>();
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  constructor(
    private readonly host: FrameHost,
    private readonly openCardFor: (id: string) => void,
  ) {
    host.win.addEventListener('message', this.onMessage);
  }

  get openCardId(): string | null {
    return this.card?.id ?? null;
  }

  /** Opens the card of `id` below `anchor`; `edit` puts the cursor in the note field. */
  openCard(id: string, anchor: DOMRect, edit: boolean): void {
    this.closeCard();
    const frame = this.host.layer.ownerDocument.createElement('iframe');
    frame.className = 'frame';
    frame.title = 'Gloss note';
    frame.src = this.host.frameUrl({ id, view: 'card', edit: edit ? '1' : '0' });
    const place = toDocument(anchor, this.host.win);
    const maxLeft = this.host.win.scrollX + this.host.win.innerWidth - CARD_WIDTH - 12;
    frame.style.cssText = `top:${place.bottom + 8}px;left:${Math.max(8, Math.min(place.left, maxLeft))}px;width:${CARD_WIDTH}px;height:200px;`;
    frame.addEventListener('load', () => frame.focus());
    this.host.layer.append(frame);
    this.card = { id, frame };
  }

  closeCard(): void {
    this.card?.frame.remove();
    this.card = null;
  }

  /** Shows `ids` in the margin at the given document positions (already stacked). */
  placeMargin(
    items: { id: string; top: number; left: number; width: number }[],
    markers: { id: string; top: number; left: number }[],
  ): void {
    const keep = new Set([...items.map((i) => `m:${i.id}`), ...markers.map((m) => `k:${m.id}`)]);
    for (const [key, element] of this.margin) {
      if (!keep.has(key)) {
        element.remove();
        this.margin.delete(key);
      }
    }
    const doc = this.host.layer.ownerDocument;
    for (const item of items) {
      let frame = this.margin.get(`m:${item.id}`) as HTMLIFrameElement | undefined;
      if (!frame) {
        frame = doc.createElement('iframe');
        frame.className = 'margin-frame';
        frame.title = 'Gloss margin note';
        frame.src = this.host.frameUrl({ id: item.id, view: 'margin' });
        frame.style.height = '48px';
        this.host.layer.append(frame);
        this.margin.set(`m:${item.id}`, frame);
      }
      Object.assign(frame.style, { top: `${item.top}px`, left: `${item.left}px`, width: `${item.width}px` });
    }
    for (const marker of markers) {
      let button = this.margin.get(`k:${marker.id}`);
      if (!button) {
        button = doc.createElement('button');
        button.className = 'marker';
        button.textContent = '✎';
        button.setAttribute('aria-label', 'Open note');
        button.title = 'Open note';
        button.addEventListener('click', (event) => event.isTrusted && this.openCardFor(marker.id));
        this.host.layer.append(button);
        this.margin.set(`k:${marker.id}`, button);
      }
      Object.assign(button.style, { top: `${marker.top}px`, left: `${marker.left}px` });
    }
  }

  private frameOf(source: MessageEventSource | null): { frame: HTMLIFrameElement; id: string | null } | null {
    if (this.card && source === this.card.frame.contentWindow) return { frame: this.card.frame, id: null };
    for (const [key, element] of this.margin) {
      if (element instanceof HTMLIFrameElement && source === element.contentWindow)
        return { frame: element, id: key.slice(2) };
    }
    return null;
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== this.host.frameOrigin) return;
    const from = this.frameOf(event.source);
    const message = parseFrameMessage(event.data);
    if (!from || !message) return;
    if (message.action === 'resize') from.frame.style.height = `${Math.ceil(message.height) + 2}px`;
    else if (message.action === 'close' && !from.id) this.closeCard();
    else if (message.action === 'open' && from.id) this.openCardFor(from.id);
  }

  destroy(): void {
    this.host.win.removeEventListener('message', this.onMessage);
    this.closeCard();
    for (const element of this.margin.values()) element.remove();
    this.margin.clear();
  }
}
