/**
 * The key under which a page's annotations are stored. Two visits of one article must
 * share it even when one came from a newsletter link with tracking parameters or jumped
 * to a heading, so the fragment and known tracking parameters are dropped; everything
 * else in the query is kept because it often selects the content (e.g. `?id=42`).
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ref_src',
  '_hsenc',
  '_hsmi',
  'yclid',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

export function pageKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split('#')[0] ?? url;
  }
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (isTrackingParam(name)) parsed.searchParams.delete(name);
  }
  // URLSearchParams leaves a bare "?" behind when every parameter went.
  if ([...parsed.searchParams.keys()].length === 0) parsed.search = '';
  return parsed.toString();
}

/** Only ordinary web pages and local files can carry annotations. */
export function isAnnotatablePage(url: string | undefined): url is string {
  return typeof url === 'string' && /^(https?|file):/i.test(url);
}
