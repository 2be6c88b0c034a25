// @vitest-environment jsdom
/**
 * Note frames against the page (the trust boundary in lib/annotator/note-frames.ts): the
 * frame's address names nothing, its ticket goes only to its own window at the extension's
 * origin once it has loaded, and it is heard only over its channel, never on the page's
 * `window`. jsdom gives each frame a window whose postMessage can be watched and never
 * loads the frame by itself, so each test decides when the load happens.
 */
import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { NoteFrames } from '../../lib/annotator/note-frames';

const ORIGIN = 'chrome-extension://gloss-test-id';
const FRAME_URL = `${ORIGIN}/note-editor.html`;
const TICKET = 'ticket-0123456789abcdef';
const ID = 'secret-annotation-id';

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

/** Lets promise callbacks and channel messages (a task away) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const anchor: DOMRect = {
  x: 20,
  y: 10,
  top: 10,
  left: 20,
  bottom: 30,
  right: 200,
  width: 180,
  height: 20,
  toJSON: () => ({}),
};

let frames: NoteFrames;
const ports: MessagePort[] = [];

function setup() {
  const layer = document.createElement('div');
  document.body.append(layer);
  const ticket = pending<string>();
  const host = {
    layer,
    win: window,
    frameUrl: FRAME_URL,
    frameOrigin: ORIGIN,
    ticket: vi.fn((_id: string, _view: 'card' | 'margin', _edit: boolean) => ticket.promise),
  };
  const openCardFor = vi.fn();
  // Closing a card hands focus back to the page, which jsdom only complains about.
  vi.spyOn(window, 'focus').mockImplementation(() => undefined);
  frames = new NoteFrames(host, openCardFor);
  return { layer, ticket, host, openCardFor };
}

/** The frame just created in `layer`, with a watch on what is posted to its window. */
function frameIn(layer: HTMLElement): {
  frame: HTMLIFrameElement;
  posted: MockInstance<Window['postMessage']>;
} {
  const frame = [...layer.querySelectorAll('iframe')].at(-1);
  const win = frame?.contentWindow;
  if (!frame || !win) throw new Error('no frame with a window');
  const posted = vi.spyOn(win, 'postMessage').mockImplementation(() => undefined);
  return { frame, posted };
}

/** The channel end handed to the frame with its ticket. */
function portPosted(posted: MockInstance<Window['postMessage']>): MessagePort {
  // Read as plain arguments: the spy's type follows postMessage's other overload.
  const call: readonly unknown[] = posted.mock.calls[0] ?? [];
  const transfer = call[2];
  const port: unknown = Array.isArray(transfer) ? transfer[0] : undefined;
  if (!(port instanceof MessagePort)) throw new Error('no port was handed over');
  ports.push(port);
  return port;
}

afterEach(() => {
  frames.destroy();
  for (const port of ports.splice(0)) port.close();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('NoteFrames', () => {
  it('gives a frame an address without the annotation or any parameter', () => {
    const { layer, host } = setup();
    frames.openCard(ID, anchor, true);
    frames.placeMargin([{ id: 'margin-note-id', top: 0, left: 0, width: 200 }], []);
    const sources = [...layer.querySelectorAll('iframe')].map((frame) => frame.getAttribute('src'));
    expect(sources).toEqual([FRAME_URL, FRAME_URL]);
    expect(host.ticket.mock.calls).toEqual([
      [ID, 'card', true],
      ['margin-note-id', 'margin', false],
    ]);
  });

  it('posts the ticket once the frame has loaded, to the extension origin only, and only once', async () => {
    const { layer, ticket } = setup();
    frames.openCard(ID, anchor, false);
    const { frame, posted } = frameIn(layer);
    ticket.resolve(TICKET);
    await settle();
    expect(posted).not.toHaveBeenCalled();

    frame.dispatchEvent(new Event('load'));
    await settle();
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted).toHaveBeenCalledWith({ gloss: 'ticket', ticket: TICKET }, ORIGIN, [
      expect.any(MessagePort),
    ]);
    portPosted(posted);

    // A second load is the frame navigated away and back (the page can do that): no new ticket.
    frame.dispatchEvent(new Event('load'));
    await settle();
    expect(posted).toHaveBeenCalledTimes(1);
  });

  it('waits for a ticket that comes after the load', async () => {
    const { layer, ticket } = setup();
    frames.openCard(ID, anchor, false);
    const { frame, posted } = frameIn(layer);
    frame.dispatchEvent(new Event('load'));
    await settle();
    expect(posted).not.toHaveBeenCalled();
    ticket.resolve(TICKET);
    await settle();
    expect(posted).toHaveBeenCalledWith({ gloss: 'ticket', ticket: TICKET }, ORIGIN, [
      expect.any(MessagePort),
    ]);
    portPosted(posted);
  });

  it('removes a frame that could not get a ticket', async () => {
    const { layer, ticket } = setup();
    frames.openCard(ID, anchor, false);
    const { frame, posted } = frameIn(layer);
    ticket.reject(new Error('No such annotation'));
    frame.dispatchEvent(new Event('load'));
    await settle();
    expect(posted).not.toHaveBeenCalled();
    expect(frame.isConnected).toBe(false);
  });

  it('ignores frame messages a page posts on its window, and obeys them over the channel', async () => {
    const { layer, ticket, openCardFor } = setup();
    frames.openCard(ID, anchor, false);
    frames.placeMargin([{ id: 'margin-note-id', top: 0, left: 0, width: 200 }], []);
    const [card, margin] = [...layer.querySelectorAll('iframe')].map((frame) => {
      const win = frame.contentWindow;
      if (!win) throw new Error('no frame window');
      return { frame, posted: vi.spyOn(win, 'postMessage').mockImplementation(() => undefined) };
    });
    if (!card || !margin) throw new Error('frames missing');
    ticket.resolve(TICKET);
    card.frame.dispatchEvent(new Event('load'));
    margin.frame.dispatchEvent(new Event('load'));
    await settle();

    for (const data of [
      { gloss: 'frame', action: 'resize', height: 900 },
      { gloss: 'frame', action: 'open' },
      { gloss: 'frame', action: 'close' },
    ]) {
      window.dispatchEvent(new MessageEvent('message', { data, origin: ORIGIN }));
      window.postMessage(data, '*');
    }
    await settle();
    expect(frames.openCardId).toBe(ID);
    expect(card.frame.style.height).toBe('200px');
    expect(openCardFor).not.toHaveBeenCalled();

    const cardPort = portPosted(card.posted);
    const marginPort = portPosted(margin.posted);
    cardPort.postMessage({ gloss: 'frame', action: 'resize', height: 120 });
    marginPort.postMessage({ gloss: 'frame', action: 'open' });
    await settle();
    expect(card.frame.style.height).toBe('122px');
    expect(openCardFor).toHaveBeenCalledWith('margin-note-id');
    cardPort.postMessage({ gloss: 'frame', action: 'close' });
    await settle();
    expect(frames.openCardId).toBeNull();
  });
});
