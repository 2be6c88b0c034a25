/**
 * A real WebDAV server (the npm `webdav-server`, the one `npm run sync-server` runs) on a
 * free port, serving a temporary folder, for the sync tests. It can be stopped and started
 * again on the same port and folder, which is how the tests take the server "offline".
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webdav from 'webdav-server';

export interface TestServer {
  url: string;
  folder: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Every file's bytes under the data folder, with its path. */
  files(): Array<{ path: string; bytes: Buffer }>;
  dispose(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'gloss-sync-'));
  let port = 0;
  let server: InstanceType<typeof webdav.v2.WebDAVServer> | undefined;
  const start = () =>
    new Promise<void>((resolve) => {
      server = new webdav.v2.WebDAVServer({
        port,
        hostname: '127.0.0.1',
        rootFileSystem: new webdav.v2.PhysicalFileSystem(folder),
      });
      server.start((http) => {
        const address = http?.address() as AddressInfo | undefined;
        port = address?.port ?? port;
        resolve();
      });
    });
  const stop = () => new Promise<void>((resolve) => (server ? server.stop(() => resolve()) : resolve()));
  await start();
  const files = () => {
    const out: Array<{ path: string; bytes: Buffer }> = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push({ path, bytes: readFileSync(path) });
      }
    };
    walk(folder);
    return out;
  };
  return {
    get url() {
      return `http://127.0.0.1:${port}/gloss/`;
    },
    folder,
    stop,
    start,
    files,
    async dispose() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
