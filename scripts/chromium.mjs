// How Gloss's scripts and tests start Debian's Chromium: the flags that keep it quiet on a
// machine without network access, and the two that load the built extension.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless runs here: no GPU, no sandbox (root in CI), no background traffic. */
export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function extensionArgs(dir) {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}
