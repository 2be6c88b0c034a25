/**
 * The sites where the reader turned Gloss off, named by host (`en.wikipedia.org`). Pure and
 * import-free: the boot script, which runs on every page, checks it before acting.
 */

/** The site of `url` as Gloss names it: its host name, lower case; '' when it has none. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Whether `site` is in the stored list (anything but a list of names counts as empty). */
export function isSiteOff(stored: unknown, site: string): boolean {
  return site !== '' && Array.isArray(stored) && stored.includes(site);
}

/** The list with `site` turned off (`off`) or back on, sorted and without repeats. */
export function withSite(stored: readonly string[], site: string, off: boolean): string[] {
  const sites = new Set(stored);
  if (off && site) sites.add(site);
  else sites.delete(site);
  return [...sites].sort();
}
