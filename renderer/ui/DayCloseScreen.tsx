import { useEffect, useState } from 'react';
import { requireAuthorization } from '../app/actions';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import { terminalDayReport } from '../operations/terminal-day-report';
import type { TerminalDayReport } from '../operations/terminal-day-report';

/**
 * Day close (manager): sync first (when the terminal has a server), then the day's report on
 * screen, printable as a slip. Messages still unsent are shown first: the manager decides
 * whether to wait for the link or export them to a file.
 */
export function DayCloseScreen() {
  const { services, store, sync } = useTerminal();
  const { t, rub, pts, date } = useFormats();
  const view = useTerminalState((s) => s.sync);
  const [phase, setPhase] = useState<'authorizing' | 'syncing' | 'ready' | 'refused'>(
    'authorizing',
  );
  const [report, setReport] = useState<TerminalDayReport | null>(null);

  useEffect(() => {
    const left = new AbortController(); // the screen was left: drop the results
    const isLeft = (): boolean => left.signal.aborted;
    void (async () => {
      const authorization = await requireAuthorization(services, store, 'close-day');
      if (isLeft()) return;
      if (!authorization) {
        setPhase('refused');
        return;
      }
      setPhase('syncing');
      if (sync && store.getState().sync?.registered) await sync.syncNow();
      const made = await terminalDayReport(services.db, services.identity, services.now());
      if (isLeft()) return;
      setReport(made);
      setPhase('ready');
    })();
    return () => left.abort();
  }, [services, store, sync]);

  if (phase === 'refused') return <main className="screen">{t('dayClose.needsManager')}</main>;
  if (phase !== 'ready' || !report)
    return (
      <main className="screen">
        {t(phase === 'syncing' ? 'dayClose.syncing' : 'dayClose.authorizing')}
      </main>
    );
  const { summary } = report;
  const rows: readonly (readonly [string, string])[] = [
    [t('dayClose.sales'), String(summary.sales)],
    [t('dayClose.salesMoney'), rub(summary.salesMinor)],
    [t('dayClose.accrued'), pts(summary.pointsAccrued)],
    [t('dayClose.spent'), pts(summary.pointsSpent)],
    [t('dayClose.refunds'), String(summary.refunds)],
    [t('dayClose.moneyReturned'), rub(summary.moneyReturnedMinor)],
    [t('dayClose.reversed'), pts(summary.pointsReversed)],
    [t('dayClose.returned'), pts(summary.pointsReturned)],
    [t('dayClose.bonuses'), pts(summary.bonusPoints)],
    [
      t('dayClose.adjustments'),
      `${String(summary.adjustments)} (${pts(summary.adjustmentPoints)})`,
    ],
    [t('dayClose.unsent'), String(report.unsent)],
    [t('dayClose.refused'), String(report.refused)],
  ];
  return (
    <main className="screen day-close">
      <h1>{t('dayClose.title')}</h1>
      {report.unsent > 0 && (
        <p className="notice notice-error" data-testid="day-close-unsent">
          {t('dayClose.unsentWarning', { count: report.unsent })}
        </p>
      )}
      {view?.registered && view.status.error && (
        <p className="muted">{view.status.error.message}</p>
      )}
      <section className="slip print-area" data-testid="day-close-slip">
        <p>
          {services.identity.storeName} · {services.identity.terminalId}
        </p>
        <p>{date(report.startMs)}</p>
        <dl>
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <button type="button" onClick={() => window.print()} data-testid="day-close-print">
        {t('dayClose.print')}
      </button>
    </main>
  );
}
