/**
 * Turns text-model spans into mark.js instructions before anything is drawn. Offsets are
 * counted over the text of a context element (the way mark.js counts them), and that count
 * is unchanged by wrapping, so every plan stays valid while the others are drawn; the text
 * model's node list does not. A passage is cut at block edges into pieces, each wrapped in
 * the smallest element holding it: drawing walks one paragraph rather than the whole page,
 * the gaps between blocks (list items, table cells) are never painted, and a passage that
 * crosses into a shadow root or a frame is drawn in each tree separately. No Range is
 * created: live Ranges slow every DOM change made while wrapping.
 */
import { pointAtOffset, type TextModel } from '../anchoring';
import { nodeIndexAt } from '../anchoring/text-model';
import { isBlock } from '../anchoring/tree';

const UNCOUNTED = new Set(['script', 'style', 'title', 'head', 'html']);

/** Whether mark.js counts this text node (its parent is not one of its built-in exclusions). */
export function isCounted(node: Text): boolean {
  const parent = node.parentNode;
  return parent?.nodeType !== 1 || !UNCOUNTED.has((parent as Element).localName);
}

export interface MarkRange {
  start: number;
  length: number;
}

/** One block's share of a highlight: ranges in offsets of `context`'s text, sorted and disjoint. */
export interface HighlightPiece {
  context: Element | ShadowRoot;
  ranges: MarkRange[];
}

export interface HighlightPlan {
  pieces: HighlightPiece[];
}

interface Part {
  node: Text;
  from: number;
  to: number;
}

/**
 * The nearest block ancestor, or the root of the node's tree: pieces never cross one.
 * Climbs in a loop (inline elements can nest thousands deep) and caches the answer for
 * every ancestor passed, so the text nodes of one paragraph climb it once between them.
 */
function blockOf(node: Node, cache: Map<Node, Node>): Node {
  let parent: Node | null = node.parentNode;
  if (!parent) return node;
  const known = cache.get(parent);
  if (known) return known;
  const passed: Node[] = [];
  let block: Node | undefined;
  while (!block) {
    passed.push(parent);
    const up: Node | null = parent.parentNode;
    if ((parent.nodeType === 1 && isBlock(parent as Element)) || !up) block = parent;
    else {
      block = cache.get(up);
      parent = up;
    }
  }
  for (const ancestor of passed) cache.set(ancestor, block);
  return block;
}

function commonAncestor(a: Node, b: Node): Node | null {
  const ancestors = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) ancestors.add(n);
  for (let n: Node | null = b.parentNode; n; n = n.parentNode) if (ancestors.has(n)) return n;
  return null;
}

const SPACE = /\s/;

function isBlank(data: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.test(data[i] as string)) return false;
  return true;
}

/** Ranges for the parts inside `context`, trimmed of whitespace at the piece's edges. */
function rangesIn(context: Node, parts: Part[]): MarkRange[] {
  const wanted = new Map(parts.map((part) => [part.node as Node, part]));
  const doc = context.ownerDocument ?? (context as Document);
  const walker = doc.createTreeWalker(context, 4 /* NodeFilter.SHOW_TEXT */);
  const ranges: (MarkRange & { text: string })[] = [];
  let offset = 0;
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < parts.length; node = walker.nextNode()) {
    const text = node as Text;
    if (!isCounted(text)) continue;
    const part = wanted.get(text);
    if (part) {
      seen++;
      const last = ranges[ranges.length - 1];
      const piece = text.data.slice(part.from, part.to);
      if (last && last.start + last.length === offset + part.from) {
        last.length += part.to - part.from;
        last.text += piece;
      } else {
        ranges.push({ start: offset + part.from, length: part.to - part.from, text: piece });
      }
    }
    offset += text.length;
  }
  const first = ranges[0];
  const final = ranges[ranges.length - 1];
  if (first) {
    let lead = 0;
    while (lead < first.text.length && SPACE.test(first.text[lead] as string)) lead++;
    first.start += lead;
    first.length -= lead;
    first.text = first.text.slice(lead);
  }
  if (final) {
    let trail = 0;
    while (trail < final.text.length && SPACE.test(final.text[final.text.length - 1 - trail] as string))
      trail++;
    final.length -= trail;
    final.text = final.text.slice(0, final.text.length - trail);
  }
  return ranges.filter((r) => r.text.trim() !== '').map(({ start, length }) => ({ start, length }));
}

export function planHighlight(model: TextModel, start: number, end: number): HighlightPlan | null {
  if (end <= start || model.nodes.length === 0) return null;
  let first = nodeIndexAt(model, start);
  const firstNode = model.nodes[first];
  if (firstNode && start >= (model.starts[first] ?? 0) + firstNode.length) first++;
  const last = pointAtOffset(model, end, true);
  const cache = new Map<Node, Node>();
  const runs: { block: Node; parts: Part[] }[] = [];
  for (let i = first; i < model.nodes.length; i++) {
    const node = model.nodes[i] as Text;
    const base = model.starts[i] ?? 0;
    const from = Math.max(0, start - base);
    const to = Math.min(node.length, end - base);
    if (to > from) {
      const block = blockOf(node, cache);
      const run = runs[runs.length - 1];
      if (run && run.block === block) run.parts.push({ node, from, to });
      // Whitespace between blocks starts no piece: its context would be the blocks' parent.
      else if (!isBlank(node.data, from, to)) runs.push({ block, parts: [{ node, from, to }] });
    }
    if (node === last.node) break;
  }
  const pieces: HighlightPiece[] = [];
  for (const run of runs) {
    const head = run.parts[0] as Part;
    const tail = run.parts[run.parts.length - 1] as Part;
    const context = head === tail ? head.node.parentNode : commonAncestor(head.node, tail.node);
    if (!context || (context.nodeType !== 1 && context.nodeType !== 11)) continue;
    const ranges = rangesIn(context, run.parts);
    if (ranges.length > 0) pieces.push({ context: context as Element | ShadowRoot, ranges });
  }
  return pieces.length > 0 ? { pieces } : null;
}
