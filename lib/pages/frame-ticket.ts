/**
 * The note frame's side of the ticket handshake (see lib/background/frame-tickets.ts).
 * Anyone can post to this frame's window: the page that embeds it, or another site that
 * framed it. So every offer is checked with the background, which knows the tickets it
 * issued, and only the first ticket it accepts is used. Until then the frame shows nothing
 * and sends nothing, exactly as for an annotation that does not exist.
 */
import { parseTicketMessage } from '../annotator/frame-messages';
import { sendToBackground } from '../messaging';

/** Look-alike offers a page may send before the real one; after that many, stop listening. */
const MAX_OFFERS = 50;

export interface Redeemed {
  grant: { id: string; view: 'card' | 'margin'; edit: boolean };
  port: MessagePort;
}

export function waitForTicket(win: Window): Promise<Redeemed> {
  return new Promise((resolve) => {
    let offers = 0;
    let done = false;
    const listener = (event: MessageEvent) => {
      const ticket = parseTicketMessage(event.data);
      const port = event.ports[0];
      if (done || !ticket || !port) return;
      if (++offers >= MAX_OFFERS) win.removeEventListener('message', listener);
      void sendToBackground({ type: 'redeemFrameTicket', ticket })
        .then((grant) => {
          if (!grant || done) return;
          done = true;
          win.removeEventListener('message', listener);
          resolve({ grant, port });
        })
        .catch(() => undefined);
    };
    win.addEventListener('message', listener);
  });
}
