export const CHROMIUM_PATH: string;
export const QUIET_ARGS: string[];
export function extensionArgs(dir: string): string[];
