/**
 * The five WebDAV requests sync needs (RFC 4918: MKCOL, PROPFIND with Depth 1, GET, PUT,
 * DELETE), over `fetch`, which the MV3 service worker has and which Gloss's host permission
 * exempts from CORS. A full client library would bring XML parsing and Node shims into the
 * worker for what amounts to listing one folder; the listing here reads only `href`s.
 *
 * Every failure becomes a SyncError with a code the status line can put in words.
 */
import { SyncError } from './errors';

export interface SyncTransport {
  /** Names (not paths) of the files directly in `folder`, or null when it does not exist. */
  list(folder: string): Promise<string[] | null>;
  /** The file's bytes, or null when there is none. */
  get(path: string): Promise<Uint8Array<ArrayBuffer> | null>;
  put(path: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file; a file that is already gone is not an error (another device compacted first). */
  remove(path: string): Promise<void>;
  /** Creates a folder if it is not there yet. */
  ensureFolder(folder: string): Promise<void>;
}

/** No answer within this time counts as unreachable, so a hung server cannot wedge the worker. */
const TIMEOUT_MS = 20_000;

export function webdavTransport(baseUrl: string, fetcher: typeof fetch = fetch): SyncTransport {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new SyncError('bad-server', `not an http(s) URL: ${baseUrl}`);
  if (base.username || base.password)
    throw new SyncError('bad-server', 'user names in the URL are not supported');

  // Paths are relative to the base folder; '' is the folder itself.
  const url = (path: string) => new URL(path.split('/').map(encodeURIComponent).join('/'), base);
  const asFolder = (folder: string) => (folder === '' || folder.endsWith('/') ? folder : `${folder}/`);

  async function request(method: string, path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetcher(url(path), {
        ...init,
        method,
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new SyncError('unreachable', `${method} ${path}: ${String(error)}`);
    }
    if (response.status === 401 || response.status === 403)
      throw new SyncError('unauthorized', `${method} ${path}: ${response.status}`);
    if (response.status === 507 || response.status === 413)
      throw new SyncError('server-full', `${method} ${path}: ${response.status}`);
    if (response.status >= 500) throw new SyncError('unreachable', `${method} ${path}: ${response.status}`);
    return response;
  }

  return {
    async list(folder) {
      const path = asFolder(folder);
      const response = await request('PROPFIND', path, {
        headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
        body: '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
      });
      if (response.status === 404) return null;
      if (response.status !== 207) throw new SyncError('bad-server', `PROPFIND ${path}: ${response.status}`);
      return namesInListing(await response.text(), url(path).pathname);
    },
    async get(path) {
      const response = await request('GET', path);
      if (response.status === 404) return null;
      if (!response.ok) throw new SyncError('bad-server', `GET ${path}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async put(path, bytes) {
      const response = await request('PUT', path, {
        headers: { 'Content-Type': 'application/octet-stream' },
        body: Uint8Array.from(bytes),
      });
      if (!response.ok) throw new SyncError('bad-server', `PUT ${path}: ${response.status}`);
    },
    async remove(path) {
      const response = await request('DELETE', path);
      if (!response.ok && response.status !== 404)
        throw new SyncError('bad-server', `DELETE ${path}: ${response.status}`);
    },
    async ensureFolder(folder) {
      const path = asFolder(folder);
      const response = await request('MKCOL', path);
      // 405: it already exists. Anything else that is not a success is a server we cannot use.
      if (!response.ok && response.status !== 405)
        throw new SyncError('bad-server', `MKCOL ${path}: ${response.status}`);
    },
  };
}

/**
 * The file names in a PROPFIND answer: each `href` (any namespace prefix) that lies directly
 * inside the listed folder. Servers answer with absolute paths or full URLs, encoded or not.
 */
export function namesInListing(xml: string, folderPath: string): string[] {
  const folder = decodeURIComponent(folderPath.endsWith('/') ? folderPath : `${folderPath}/`);
  const names: string[] = [];
  for (const match of xml.matchAll(/<(?:[\w-]+:)?href>\s*([^<]*?)\s*<\/(?:[\w-]+:)?href>/g)) {
    const href = decodeEntities(match[1] ?? '');
    let path: string;
    try {
      path = decodeURIComponent(new URL(href, 'http://host.invalid').pathname);
    } catch {
      continue;
    }
    if (!path.startsWith(folder)) continue;
    const rest = path.slice(folder.length);
    if (rest === '' || rest.replace(/\/$/, '').includes('/')) continue;
    if (rest.endsWith('/')) continue;
    names.push(rest);
  }
  return names;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
