import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { Translate } from '../i18n/messages';
import type { SyncView } from '../sync/sync-worker-protocol';

/**
 * Always visible in the top bar: online or offline, messages waiting to be sent, the last
 * successful sync, and errors in words a manager understands, with "Sync now".
 */
export function SyncStatusBar() {
  const { sync } = useTerminal();
  const { t, dateTime } = useFormats();
  const view = useTerminalState((s) => s.sync);
  if (!view) return null;
  const { status } = view;
  const tone = !view.registered
    ? 'muted'
    : status.state === 'idle'
      ? 'ok'
      : status.state === 'syncing'
        ? 'busy'
        : 'bad';
  return (
    <div className={`sync-status sync-${tone}`} data-testid="sync-status" role="status">
      <span className="sync-dot" aria-hidden="true" />
      <span data-testid="sync-state">{headline(view, t)}</span>
      {view.bootstrap && (
        <label className="sync-bootstrap">
          {t('sync.bootstrap', { done: view.bootstrap.done, total: view.bootstrap.total })}
          <progress
            max={view.bootstrap.total}
            value={view.bootstrap.done}
            data-testid="sync-bootstrap"
          />
        </label>
      )}
      {view.registered && (
        <>
          <span data-testid="sync-waiting">{t('sync.waiting', { count: view.waiting })}</span>
          <span className="muted">
            {status.lastSuccessAt === null
              ? t('sync.never')
              : t('sync.last', { time: dateTime(status.lastSuccessAt) })}
            {status.state !== 'idle' && status.nextAttemptAt !== null
              ? ` · ${t('sync.retryAt', { time: dateTime(status.nextAttemptAt) })}`
              : ''}
          </span>
          {status.error && status.state !== 'syncing' && (
            <span className="sync-error" data-testid="sync-error">
              {errorWords(status.error, t)}
            </span>
          )}
          {sync && view.leader && (
            <button type="button" onClick={() => void sync.syncNow()} data-testid="sync-now">
              {t('sync.now')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function headline(view: SyncView, t: Translate): string {
  if (!view.registered) return t('sync.demo');
  if (!view.leader) return t('sync.follower');
  switch (view.status.state) {
    case 'idle':
      return t('sync.online');
    case 'syncing':
      return t('sync.syncing');
    case 'offline':
      return t('sync.offline');
    case 'error':
      return t('sync.error');
  }
}

export function errorWords(error: NonNullable<SyncView['status']['error']>, t: Translate): string {
  switch (error.kind) {
    case 'offline':
      return t('sync.offline');
    case 'server':
      return t('sync.error.server');
    case 'refused':
      if (error.code === 'revoked') return t('sync.error.revoked');
      if (error.code === 'unknown-credential' || error.code === 'malformed-credential')
        return t('sync.error.credential');
      return t('sync.error.refused', { message: error.message });
    case 'bad-answer':
      return t('sync.error.badAnswer', { message: error.message });
    case 'unexpected':
      return t('sync.error.unexpected', { message: error.message });
  }
}
