/**
 * The only messages that cross between a Gloss frame and the page it sits in. They travel
 * by `postMessage`, which page scripts can also see and send, so they carry no note text,
 * and the receiver checks both the sender's origin and that it is its own frame.
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
