/**
 * The inline stylesheet of the HTML export. An exported page must read well on its own,
 * offline and years later, so it carries its styles and follows the reader's dark mode.
 */
export const HTML_STYLE = `
:root { color-scheme: light dark; --bg: #fdfcf9; --fg: #1f2328; --muted: #5c6370; --rule: #e3e0d8; --card: #ffffff;
  --yellow: #fff3a3; --green: #c9f2c7; --blue: #cfe3ff; --pink: #ffd3e6; --purple: #e6d8ff; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #17181b; --fg: #e6e6e6; --muted: #a0a6b0; --rule: #33363c; --card: #202226;
    --yellow: #6b5d00; --green: #1f5a2a; --blue: #1d3f6e; --pink: #6b2447; --purple: #4a2f78; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .25rem; overflow-wrap: anywhere; }
a { color: inherit; }
.meta { color: var(--muted); font-size: .875rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
article { background: var(--card); border: 1px solid var(--rule); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; }
blockquote { margin: 0 0 .5rem; padding: .25rem .5rem; border-radius: .25rem; white-space: pre-wrap; }
.yellow blockquote { background: var(--yellow); } .green blockquote { background: var(--green); }
.blue blockquote { background: var(--blue); } .pink blockquote { background: var(--pink); }
.purple blockquote { background: var(--purple); }
.note { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0 0; }
.tags { list-style: none; display: flex; flex-wrap: wrap; gap: .375rem; padding: 0; margin: .5rem 0 0; }
.tags li { border: 1px solid var(--rule); border-radius: 999px; padding: 0 .5rem; font-size: .8125rem; }
@media print { body { background: #fff; color: #000; } article { break-inside: avoid; } }
`;
