/**
 * End-to-end encryption of everything Gloss puts on a sync server, with WebCrypto only: it is
 * built into every browser and the MV3 service worker, needs no wasm (so no CSP change), and
 * nothing here touches the DOM.
 *
 * - The key comes from the reader's passphrase through PBKDF2-SHA-256 with a random salt that
 *   is stored beside the data (KeyParams). Argon2id would resist GPUs better, but only through
 *   a wasm or a slow pure-JS package; the issue accepts PBKDF2 at 600,000 iterations or more,
 *   which takes about 0.13 s in Node on this machine and happens once per sign-in.
 * - Each blob is AES-256-GCM with a fresh random 96-bit IV. Random IVs are safe for far more
 *   blobs than a reader will ever write (the usual bound is 2^32 per key), and unlike a
 *   counter they cannot repeat when two devices, or a worker restarted mid-upload, share the key.
 * - The blob's name goes into the associated data, so the server cannot swap two blobs,
 *   rename one, or pass a snapshot off as an update: each decrypts only under its own name.
 */
import { SyncError } from './errors';

export type Bytes = Uint8Array<ArrayBuffer>;

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023), and the floor. */
export const MIN_ITERATIONS = 600_000;
/** Reading settings from the server, anything above this is refused: it would hang the worker. */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
const IV_BYTES = 12;

/** What the server stores in the clear next to the data so that every device derives the same key. */
export interface KeyParams {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Bytes;
}

/** Fresh parameters for a sync folder that has none yet. */
export function newKeyParams(iterations = MIN_ITERATIONS): KeyParams {
  return { kdf: 'PBKDF2-SHA-256', iterations, salt: randomBytes(SALT_BYTES) };
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * The AES-GCM key for a passphrase. It is not extractable: code that holds the CryptoKey can
 * use it, but no script can read its bytes (a structured clone can still keep it in IndexedDB
 * so that a woken worker need not ask for the passphrase again).
 *
 * The passphrase is NFC-normalised so that the same words typed on macOS and on Windows,
 * which may compose accented letters differently, give the same key. Nothing else is changed:
 * spaces are part of a passphrase.
 */
export async function deriveKey(passphrase: string, params: KeyParams): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new SyncError('wrong-passphrase', 'empty passphrase');
  checkParams(params);
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: params.salt, iterations: params.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Refuses parameters a hostile or broken server could use to weaken the key (few iterations,
 * a short salt) or to stall the worker (a huge count).
 */
export function checkParams(params: KeyParams): void {
  const { iterations, salt } = params;
  if (params.kdf !== 'PBKDF2-SHA-256') throw new SyncError('bad-server', `unknown kdf ${String(params.kdf)}`);
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new SyncError('bad-server', `refusing ${iterations} PBKDF2 iterations`);
  }
  if (salt.length < SALT_BYTES || salt.length > 64) throw new SyncError('bad-server', 'bad salt length');
}

/*
 * Blob layout: "GLSY" | format version (1 byte) | IV (12 bytes) | AES-GCM ciphertext and tag.
 * The 5-byte header is authenticated too (it leads the associated data), so a server that
 * flips the version byte makes the blob fail rather than be read as another format.
 */
const MAGIC = [0x47, 0x4c, 0x53, 0x59];
const FORMAT = 1;
const HEADER_BYTES = MAGIC.length + 1;
const TAG_BYTES = 16;

function header(): Bytes {
  return Uint8Array.from([...MAGIC, FORMAT]);
}

function associatedData(head: Uint8Array, name: string): Bytes {
  const label = new TextEncoder().encode(name);
  const out = new Uint8Array(head.length + label.length);
  out.set(head, 0);
  out.set(label, head.length);
  return out;
}

/** Encrypts `plaintext` for storage under `name`; it will decrypt only under that same name. */
export async function encryptBlob(key: CryptoKey, name: string, plaintext: Uint8Array): Promise<Bytes> {
  const head = header();
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: associatedData(head, name) },
      key,
      // Copied so that a view into a larger buffer (a Yjs update often is one) encrypts only its own bytes.
      Uint8Array.from(plaintext),
    ),
  );
  const out = new Uint8Array(HEADER_BYTES + IV_BYTES + sealed.length);
  out.set(head, 0);
  out.set(iv, HEADER_BYTES);
  out.set(sealed, HEADER_BYTES + IV_BYTES);
  return out;
}

/**
 * Decrypts a blob read from under `name`. Anything that does not authenticate (another key,
 * a changed byte, a truncated upload, a blob moved from another name) throws `tampered`:
 * AES-GCM cannot tell those apart, which is why a wrong passphrase is caught earlier, by the
 * key check (`verifyKeyCheck`), and reported as such.
 */
export async function decryptBlob(key: CryptoKey, name: string, blob: Uint8Array): Promise<Bytes> {
  if (blob.length < HEADER_BYTES + IV_BYTES + TAG_BYTES)
    throw new SyncError('tampered', `${name}: too short`);
  const head = blob.subarray(0, HEADER_BYTES);
  if (!MAGIC.every((byte, i) => head[i] === byte))
    throw new SyncError('tampered', `${name}: not a Gloss blob`);
  const format = head[MAGIC.length] ?? 0;
  if (format > FORMAT) throw new SyncError('newer-schema', `${name}: blob format ${format}`);
  if (format !== FORMAT) throw new SyncError('tampered', `${name}: blob format ${format}`);
  const iv = blob.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: associatedData(head, name) },
      key,
      blob.slice(HEADER_BYTES + IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    throw new SyncError('tampered', `${name}: authentication failed`);
  }
}

/** The IV of an encrypted blob (for tests that check none repeats). */
export function blobIv(blob: Uint8Array): Bytes {
  return blob.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
}

/*
 * The key check: a known text encrypted under a reserved name and stored with the KeyParams.
 * A device that cannot decrypt it has the wrong passphrase, and says so before it reads or
 * writes anything else, so a typo changes nothing on either side.
 */
const CHECK_NAME = 'gloss-sync key check';
const CHECK_TEXT = 'Gloss sync key check v1';

export function makeKeyCheck(key: CryptoKey): Promise<Bytes> {
  return encryptBlob(key, CHECK_NAME, new TextEncoder().encode(CHECK_TEXT));
}

export async function verifyKeyCheck(key: CryptoKey, check: Uint8Array): Promise<void> {
  try {
    const text = new TextDecoder().decode(await decryptBlob(key, CHECK_NAME, check));
    if (text === CHECK_TEXT) return;
  } catch (error) {
    if (error instanceof SyncError && error.code === 'newer-schema') throw error;
  }
  throw new SyncError('wrong-passphrase');
}

/** Base64 for the bytes kept in the JSON settings file (salt, key check). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Bytes {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
