import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; img-src 'self' data: blob:; media-src 'none'; font-src 'self'; frame-src 'self'";

// One configuration for both targets: Chromium MV3 first, Firefox MV2 (sidebar_action) second.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: 'Highlight passages and write margin notes on any page. Everything stays on your machine.',
    permissions: [
      'storage',
      'scripting',
      'contextMenus',
      'activeTab',
      'tabs',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    // Notes never load anything remote on their own (components/MarkdownView.tsx): images
    // only from the extension, data: and blob: URLs (what "Show images" makes).
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Gloss' },
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
