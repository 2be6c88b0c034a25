/**
 * Styles inside Gloss's shadow root. Light or dark follows the theme setting, which the
 * annotator puts on the layer as `data-theme` (system, light, dark), through `color-scheme`:
 * "system" leaves it to `prefers-color-scheme`. The note frames inherit the layer's scheme,
 * which must match their page's (lib/settings/theme.ts) or the browser paints them opaque.
 */
export const PAGE_UI_CSS = `
:host { all: initial; }
.layer { position: absolute; top: 0; left: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color-scheme: light dark; --bg: light-dark(#ffffff, #26262a); --fg: light-dark(#1d1d1f, #f2f2f5); --border: light-dark(rgba(0,0,0,.14), rgba(255,255,255,.18)); --accent: light-dark(#2f6fde, #7aa7ff); color: var(--fg); }
.layer[data-theme="light"] { color-scheme: light; }
.layer[data-theme="dark"] { color-scheme: dark; }
.toolbar { position: absolute; display: flex; align-items: center; gap: 6px; padding: 6px 8px; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.18); white-space: nowrap; }
.swatches { display: flex; gap: 4px; }
.swatch { width: 20px; height: 20px; border-radius: 50%; border: 2px solid transparent; padding: 0; cursor: pointer; }
.swatch[aria-checked="true"] { border-color: var(--fg); }
.swatch:focus-visible, .action:focus-visible, .marker:focus-visible, .toast button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.action { font: inherit; padding: 3px 9px; border-radius: 6px; border: 1px solid var(--border); background: transparent; color: var(--fg); cursor: pointer; }
.action:hover { background: rgba(127,127,127,.15); }
.frame { position: absolute; border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.22); background: var(--bg); }
.margin-frame { position: absolute; border: 0; border-left: 3px solid rgba(255,200,0,.8); background: transparent; }
.marker { position: absolute; width: 18px; height: 18px; padding: 0; border-radius: 50%; border: 1px solid var(--border); background: var(--bg); color: var(--fg); font-size: 11px; line-height: 16px; text-align: center; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.toast { position: fixed; bottom: 20px; left: 50%; transform: translateX(-50%); display: flex; gap: 12px; align-items: center; padding: 8px 14px; border-radius: 8px; background: var(--fg); color: var(--bg); box-shadow: 0 4px 18px rgba(0,0,0,.25); }
.toast-error { background: #b3261e; color: #fff; }
.toast button { font: inherit; background: transparent; color: inherit; border: 1px solid currentColor; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
`;
