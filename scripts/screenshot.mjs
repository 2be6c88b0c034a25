// Renders docs/screenshot.png: Gloss at work on the demo article (headless Chromium).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, QUIET_ARGS } from './chromium.mjs';
import { waitForGloss } from './gloss-ready.mjs';
import { serveStatic } from './static-server.mjs';

const extension = resolve('.output/chrome-mv3');
const { server, url } = await serveStatic(['demo']);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-shot-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [...extensionArgs(extension), ...QUIET_ARGS],
});
const page = await context.newPage();
await page.goto(`${url}/article.html`);
await waitForGloss(context, page);

async function select(from, to) {
  await page.evaluate(
    ([a, b]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const find = (needle, last) => {
        for (const node of nodes) {
          const at = node.data.indexOf(needle);
          if (at >= 0) return [node, last ? at + needle.length : at];
        }
        throw new Error(needle);
      };
      const range = document.createRange();
      range.setStart(...find(a, false));
      range.setEnd(...find(b, true));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    },
    [from, to],
  );
}

await select('two principal but', 'contradictory goals');
await page.keyboard.press('h');
await select('to polarize Muslims', 'one another');
await page.keyboard.press('n');
await page.frameLocator('iframe.frame').getByRole('textbox', { name: 'Note' }).waitFor();
await page.keyboard.type('The **second option** is the one to watch: provocation, not territory.');
await page.keyboard.press('Control+Enter');
await page.keyboard.press('Escape');
await page.locator('iframe.frame').waitFor({ state: 'detached' });
// The toolbar appears 120 ms after a trusted mouseup if a selection exists by then: click
// in the empty margin, then select the passage, as a reader's drag would leave it.
await page.mouse.click(1200, 700);
await select('eliminate the', 'moderate Islam');
await page.waitForTimeout(600);
await page.screenshot({ path: 'docs/screenshot.png' });
await context.close();
server.close();
console.log('wrote docs/screenshot.png');
