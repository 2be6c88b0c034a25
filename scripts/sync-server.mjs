// `npm run sync-server`: a WebDAV server on this machine for trying Gloss sync and for the
// tests. It is the npm `webdav-server` package serving one folder from disk, nothing of
// Gloss's: any WebDAV server (Nextcloud, Apache mod_dav, `rclone serve webdav`) does the same
// job. Gloss only ever stores ciphertext on it, plus the salt and iteration count it needs
// to derive the key (gloss-sync.json).
//
//   PORT             port to listen on (default 8787)
//   GLOSS_SYNC_DATA  folder the data is kept in (default .sync-data/)
//   HOST             address to bind (default 127.0.0.1: reachable from this machine only)
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import webdav from 'webdav-server';

const { v2 } = webdav;
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const folder = resolve(process.env.GLOSS_SYNC_DATA ?? '.sync-data');
mkdirSync(folder, { recursive: true });

const server = new v2.WebDAVServer({
  port,
  hostname: host,
  rootFileSystem: new v2.PhysicalFileSystem(folder),
  // Lets an extension page reach the server too; Gloss itself fetches from its background,
  // which its host permission exempts from CORS.
  headers: {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, PUT, DELETE, PROPFIND, MKCOL, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Depth, Authorization',
  },
});

server.start((httpServer) => {
  const address = httpServer?.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  console.log(`Gloss sync server: data in ${folder}`);
  console.log(`Paste this into "Sync server" on Gloss's options page: http://${host}:${actualPort}/gloss/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.stop(() => process.exit(0)));
