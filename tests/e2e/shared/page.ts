/**
 * What both end-to-end suites do inside a web page, written once for Playwright (Chromium)
 * and Puppeteer (Firefox). The in-page functions are passed to `evaluate` and run in the
 * page, so they must not use anything from this module's scope; the drag takes any mouse
 * with Playwright's and Puppeteer's common `move`/`down`/`up`.
 */

/** Gloss's drawn highlights, old element (`<gloss-highlight>`) and new (`<mark class="gloss-hl">`). */
export const HIGHLIGHT_SELECTOR = 'mark[data-annotation-id], gloss-highlight[data-annotation-id]';

export interface DragPoints {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * In the page: scrolls the first occurrence of `from` into view and returns the viewport
 * points of its first character and of the last character of the next `to`.
 */
export function textPoints({ from, to }: { from: string; to: string }): DragPoints {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const text = nodes.map((n) => n.data).join('');
  const locate = (offset: number) => {
    let at = 0;
    for (const node of nodes) {
      if (offset < at + node.length) return { node, offset: offset - at };
      at += node.length;
    }
    throw new Error('offset out of range');
  };
  const rectAt = (offset: number) => {
    const { node, offset: local } = locate(offset);
    const range = document.createRange();
    range.setStart(node, local);
    range.setEnd(node, local + 1);
    return range.getBoundingClientRect();
  };
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length - 1;
  if (start < 0 || end < start) throw new Error(`text not found: ${from} … ${to}`);
  locate(start).node.parentElement?.scrollIntoView({ block: 'center' });
  const s = rectAt(start);
  const e = rectAt(end);
  return { x1: s.left + 1, y1: s.top + s.height / 2, x2: e.right - 1, y2: e.top + e.height / 2 };
}

/** In the page: the text of each drawn annotation, by id (pieces of one highlight joined). */
export function readHighlights(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of document.querySelectorAll(selector)) {
    const id = el.getAttribute('data-annotation-id') ?? '';
    out[id] = (out[id] ?? '') + el.textContent;
  }
  return out;
}

export interface DragMouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/**
 * A real drag between the points `textPoints` found, forward or, with `backward`, from the
 * end to just before the start (a drag that starts on a link drags the link instead).
 */
export async function dragSelect(mouse: DragMouse, points: DragPoints, backward = false): Promise<void> {
  const [a, b] = backward
    ? [
        { x: points.x2, y: points.y2 },
        { x: points.x1 - 2, y: points.y1 },
      ]
    : [
        { x: points.x1, y: points.y1 },
        { x: points.x2, y: points.y2 },
      ];
  await mouse.move(a.x, a.y);
  await mouse.down();
  await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await mouse.move(b.x, b.y, { steps: 4 });
  await mouse.up();
}
