import { useTerminal, useTerminalState } from '../app/terminal-context';

/** The one line where the terminal tells the cashier what went wrong (or right). */
export function Notice() {
  const notice = useTerminalState((s) => s.notice);
  const { store } = useTerminal();
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      <button
        type="button"
        className="notice-close"
        aria-label="×"
        onClick={() => store.setState({ notice: null })}
      >
        ×
      </button>
    </div>
  );
}
