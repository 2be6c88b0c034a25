// Bundles bench/export-import.ts for Node with esbuild and runs it (see that file).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const out = resolve('bench/.results');
mkdirSync(out, { recursive: true });
const outfile = join(out, 'export-import.mjs');
await esbuild.build({
  entryPoints: ['bench/export-import.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  alias: { '@': resolve('.') },
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
