// @vitest-environment node
// Node's own WebCrypto, the same API the service worker has; happy-dom adds nothing here.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  blobIv,
  decryptBlob,
  deriveKey,
  encryptBlob,
  fromBase64,
  type KeyParams,
  MIN_ITERATIONS,
  makeKeyCheck,
  newKeyParams,
  toBase64,
  verifyKeyCheck,
} from '../../lib/sync/crypto';
import { isSyncError } from '../../lib/sync/errors';

const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array) => new TextDecoder().decode(b);

let params: KeyParams;
let key: CryptoKey;

beforeAll(async () => {
  params = newKeyParams();
  key = await deriveKey('correct horse battery staple', params);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('key derivation', () => {
  it('uses at least 600,000 PBKDF2 iterations and a 16-byte random salt', () => {
    expect(params.iterations).toBeGreaterThanOrEqual(600_000);
    expect(params.salt).toHaveLength(16);
    expect(toBase64(newKeyParams().salt)).not.toBe(toBase64(params.salt));
  });

  it('gives the same key for the same passphrase and salt (another device)', async () => {
    const again = await deriveKey('correct horse battery staple', { ...params });
    const blob = await encryptBlob(key, 'a', text('hello'));
    expect(read(await decryptBlob(again, 'a', blob))).toBe('hello');
  });

  it('treats composed and decomposed accents as the same passphrase', async () => {
    const composed = await deriveKey('caf\u00e9 au lait', params);
    const decomposed = await deriveKey('cafe\u0301 au lait', params);
    const blob = await encryptBlob(composed, 'n', text('x'));
    expect(read(await decryptBlob(decomposed, 'n', blob))).toBe('x');
  });

  it('refuses parameters a hostile server could weaken the key with', async () => {
    const weak = { ...params, iterations: 1000 };
    expect(isSyncError(await rejection(deriveKey('pw', weak)), 'bad-server')).toBe(true);
    const short = { ...params, salt: new Uint8Array(4) };
    expect(isSyncError(await rejection(deriveKey('pw', short)), 'bad-server')).toBe(true);
    const huge = { ...params, iterations: 1e9 };
    expect(isSyncError(await rejection(deriveKey('pw', huge)), 'bad-server')).toBe(true);
    expect(MIN_ITERATIONS).toBe(600_000);
  });

  it('refuses an empty passphrase', async () => {
    expect(isSyncError(await rejection(deriveKey('', params)), 'wrong-passphrase')).toBe(true);
  });
});

describe('blobs', () => {
  it('round-trips bytes, including empty ones and views into larger buffers', async () => {
    const note = text('A secret note about page https://example.org/private');
    const blob = await encryptBlob(key, 'u1', note);
    expect(read(await decryptBlob(key, 'u1', blob))).toBe(read(note));
    expect(await decryptBlob(key, 'e', await encryptBlob(key, 'e', new Uint8Array(0)))).toHaveLength(0);
    const big = text('xxxxPAYLOADyyyy');
    const view = big.subarray(4, 11);
    expect(read(await decryptBlob(key, 'v', await encryptBlob(key, 'v', view)))).toBe('PAYLOAD');
  });

  it('never holds the plaintext in the blob', async () => {
    const blob = await encryptBlob(key, 'u', text('needle-in-the-note'));
    expect(Buffer.from(blob).includes('needle-in-the-note')).toBe(false);
  });

  it('refuses a blob under another key (wrong passphrase) as tampered', async () => {
    const other = await deriveKey('Correct horse battery staple', params);
    const blob = await encryptBlob(key, 'u', text('secret'));
    const error = await rejection(decryptBlob(other, 'u', blob));
    expect(isSyncError(error, 'tampered')).toBe(true);
  });

  it('refuses every single flipped bit, a truncation and an appended byte', async () => {
    const blob = await encryptBlob(key, 'u', text('short'));
    for (let i = 0; i < blob.length; i++) {
      const bad = blob.slice();
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      const error = await rejection(decryptBlob(key, 'u', bad));
      expect(isSyncError(error, 'tampered')).toBe(true);
    }
    expect(isSyncError(await rejection(decryptBlob(key, 'u', blob.slice(0, -1))), 'tampered')).toBe(true);
    const longer = new Uint8Array(blob.length + 1);
    longer.set(blob);
    expect(isSyncError(await rejection(decryptBlob(key, 'u', longer)), 'tampered')).toBe(true);
    expect(isSyncError(await rejection(decryptBlob(key, 'u', new Uint8Array(10))), 'tampered')).toBe(true);
  });

  it('names a blob from a newer format as such instead of calling it tampered', async () => {
    const blob = await encryptBlob(key, 'u', text('later'));
    blob[4] = 2;
    expect(isSyncError(await rejection(decryptBlob(key, 'u', blob)), 'newer-schema')).toBe(true);
  });

  it('binds each blob to its name: renamed or swapped blobs are refused', async () => {
    const blob = await encryptBlob(key, 'aaaa.update', text('one'));
    const error = await rejection(decryptBlob(key, 'bbbb.update', blob));
    expect(isSyncError(error, 'tampered')).toBe(true);
    expect(isSyncError(await rejection(decryptBlob(key, 'aaaa.snapshot', blob)), 'tampered')).toBe(true);
  });

  it('uses a fresh IV for every blob, even for the same name and bytes', async () => {
    const seen = new Set<string>();
    const ciphertexts = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const blob = await encryptBlob(key, 'same-name', text('same bytes'));
      seen.add(toBase64(blobIv(blob)));
      ciphertexts.add(toBase64(blob));
    }
    expect(seen.size).toBe(2000);
    expect(ciphertexts.size).toBe(2000);
    expect(blobIv(await encryptBlob(key, 'x', text('y')))).toHaveLength(12);
  });
});

describe('key check', () => {
  it('passes with the right passphrase and says "wrong passphrase" otherwise', async () => {
    const check = await makeKeyCheck(key);
    await expect(verifyKeyCheck(key, check)).resolves.toBeUndefined();
    const wrong = await deriveKey('wrong horse', params);
    const error = await rejection(verifyKeyCheck(wrong, check));
    expect(isSyncError(error, 'wrong-passphrase')).toBe(true);
    expect((error as Error).message).toMatch(/Wrong passphrase/);
  });

  it('keeps base64 lossless for every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...fromBase64(toBase64(all))]).toEqual([...all]);
  });
});
