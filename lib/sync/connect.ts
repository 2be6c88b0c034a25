/**
 * Joining a sync folder: the first device writes `gloss-sync.json` (format, schema version,
 * salt, iterations and a key check, nothing else in the clear); every later device reads it,
 * derives the key from the passphrase and proves it on the key check before it reads or
 * writes anything else. A wrong passphrase or data from a newer Gloss stops here, with
 * nothing changed on either side.
 */
import * as v from 'valibot';
import {
  deriveKey,
  fromBase64,
  type KeyParams,
  makeKeyCheck,
  newKeyParams,
  toBase64,
  verifyKeyCheck,
} from './crypto';
import { SyncError } from './errors';
import type { SyncTransport } from './webdav';

export const MANIFEST = 'gloss-sync.json';
export const UPDATES = 'u';
/** The version of what Gloss stores on the server; a client refuses anything newer. */
export const SYNC_SCHEMA = 1;

const ManifestSchema = v.object({
  format: v.literal('gloss-sync'),
  schema: v.pipe(v.number(), v.integer(), v.minValue(1)),
  kdf: v.literal('PBKDF2-SHA-256'),
  iterations: v.number(),
  salt: v.string(),
  keyCheck: v.string(),
});

export interface Joined {
  key: CryptoKey;
  params: KeyParams;
  /** True when this device made the folder (no other device has written to it yet). */
  created: boolean;
}

export async function joinSyncFolder(
  transport: SyncTransport,
  passphrase: string,
  iterations?: number,
): Promise<Joined> {
  if (passphrase.length === 0) throw new SyncError('wrong-passphrase', 'empty passphrase');
  await transport.ensureFolder('');
  const existing = await transport.get(MANIFEST);
  if (!existing) {
    const params = newKeyParams(iterations);
    const key = await deriveKey(passphrase, params);
    const manifest: v.InferOutput<typeof ManifestSchema> = {
      format: 'gloss-sync',
      schema: SYNC_SCHEMA,
      kdf: params.kdf,
      iterations: params.iterations,
      salt: toBase64(params.salt),
      keyCheck: toBase64(await makeKeyCheck(key)),
    };
    await transport.ensureFolder(UPDATES);
    await transport.put(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
    return { key, params, created: true };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(existing));
  } catch {
    throw new SyncError('bad-server', `${MANIFEST} is not JSON`);
  }
  const manifest = v.safeParse(ManifestSchema, parsed);
  if (!manifest.success) {
    const schema = (parsed as { schema?: unknown } | null)?.schema;
    if (typeof schema === 'number' && schema > SYNC_SCHEMA)
      throw new SyncError('newer-schema', `server schema ${schema}`);
    throw new SyncError('bad-server', `${MANIFEST} is not a Gloss sync manifest`);
  }
  if (manifest.output.schema > SYNC_SCHEMA)
    throw new SyncError('newer-schema', `server schema ${manifest.output.schema}`);
  const params: KeyParams = {
    kdf: manifest.output.kdf,
    iterations: manifest.output.iterations,
    salt: fromBase64(manifest.output.salt),
  };
  const key = await deriveKey(passphrase, params);
  await verifyKeyCheck(key, fromBase64(manifest.output.keyCheck));
  await transport.ensureFolder(UPDATES);
  return { key, params, created: false };
}

/** A new random device id: it names this device's files and says nothing about it. */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
