/**
 * The only messages that cross between a Gloss frame and the content script that opened
 * it. The ticket goes once by `postMessage` to the frame's own window (a page script can
 * post look-alikes to it, but cannot know a real ticket); everything after travels over
 * the MessageChannel handed over with it, out of the page's sight. No note text crosses.
 */
import * as v from 'valibot';

export const FrameMessageSchema = v.variant('action', [
  v.object({ gloss: v.literal('frame'), action: v.literal('close') }),
  v.object({
    gloss: v.literal('frame'),
    action: v.literal('resize'),
    height: v.pipe(v.number(), v.minValue(0), v.maxValue(4000)),
  }),
  v.object({ gloss: v.literal('frame'), action: v.literal('open') }),
]);

export type FrameMessage = v.InferOutput<typeof FrameMessageSchema>;

export function parseFrameMessage(data: unknown): FrameMessage | null {
  const parsed = v.safeParse(FrameMessageSchema, data);
  return parsed.success ? parsed.output : null;
}

/** The content script's first and only `postMessage` to a note frame. */
const TicketMessageSchema = v.object({
  gloss: v.literal('ticket'),
  ticket: v.pipe(v.string(), v.minLength(16), v.maxLength(100)),
});

export function parseTicketMessage(data: unknown): string | null {
  const parsed = v.safeParse(TicketMessageSchema, data);
  return parsed.success ? parsed.output.ticket : null;
}
