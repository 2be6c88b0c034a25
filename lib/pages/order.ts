/** Sorts a page's annotations the way they appear in the page; those not drawn go last, by position. */
import type { Annotation } from '../types';

export function inDocumentOrder(list: readonly Annotation[], order: readonly string[]): Annotation[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  const position = (a: Annotation) => a.target.position?.start ?? Number.MAX_SAFE_INTEGER;
  return [...list].sort((a, b) => {
    const ra = rank.get(a.id);
    const rb = rank.get(b.id);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return position(a) - position(b);
  });
}
