/**
 * Identifiers in the W3C export. Annotation ids must be IRIs there, Gloss's are plain
 * strings, so this maps one to the other both ways; `fromIri(toIri(id)) === id` for any id,
 * which is what makes an export re-import as the same records (and importing twice a no-op).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute IRI as another tool would mint one: a scheme, then `//` or a URN. */
const FOREIGN_IRI = /^(?:[a-z][a-z0-9+.-]*:\/\/|urn:)[^\s]+$/i;
const URN_UUID = 'urn:uuid:';
const HYPOTHESIS_PREFIX = 'hypothesis:';
const HYPOTHESIS_IRI = 'https://hypothes.is/a/';
const GLOSS_URN = 'urn:gloss:annotation:';

/** The Gloss id of a Hypothesis annotation, shared by both import routes so they agree. */
export function hypothesisId(id: string): string {
  return `${HYPOTHESIS_PREFIX}${id}`;
}

export function toIri(id: string): string {
  if (UUID.test(id)) return `${URN_UUID}${id}`;
  if (id.startsWith(HYPOTHESIS_PREFIX) && id.length > HYPOTHESIS_PREFIX.length) {
    return `${HYPOTHESIS_IRI}${encodeComponent(id.slice(HYPOTHESIS_PREFIX.length))}`;
  }
  const reserved = id.startsWith(URN_UUID) || id.startsWith(HYPOTHESIS_IRI) || id.startsWith(GLOSS_URN);
  if (FOREIGN_IRI.test(id) && !reserved && uriSafe(id) === id) return id;
  return `${GLOSS_URN}${encodeComponent(id)}`;
}

export function fromIri(iri: string): string {
  if (iri.startsWith(URN_UUID) && UUID.test(iri.slice(URN_UUID.length))) return iri.slice(URN_UUID.length);
  if (iri.startsWith(HYPOTHESIS_IRI) && iri.length > HYPOTHESIS_IRI.length) {
    return hypothesisId(safeDecode(iri.slice(HYPOTHESIS_IRI.length)));
  }
  if (iri.startsWith(GLOSS_URN)) return safeDecode(iri.slice(GLOSS_URN.length));
  return iri;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Everything RFC 3986 allows unescaped in a URI, plus `%` (checked separately below). */
const URI_UNSAFE = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu;

/**
 * A page address as a valid URI for JSON-LD. Browsers leave a few characters such as `|`
 * or `^` unescaped in `location.href`; their percent-encoding names the same resource.
 */
export function uriSafe(url: string): string {
  // TextEncoder turns a lone surrogate into U+FFFD, so this never throws as encodeURI would.
  return url.replace(URI_UNSAFE, (char) => Array.from(UTF8.encode(char), percentByte).join(''));
}

const UTF8 = new TextEncoder();

function percentByte(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent that cannot throw: a lone surrogate becomes U+FFFD first. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

/**
 * A name-based UUID (version 8, RFC 9562) from a string, so that the same export gives the
 * same collection id: the export stays a pure function and its output can be compared.
 */
export function uuidFrom(text: string): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
