/**
 * A snapshot NodeIterator for mark.js. mark.js walks its context with
 * `document.createNodeIterator`, collects the nodes, and never touches the iterator again,
 * but the browser keeps every NodeIterator registered with the document until garbage
 * collection and updates all of them on each node removal. A thousand highlights drawn one
 * block at a time leave a thousand live iterators, and each later wrap visits them all.
 * While mark.js runs, this hands it an iterator over a list taken with a TreeWalker (which
 * the document does not track), with the same nextNode/previousNode behaviour on an
 * unchanging tree, which is all mark.js relies on.
 */

type Filter = NodeFilter | ((node: Node) => number) | null | undefined;

function accepts(filter: Filter, node: Node): boolean {
  if (!filter) return true;
  const verdict = typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
  return verdict === NodeFilter.FILTER_ACCEPT;
}

function snapshotIterator(doc: Document, root: Node, whatToShow: number, filter: Filter) {
  const walker = doc.createTreeWalker(root, whatToShow);
  const nodes: Node[] = [];
  if (accepts(filter, root) && whatToShow & (1 << (root.nodeType - 1))) nodes.push(root);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (accepts(filter, node)) nodes.push(node);
  let position = 0; // between nodes[position - 1] and nodes[position]
  return {
    nextNode: () => (position < nodes.length ? (nodes[position++] ?? null) : null),
    previousNode: () => (position > 0 ? (nodes[--position] ?? null) : null),
    detach: () => undefined,
  };
}

/** Runs `work` (mark.js calls) with `doc.createNodeIterator` answering from snapshots. */
export function withStaticIterators<T>(doc: Document, work: () => T): T {
  const own = Object.getOwnPropertyDescriptor(doc, 'createNodeIterator');
  Object.defineProperty(doc, 'createNodeIterator', {
    configurable: true,
    value: (root: Node, whatToShow = 0xffffffff, filter?: Filter) =>
      snapshotIterator(doc, root, whatToShow, filter),
  });
  try {
    return work();
  } finally {
    if (own) Object.defineProperty(doc, 'createNodeIterator', own);
    else delete (doc as unknown as Record<string, unknown>).createNodeIterator;
  }
}
