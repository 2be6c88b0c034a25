/**
 * The options page's Sync section: the server, the passphrase, turning sync on and off, and
 * a status line (a live region) with the state, the last sync, what waits and any error in
 * words. The passphrase field is cleared once sync is on: it is kept nowhere, only the key
 * derived from it (non-extractable, in the background's database).
 */
import { useState } from 'preact/hooks';
import { type SyncStatus, syncStatusLine } from '@/lib/sync/status';

export interface SyncSettingsProps {
  status: SyncStatus;
  onTurnOn(server: string, passphrase: string): Promise<void>;
  onTurnOff(): Promise<void>;
  onSyncNow(): Promise<void>;
}

export function SyncSettings({ status, onTurnOn, onTurnOff, onSyncNow }: SyncSettingsProps) {
  const on = status.state !== 'off';
  const [server, setServer] = useState(status.server ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const line = failure ?? (busy && !on ? 'Connecting…' : syncStatusLine(status));

  return (
    <section class="settings-section sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p class="hint">
        Sync keeps your annotations the same in every browser where you turn it on with the same server and
        passphrase. It goes through a WebDAV server you choose (your own, or <code>npm run sync-server</code>)
        and is end-to-end encrypted: the server only ever holds ciphertext. The passphrase cannot be
        recovered; without it the synced copy is unreadable, but what is on each device stays there.
      </p>
      {on ? (
        <p class="sync-server">
          Syncing with <strong>{status.server}</strong>
        </p>
      ) : (
        <form
          class="sync-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              await onTurnOn(server, passphrase);
              setPassphrase('');
            });
          }}
        >
          <label for="sync-server">Sync server</label>
          <input
            id="sync-server"
            type="url"
            required
            placeholder="https://dav.example.com/gloss/"
            value={server}
            onInput={(e) => setServer(e.currentTarget.value)}
          />
          <label for="sync-passphrase">Passphrase</label>
          <input
            id="sync-passphrase"
            type="password"
            required
            autoComplete="new-password"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Turn on sync
          </button>
        </form>
      )}
      <p
        class={`sync-status${failure || status.state === 'error' ? ' sync-error' : ''}`}
        role="status"
        aria-label="Sync status"
      >
        {line}
      </p>
      {on && (
        <div class="sync-actions">
          <button type="button" disabled={busy} onClick={() => void act(onSyncNow)}>
            Sync now
          </button>
          <button type="button" disabled={busy} onClick={() => void act(onTurnOff)}>
            Turn off sync
          </button>
        </div>
      )}
    </section>
  );
}
