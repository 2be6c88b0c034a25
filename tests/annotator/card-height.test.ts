// @vitest-environment jsdom
/**
 * A note frame is as tall as the content it reports (entrypoints/note-editor measures it),
 * and a card taller than most of the window stops there and scrolls inside.
 */
import { describe, expect, it, vi } from 'vitest';
import { NoteFrames } from '../../lib/annotator/note-frames';

const ORIGIN = 'chrome-extension://gloss-test-id';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const anchor = new DOMRect(20, 10, 180, 20);

/** Opens a card, delivers its ticket, and returns the frame and the frame's end of its channel. */
async function openCard() {
  const layer = document.createElement('div');
  document.body.append(layer);
  const frames = new NoteFrames(
    {
      layer,
      win: window,
      frameUrl: `${ORIGIN}/note-editor.html`,
      frameOrigin: ORIGIN,
      ticket: async () => 'ticket-0123456789abcdef',
    },
    () => undefined,
  );
  frames.openCard('a', anchor, false);
  const frame = layer.querySelector('iframe') as HTMLIFrameElement;
  const posted = vi.spyOn(frame.contentWindow as Window, 'postMessage').mockImplementation(() => undefined);
  frame.dispatchEvent(new Event('load'));
  await settle();
  // postMessage(message, targetOrigin, transfer): the channel's far end is transferred.
  const port = (posted.mock.calls[0] as unknown[] | undefined)?.[2] as MessagePort[] | undefined;
  const far = port?.[0];
  if (!far) throw new Error('no channel handed to the frame');
  return { frames, frame, port: far };
}

describe('note card height', () => {
  it('follows the content both ways, and stops at most of the window', async () => {
    const { frames, frame, port } = await openCard();
    port.postMessage({ gloss: 'frame', action: 'resize', height: 300.4 });
    await settle();
    expect(frame.style.height).toBe('303px');
    port.postMessage({ gloss: 'frame', action: 'resize', height: 120 });
    await settle();
    expect(frame.style.height).toBe('122px');
    port.postMessage({ gloss: 'frame', action: 'resize', height: 3000 });
    await settle();
    expect(frame.style.height).toBe(`${Math.max(240, Math.floor(window.innerHeight * 0.8))}px`);
    frames.destroy();
  });
});
