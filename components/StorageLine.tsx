/** One line on how much Gloss stores and whether the browser promised to keep it, with the request. */
import { formatBytes, type StorageStatus } from '@/lib/pages/storage-status';

export function StorageLine({ status, onAsk }: { status: StorageStatus; onAsk: () => void }) {
  const used = status.usedBytes === undefined ? '' : `Gloss stores ${formatBytes(status.usedBytes)}. `;
  return (
    <p class="storage-line" role="status">
      {used}
      {status.persisted
        ? 'Your browser keeps this data even when space runs low.'
        : 'Your browser may clear this data when space runs low. '}
      {!status.persisted && (
        <button type="button" onClick={onAsk}>
          Keep my data
        </button>
      )}
      {status.answer && <span class="storage-answer"> {status.answer}</span>}
    </p>
  );
}
