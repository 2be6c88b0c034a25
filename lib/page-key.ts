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
  // In a Firefox content script the URL object can be a page object seen through an Xray
  // wrapper, whose `searchParams.keys()` iterator is not iterable there (the boot script
  // threw "e.searchParams.keys() is not iterable" on every page). So the query is read
  // with `forEach`, a plain method call that crosses the wrapper, on params parsed from
  // the `search` string.
  const params = new URLSearchParams(parsed.search);
  const names: string[] = [];
  params.forEach((_value, name) => {
    names.push(name);
  });
  const tracking = names.filter(isTrackingParam);
  for (const name of tracking) params.delete(name);
  // Same serialisation as deleting through `parsed.searchParams`, so stored keys do not
  // change; and no bare "?" is left behind when every parameter went.
  if (tracking.length > 0) parsed.search = params.toString();
  if (names.length === tracking.length) parsed.search = '';
  return parsed.toString();
}

/** Only ordinary web pages and local files can carry annotations. */
export function isAnnotatablePage(url: string | undefined): url is string {
  return typeof url === 'string' && /^(https?|file):/i.test(url);
}
