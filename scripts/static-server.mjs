// A tiny static file server on 127.0.0.1 for the demo article and the end-to-end test pages.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves `roots` (first match wins) and resolves with the base URL once listening. */
export function serveStatic(roots, port = 0) {
  const dirs = roots.map((root) => resolve(root));
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    for (const dir of dirs) {
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(dir)) break;
      try {
        if (!statSync(file).isFile()) continue;
      } catch {
        continue;
      }
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        // A page as strict as the web gets, for the test that highlights still show there.
        ...(path.includes('strict-csp')
          ? { 'content-security-policy': "default-src 'none'; style-src 'none'; img-src 'none'" }
          : {}),
      });
      createReadStream(file).pipe(response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  return new Promise((done) =>
    server.listen(port, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}
