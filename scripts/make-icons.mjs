// Draws Gloss's icon and writes public/icon/<size>.png (the PNGs are committed: the build
// never runs this). The mark: three lines of text on an indigo tile, the middle one under a
// yellow highlighter stroke. The tile has a pale rim so that it keeps its shape on a dark
// toolbar; on a light one the rim disappears into the toolbar.
//
// The 16 and 32 px icons are drawn on a 16-unit pixel grid (every edge on a whole pixel, no
// nib: at that size it is a smudge); 48 px and up get the highlighter's chisel tip and the
// dark text line inside the stroke. The 128 px icon leaves 16 px of transparent margin, as the
// Chrome Web Store asks.
//
//   node scripts/make-icons.mjs            writes the PNGs
//   node scripts/make-icons.mjs --preview  also writes .scratch/icons-preview.png: every size
//                                          at 1× and 8× on a light and a dark toolbar
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_ARGS } from './chromium.mjs';

export const SIZES = [16, 32, 48, 96, 128];

const TILE = '#4a56d4';
const RIM = '#e8eaff';
const LINE = '#ffffff';
const STROKE = '#ffd43b';
const INK = '#1f2347';

/** The small mark, on a 16 × 16 grid; at 32 px the highlighted line shows its text. */
function smallMark(size) {
  const text = size >= 32 ? `<rect x="3" y="7.5" width="9" height="1" fill="${INK}"/>` : '';
  return `
    <rect x="0.5" y="0.5" width="15" height="15" rx="3.5" fill="${TILE}" stroke="${RIM}" stroke-width="1"/>
    <g shape-rendering="crispEdges">
      <rect x="3" y="3" width="10" height="2" fill="${LINE}"/>
      <rect x="2" y="6" width="12" height="4" fill="${STROKE}"/>
      ${text}
      <rect x="3" y="11" width="7" height="2" fill="${LINE}"/>
    </g>`;
}

/** The large mark, on a 96 × 96 grid: the highlighter's chisel tip ends the stroke. */
function largeMark() {
  return `
    <rect x="2" y="2" width="92" height="92" rx="20" fill="${TILE}" stroke="${RIM}" stroke-width="4"/>
    <rect x="18" y="20" width="40" height="10" rx="5" fill="${LINE}"/>
    <path d="M12 41 L63 39 L64 61 L13 63 Z" fill="${STROKE}"/>
    <rect x="18" y="46" width="38" height="10" rx="5" fill="${INK}"/>
    <rect x="18" y="70" width="36" height="10" rx="5" fill="${LINE}"/>
    <g transform="translate(64 54) rotate(35)" stroke="${INK}" stroke-width="3" stroke-linejoin="round">
      <path d="M-6 -12 L6 -12 L6 -4 L-6 0 Z" fill="${STROKE}"/>
      <path d="M-8 -34 L8 -34 L8 -12 L-8 -12 Z" fill="${LINE}"/>
    </g>`;
}

/** The whole icon at `size` px, as SVG. */
export function iconSvg(size) {
  if (size <= 32)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 16 16">${smallMark(size)}</svg>`;
  // 128: 96 px of artwork and 16 px margin; 48 and 96: nearly full bleed.
  const margin = size === 128 ? 16 : size / 48;
  const art = size - 2 * margin;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><g transform="translate(${margin} ${margin}) scale(${art / 96})">${largeMark()}</g></svg>`;
}

async function render(page, html, width, height) {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}</style>${html}`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
}

async function main() {
  const outDir = resolve('public/icon');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: QUIET_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const pngs = new Map();
    for (const size of SIZES) {
      const png = await render(page, iconSvg(size), size, size);
      writeFileSync(resolve(outDir, `${size}.png`), png);
      pngs.set(size, png.toString('base64'));
      console.log(`public/icon/${size}.png  ${png.length} bytes`);
    }
    if (process.argv.includes('--preview')) {
      const row = (bg, zoom, sizes) =>
        `<div style="background:${bg};padding:12px;display:flex;gap:16px;align-items:end">${sizes
          .map(
            (s) =>
              `<img src="data:image/png;base64,${pngs.get(s)}" style="width:${s * zoom}px;image-rendering:pixelated">`,
          )
          .join('')}</div>`;
      const sheet = `<div style="width:900px">${['#f9f9fb', '#2b2a33', '#3c3c3c'].map((bg) => row(bg, 1, SIZES)).join('')}
        <div style="display:flex">${row('#f9f9fb', 8, [16, 32])}${row('#2b2a33', 4, [16, 32])}</div></div>`;
      mkdirSync(resolve('.scratch'), { recursive: true });
      const shot = await render(page, sheet, 900, 760);
      writeFileSync(resolve('.scratch/icons-preview.png'), shot);
      console.log('.scratch/icons-preview.png');
    }
  } finally {
    await browser.close();
  }
}

await main();
