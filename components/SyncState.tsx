/** The popup's and side panel's one-line sync state (synced, waiting, error); nothing while sync is off. */
import { syncStatus } from '@/lib/settings';
import { useSetting } from '@/lib/settings/use-setting';
import { syncBadgeText } from '@/lib/sync/status';

export function SyncState() {
  const status = useSetting(syncStatus);
  if (!status || status.state === 'off') return null;
  return (
    <p class={`sync-state sync-${status.state}`} role="status" aria-label="Sync">
      <span class="sync-dot" aria-hidden="true" />
      {syncBadgeText(status)}
    </p>
  );
}
