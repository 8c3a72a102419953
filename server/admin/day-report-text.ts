import { formatMoney, formatPoints } from '../../shared/money/format';
import type { Money, Points } from '../../shared/money/money';
import { flagsText } from './command-text';
import type { DayReport } from './day-report';
import { formatLocalDate, formatLocalDateTime } from './local-time-text';
import { textTable } from './text-table';

/** The day report as a console table: figures first, then terminals, then open flags. */
export function dayReportText(report: DayReport): string {
  const { store } = report;
  const hours = (report.endMs - report.startMs) / 3_600_000;
  const figures: [string, string][] = [
    ['Sales', count(report.sales.count)],
    ['Money spent', roubles(report.sales.spend)],
    ['Points accrued', pts(report.sales.pointsAccrued)],
    ['Sales paid partly with points', count(report.redemptions.count)],
    ['Points spent', pts(report.redemptions.pointsSpent)],
    ['Refunds', count(report.refunds.count)],
    ['Money back on refunds', roubles(report.refunds.moneyBack)],
    ['Points reversed', pts(report.refunds.pointsReversed)],
    ['Points returned', pts(report.refunds.pointsReturned)],
    ['Bonuses', count(report.bonuses.count)],
    ['Bonus points', pts(report.bonuses.points)],
    ['Adjustments', count(report.adjustments.count)],
    ['Points added by adjustments', pts(report.adjustments.pointsAdded)],
    ['Points removed by adjustments', pts(report.adjustments.pointsRemoved)],
    ['Expiries', count(report.expiries.count)],
    ['Points expired', pts(report.expiries.pointsExpired)],
    ['Net points (all of the above)', pts(report.netPoints)],
  ];
  const lines = [
    `Day report: store ${store.id} "${store.name}", ${formatLocalDate(report.date)} (${store.timeZone})`,
    `From ${formatLocalDateTime(report.startMs, store.timeZone)} to ${formatLocalDateTime(report.endMs, store.timeZone)} local time (${String(hours)} h), entries by the terminals' clocks.`,
    '',
    textTable([{ title: 'FIGURE' }, { title: 'VALUE', align: 'right' }], figures),
  ];
  if (report.repeatsIgnored > 0)
    lines.push(
      `Not counted: ${count(report.repeatsIgnored)} once-only ${report.repeatsIgnored === 1 ? 'entry' : 'entries'} (bonus or expiry) repeated by another terminal.`,
    );
  lines.push('', 'Messages received from each terminal (by the server clock):');
  lines.push(
    report.terminals.length === 0
      ? 'No terminals.'
      : textTable(
          [
            { title: 'TERMINAL' },
            { title: 'APPLIED', align: 'right' },
            { title: 'REJECTED', align: 'right' },
          ],
          report.terminals.map((t) => [t.terminalId, count(t.applied), count(t.rejected)]),
        ),
  );
  lines.push('', `Open flags of store ${store.id}:`, flagsText(report.openFlags, false));
  return lines.join('\n');
}

function count(value: number): string {
  return String(value);
}

function roubles(amount: Money): string {
  return formatMoney(amount, 'en');
}

function pts(value: Points): string {
  return formatPoints(value, 'en');
}
