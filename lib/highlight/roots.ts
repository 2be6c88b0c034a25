/**
 * Shadow roots and frame documents that hold highlights. A query on the page does not
 * reach into them, and the page's stylesheet does not style them, so each is remembered
 * (and given the highlight styles) when first drawn into, and forgotten when it leaves.
 */
import { HIGHLIGHT_CSS } from './styles';

const innerRoots = new Set<Node>();

function addStyles(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const style = doc.createElement('style');
  style.setAttribute('data-gloss-ui', '');
  style.textContent = HIGHLIGHT_CSS;
  if (root.nodeType === 11) (root as ShadowRoot).prepend(style);
  else (doc.head ?? doc.documentElement)?.append(style);
}

/** Notes the tree `node` is in when it is a shadow root or a frame's document. */
export function rememberRoot(node: Node): void {
  const root = node.getRootNode();
  const inner =
    root.nodeType === 11 || (root.nodeType === 9 && !!(root as Document).defaultView?.frameElement);
  if (inner && !innerRoots.has(root)) {
    innerRoots.add(root);
    addStyles(root);
  }
}

function isLive(root: Node): boolean {
  if (root.nodeType === 11) return (root as ShadowRoot).host.isConnected;
  const view = (root as Document).defaultView;
  return view !== null && (view.frameElement === null || view.frameElement.isConnected);
}

/** The document a shadow root or frame document is ultimately shown in. */
function outermost(root: Node): Node {
  let current = root.getRootNode();
  for (;;) {
    if (current.nodeType === 11) current = (current as ShadowRoot).host.getRootNode();
    else {
      const frame = current.nodeType === 9 ? (current as Document).defaultView?.frameElement : null;
      if (!frame) return current;
      current = frame.getRootNode();
    }
  }
}

/** `root` and the shadow roots and frames inside its page that hold highlights. */
function scopes(root: ParentNode): ParentNode[] {
  const page = outermost(root as Node);
  const out: ParentNode[] = [root];
  for (const inner of innerRoots) {
    if (!isLive(inner)) innerRoots.delete(inner);
    else if (inner !== root && outermost(inner) === page) out.push(inner as unknown as ParentNode);
  }
  return out;
}

/** `querySelectorAll` over the page and the shadow roots and frames that hold highlights. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  return [...new Set(scopes(root).flatMap((scope) => [...scope.querySelectorAll(selector)]))];
}
