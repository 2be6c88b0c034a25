/**
 * Note cards and margin notes as extension-origin iframes. Note text shown or typed inside
 * the page's DOM would be readable by page scripts (DOM walks, MutationObservers, key
 * listeners on the bubbling path); inside a cross-origin frame it is not.
 *
 * Trust boundary: a frame's URL names nothing (the page can read URLs from resource
 * timing); after it loads, this script posts it a one-time ticket from the background
 * together with one end of a MessageChannel, addressed to that frame's window and the
 * extension's origin only. The frame redeems the ticket for its one annotation and talks
 * back (resize, close, open) over the channel, never over the page's `window` message bus,
 * so the page neither sees nor forges that traffic. Shown by tests/e2e/hostile-page.e2e.ts.
 */
import { type FrameMessage, parseFrameMessage } from './frame-messages';
import { toDocument } from './page-ui';

export interface FrameHost {
  layer: HTMLElement;
  win: Window;
  /** The note frame page, without parameters. */
  frameUrl: string;
  frameOrigin: string;
  /** A one-time ticket for a frame showing `id` (from the background). */
  ticket(id: string, view: 'card' | 'margin', edit: boolean): Promise<string>;
}

const CARD_WIDTH = 340;
/** The least a card may grow to however small the window (beyond it, it scrolls inside). */
const CARD_MIN_CAP = 240;

interface OpenFrame {
  frame: HTMLIFrameElement;
  port: MessagePort;
}

export class NoteFrames {
  private card: (OpenFrame & { id: string }) | null = null;
  private readonly margin = new Map<string, OpenFrame>();
  private readonly markers = new Map<string, HTMLElement>();

  constructor(
    private readonly host: FrameHost,
    private readonly openCardFor: (id: string) => void,
  ) {}

  get openCardId(): string | null {
    return this.card?.id ?? null;
  }

  /** Opens the card of `id` below `anchor`; `edit` puts the cursor in the note field. */
  openCard(id: string, anchor: DOMRect, edit: boolean): void {
    this.closeCard();
    const opened = this.createFrame(id, 'card', edit, 'frame', 'Gloss note');
    const place = toDocument(anchor, this.host.win);
    const maxLeft = this.host.win.scrollX + this.host.win.innerWidth - CARD_WIDTH - 12;
    Object.assign(opened.frame.style, {
      top: `${place.bottom + 8}px`,
      left: `${Math.max(8, Math.min(place.left, maxLeft))}px`,
      width: `${CARD_WIDTH}px`,
      height: '200px',
    });
    opened.frame.addEventListener('load', () => opened.frame.focus());
    this.card = { id, ...opened };
  }

  closeCard(): void {
    if (!this.card) return;
    const { frame, port } = this.card;
    this.card = null;
    port.close();
    // Removing a focused frame while the key that closed it (Escape) is still being
    // delivered stalls Chromium's input pipeline: hide it, give the page its focus back,
    // and remove it a moment later.
    frame.style.setProperty('display', 'none');
    frame.blur();
    this.host.win.focus();
    this.host.win.setTimeout(() => frame.remove(), 100);
  }

  /** Shows `ids` in the margin at the given document positions (already stacked). */
  placeMargin(
    items: { id: string; top: number; left: number; width: number }[],
    markers: { id: string; top: number; left: number }[],
  ): void {
    const keepFrames = new Set(items.map((i) => i.id));
    for (const [id, opened] of this.margin) {
      if (keepFrames.has(id)) continue;
      opened.port.close();
      opened.frame.remove();
      this.margin.delete(id);
    }
    const keepMarkers = new Set(markers.map((m) => m.id));
    for (const [id, button] of this.markers) {
      if (keepMarkers.has(id)) continue;
      button.remove();
      this.markers.delete(id);
    }
    for (const item of items) {
      let opened = this.margin.get(item.id);
      if (!opened) {
        opened = this.createFrame(item.id, 'margin', false, 'margin-frame', 'Gloss margin note');
        opened.frame.style.height = '48px';
        this.margin.set(item.id, opened);
      }
      Object.assign(opened.frame.style, {
        top: `${item.top}px`,
        left: `${item.left}px`,
        width: `${item.width}px`,
      });
    }
    const doc = this.host.layer.ownerDocument;
    for (const marker of markers) {
      let button = this.markers.get(marker.id);
      if (!button) {
        button = doc.createElement('button');
        button.className = 'marker';
        button.textContent = '✎';
        button.setAttribute('aria-label', 'Open note');
        button.title = 'Open note';
        button.addEventListener('click', (event) => event.isTrusted && this.openCardFor(marker.id));
        this.host.layer.append(button);
        this.markers.set(marker.id, button);
      }
      Object.assign(button.style, { top: `${marker.top}px`, left: `${marker.left}px` });
    }
  }

  /** A frame for `id`, handed its ticket and channel once it has loaded. */
  private createFrame(
    id: string,
    view: 'card' | 'margin',
    edit: boolean,
    className: string,
    title: string,
  ): OpenFrame {
    const frame = this.host.layer.ownerDocument.createElement('iframe');
    frame.className = className;
    frame.title = title;
    frame.src = this.host.frameUrl;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      const message = parseFrameMessage(event.data);
      if (message) this.receive(frame, id, view, message);
    };
    const ticket = this.host.ticket(id, view, edit);
    let delivered = false;
    frame.addEventListener('load', () => {
      if (delivered) return; // a reload (the page navigating the frame) gets no second ticket
      delivered = true;
      void ticket.then(
        (value) =>
          frame.contentWindow?.postMessage({ gloss: 'ticket', ticket: value }, this.host.frameOrigin, [
            channel.port2,
          ]),
        () => frame.remove(),
      );
    });
    this.host.layer.append(frame);
    return { frame, port: channel.port1 };
  }

  private receive(
    frame: HTMLIFrameElement,
    id: string,
    view: 'card' | 'margin',
    message: FrameMessage,
  ): void {
    if (message.action === 'resize') {
      // As tall as its content (the frame measures it); a card taller than most of the
      // window scrolls inside instead.
      const fit = Math.ceil(message.height) + 2;
      const most = Math.max(CARD_MIN_CAP, Math.floor(this.host.win.innerHeight * 0.8));
      frame.style.height = `${view === 'card' ? Math.min(fit, most) : fit}px`;
    } else if (message.action === 'close' && view === 'card') this.closeCard();
    else if (message.action === 'open' && view === 'margin') this.openCardFor(id);
  }

  destroy(): void {
    this.closeCard();
    for (const opened of this.margin.values()) {
      opened.port.close();
      opened.frame.remove();
    }
    for (const button of this.markers.values()) button.remove();
    this.margin.clear();
    this.markers.clear();
  }
}
