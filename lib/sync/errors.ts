/**
 * The ways sync can fail, each with a sentence the options page can show as it is. One error
 * class with a code (rather than a class per failure) so that the status line, the tests and
 * a message crossing from the background to a page all switch on the same small string.
 */

export type SyncErrorCode =
  /** The passphrase does not open this server's data (or the key check was altered). */
  | 'wrong-passphrase'
  /** A blob failed authentication: changed, truncated, or moved to another name. */
  | 'tampered'
  /** The data was written by a newer Gloss whose format this one does not know. */
  | 'newer-schema'
  /** No answer from the server (offline, wrong address, refused connection, timeout). */
  | 'unreachable'
  /** The server wants other credentials (401 or 403). */
  | 'unauthorized'
  /** The server has no room left (507 Insufficient Storage, or 413 for one blob). */
  | 'server-full'
  /** The server answered something a WebDAV server should not, or sync settings are unusable. */
  | 'bad-server';

const MESSAGES: Record<SyncErrorCode, string> = {
  'wrong-passphrase': 'Wrong passphrase: it does not open the data on this sync server.',
  tampered: 'Some synced data was changed on the server and was refused.',
  'newer-schema': 'This data was written by a newer version of Gloss. Update Gloss to sync it.',
  unreachable: 'The sync server cannot be reached.',
  unauthorized: 'The sync server refused the user name or password.',
  'server-full': 'The sync server is full.',
  'bad-server': 'The sync server gave an answer Gloss does not understand.',
};

export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly code: SyncErrorCode,
    /** Detail for logs and tests; never shown in place of the plain message. */
    readonly detail?: string,
  ) {
    super(MESSAGES[code]);
  }
}

export function isSyncError(error: unknown, code?: SyncErrorCode): error is SyncError {
  return error instanceof SyncError && (code === undefined || error.code === code);
}
