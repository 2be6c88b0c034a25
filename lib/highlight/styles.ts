/**
 * The page-side stylesheet for highlights. Every rule is `!important` because page CSS
 * (resets, `* { background: none }`, `display: none` on unknown tags) must not hide or
 * restyle them; colours are translucent so overlapping highlights mix and stay readable.
 */
export const HIGHLIGHT_CSS = `
gloss-highlight.gloss-hl {
  display: inline !important;
  visibility: visible !important;
  opacity: 1 !important;
  color: inherit !important;
  font: inherit !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  border-radius: 2px !important;
  cursor: pointer !important;
  box-decoration-break: clone !important;
  -webkit-box-decoration-break: clone !important;
}
gloss-highlight.gloss-hl-yellow { background-color: rgba(255, 214, 0, 0.42) !important; }
gloss-highlight.gloss-hl-green { background-color: rgba(76, 200, 90, 0.36) !important; }
gloss-highlight.gloss-hl-blue { background-color: rgba(66, 153, 255, 0.34) !important; }
gloss-highlight.gloss-hl-pink { background-color: rgba(255, 92, 160, 0.32) !important; }
gloss-highlight.gloss-hl-purple { background-color: rgba(160, 100, 255, 0.32) !important; }
gloss-highlight.gloss-hl-note { text-decoration: underline dotted rgba(0, 0, 0, 0.55) !important; text-underline-offset: 3px !important; }
gloss-highlight.gloss-hl-flash { outline: 3px solid rgba(255, 120, 0, 0.9) !important; outline-offset: 1px !important; transition: outline-color 0.6s !important; }
html.gloss-hidden gloss-highlight.gloss-hl { background-color: transparent !important; text-decoration: none !important; cursor: auto !important; }
/* The same inside shadow roots, which the page-level rule above cannot reach (Chromium). */
:host-context(html.gloss-hidden) gloss-highlight.gloss-hl { background-color: transparent !important; text-decoration: none !important; cursor: auto !important; }
@media (prefers-color-scheme: dark) {
  gloss-highlight.gloss-hl-yellow { background-color: rgba(255, 214, 0, 0.35) !important; }
  gloss-highlight.gloss-hl-note { text-decoration-color: rgba(255, 255, 255, 0.6) !important; }
}
`;
