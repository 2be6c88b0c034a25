// `npm start`: opens Chromium with the freshly built extension on the demo article.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const extension = resolve('.output/chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(executablePath)) {
  console.error(
    `Chromium was not found at ${executablePath}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so Chromium cannot open a window here.\n' +
      `The extension is built in ${extension}: load it by hand (chrome://extensions, Developer mode, "Load unpacked"),\n` +
      'or run under a display, e.g. `xvfb-run npm start`.',
  );
  process.exit(1);
}

const { url } = await serveStatic(['demo']);
const profile = mkdtempSync(join(tmpdir(), 'gloss-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${url}/article.html`);
console.log(
  `Gloss is running on the demo article at ${url}/article.html. Select text and press H (highlight) or N (note). Close the browser to stop.`,
);
context.on('close', () => process.exit(0));
