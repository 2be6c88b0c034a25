/**
 * Where margin notes go. A note sits to the right of its passage's block when the page
 * leaves at least MIN_WIDTH there; otherwise the passage gets a small marker. Notes are
 * stacked so that neighbours never overlap. With margin notes turned off (a setting),
 * every note gets the marker.
 */
export const MIN_WIDTH = 180;
const MAX_WIDTH = 280;
const GAP = 16;
const STACK_GAP = 8;
const ESTIMATED_HEIGHT = 56;

export interface MarginInput {
  id: string;
  /** Document coordinates of the first piece of the highlight. */
  top: number;
  /** Document coordinates of the end of the last piece. */
  endRight: number;
  endTop: number;
  /** Right edge of the block the passage sits in. */
  blockRight: number;
}

export function layoutMargin(inputs: MarginInput[], pageWidth: number, notesInMargin = true) {
  const items: { id: string; top: number; left: number; width: number }[] = [];
  const markers: { id: string; top: number; left: number }[] = [];
  let lastBottom = -Infinity;
  for (const input of [...inputs].sort((a, b) => a.top - b.top)) {
    const left = input.blockRight + GAP;
    const room = pageWidth - left - GAP;
    if (notesInMargin && room >= MIN_WIDTH) {
      const top = Math.max(input.top, lastBottom + STACK_GAP);
      items.push({ id: input.id, top, left, width: Math.min(MAX_WIDTH, room) });
      lastBottom = top + ESTIMATED_HEIGHT;
    } else {
      markers.push({
        id: input.id,
        top: input.endTop - 4,
        left: Math.min(input.endRight + 2, pageWidth - 22),
      });
    }
  }
  return { items, markers };
}
