/** A transient message with an optional action (e.g. Undo), announced politely to screen readers. */
interface Props {
  message: string;
  tone?: 'info' | 'error';
  actionLabel?: string;
  onAction?: () => void;
}

export function Toast({ message, tone = 'info', actionLabel, onAction }: Props) {
  return (
    <div class={`toast toast-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" onClick={(e) => e.isTrusted && onAction()}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
