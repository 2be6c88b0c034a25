/**
 * The stylesheet for highlights. The background injects it at the user origin
 * (`scripting.insertCSS` with `origin: 'USER'`): user `!important` rules beat every page
 * rule, `!important` included, and an injected sheet is not subject to the page's
 * Content-Security-Policy, so highlights stay visible on `style-src 'none'` pages and on
 * pages whose CSS restyles `mark`. `all: unset` first drops whatever the page or the UA
 * gives `mark` (yellow background, padding); colours are translucent so overlaps mix.
 * Shadow roots and same-origin frames get the same rules in a <style> of their own
 * (roots.ts), because a document-level sheet does not reach into them.
 */
export const HIGHLIGHT_CSS = `
mark.gloss-hl {
  all: unset !important;
  display: inline !important;
  color: inherit !important;
  border-radius: 2px !important;
  cursor: pointer !important;
  box-decoration-break: clone !important;
  -webkit-box-decoration-break: clone !important;
}
mark.gloss-hl-yellow { background-color: rgba(255, 214, 0, 0.42) !important; }
mark.gloss-hl-green { background-color: rgba(76, 200, 90, 0.36) !important; }
mark.gloss-hl-blue { background-color: rgba(66, 153, 255, 0.34) !important; }
mark.gloss-hl-pink { background-color: rgba(255, 92, 160, 0.32) !important; }
mark.gloss-hl-purple { background-color: rgba(160, 100, 255, 0.32) !important; }
mark.gloss-hl-flash { outline: 3px solid rgba(255, 120, 0, 0.9) !important; outline-offset: 1px !important; }
mark.gloss-hl.gloss-hl-off { background-color: transparent !important; outline: none !important; cursor: auto !important; }
@media (prefers-color-scheme: dark) {
  mark.gloss-hl-yellow { background-color: rgba(255, 214, 0, 0.35) !important; }
}
`;
