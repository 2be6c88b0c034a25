import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; img-src 'self' data: blob:; media-src 'none'; font-src 'self'; frame-src 'self'";

// public/icon/<size>.png, drawn by scripts/make-icons.mjs. WXT lists them all under `icons`;
// the toolbar button and Firefox's sidebar get the small ones.
const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

// One configuration for both targets: Chromium MV3 first, Firefox MV2 (sidebar_action) second.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // In the MV2 build WXT writes `browser_action` and `sidebar_action` from the popup and
    // side panel entrypoints and drops `action`'s icon: Firefox would show its generic ones.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const ui of [manifest.action, manifest.browser_action, manifest.sidebar_action])
        if (ui && !ui.default_icon) ui.default_icon = TOOLBAR_ICONS;
    },
  },
  // `npm run zip` / `npm run zip:firefox`. For Firefox WXT also writes the sources archive
  // AMO's reviewers rebuild from: what the build reads and nothing else (no tests, bench,
  // fixtures, demo or screenshots; node_modules and .output are never included).
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/make-icons.mjs',
      'scripts/chromium.mjs',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'Highlight passages and write margin notes on any page. Everything stays on your machine.',
    permissions: [
      'storage',
      'scripting',
      'contextMenus',
      'activeTab',
      'tabs',
      // Sync's timer (lib/background/sync.ts): a sleeping worker wakes to sync.
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    // Notes never load anything remote on their own (components/MarkdownView.tsx): images
    // only from the extension, data: and blob: URLs (what "Show images" makes).
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Gloss', default_icon: TOOLBAR_ICONS },
    // The boot script (entrypoints/boot.ts) is an unlisted script, so it is listed here.
    content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['boot.js'] }],
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Highlight the selected text and write a note',
      },
    },
    web_accessible_resources:
      browser === 'firefox'
        ? ['note-editor.html']
        : [{ resources: ['note-editor.html'], matches: ['<all_urls>'] }],
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'gloss@gloss.local',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
