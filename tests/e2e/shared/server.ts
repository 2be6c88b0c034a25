/** The static server both end-to-end suites read their pages from: the test pages, then the demo. */
import { serveStatic } from '../../../scripts/static-server.mjs';

export interface TestServer {
  url: string;
  /** The path of every request served so far, to show what a page or a note made load. */
  requests: string[];
  stop(): void;
}

export async function startServer(): Promise<TestServer> {
  const { server, url } = await serveStatic(['tests/e2e/pages', 'demo']);
  const requests: string[] = [];
  server.on('request', (request: { url?: string }) => requests.push(request.url ?? ''));
  return { url, requests, stop: () => server.close() };
}

/** A page URL no other test uses (the query is part of Gloss's page key), so no test sees another's data. */
export function uniquePage(base: string, path: string): string {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${base}/${path}${path.includes('?') ? '&' : '?'}t=${tag}`;
}
