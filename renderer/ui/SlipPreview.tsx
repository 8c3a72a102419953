import { maskName } from '../../shared/customers/person-name';
import { PAPER_COLUMNS } from '../../shared/receipts/print-blocks';
import { printSlip, sendReceipt } from '../app/print-slip';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import { ReceiptPaper } from './ReceiptPaper';
import { slipPrintingText } from './slip-printing-text';

/**
 * The slip on screen after a sale or a refund: the figures the cashier tells the customer
 * (points spent and earned, the new balance), what became of it at the printer with "print
 * again", and the receipt as it prints (the same document the printer gets).
 */
export function SlipPreview() {
  const slip = useTerminalState((s) => s.slip);
  const customer = useTerminalState((s) => s.customer);
  const printing = useTerminalState((s) => s.printing);
  const lang = useTerminalState((s) => s.lang);
  const { store, services, bridge } = useTerminal();
  const { t, rub, pts, dateTime, date } = useFormats();
  const slipReceipt = useTerminalState((s) => s.slipReceipt);
  const printerColumns = useTerminalState((s) => s.printerColumns);
  const paper = slip && slipReceipt?.receiptId === slip.id ? slipReceipt.document : null;
  if (!slip) return null;
  const close = (): void => store.setState({ slip: null });
  const figures = slip.slip;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('slip.title', { number: slip.number })}
    >
      <article className="slip" data-testid="slip">
        <header>
          <strong>{services.identity.storeName}</strong>
          <div>{t('slip.title', { number: slip.number })}</div>
          <div>{dateTime(slip.at)}</div>
          {customer && <div>{maskName(customer.customer.name)}</div>}
          {slip.cardNumber && <div>•••• {slip.cardNumber.slice(-4)}</div>}
        </header>
        {figures.kind === 'sale' ? (
          <dl>
            <dt>{t('slip.sale')}</dt>
            <dd>{rub(figures.subtotal)}</dd>
            {figures.discount > 0 && (
              <>
                <dt>{t('checkout.discount')}</dt>
                <dd>−{rub(figures.discount)}</dd>
              </>
            )}
            <dt>{t('slip.pointsSpent')}</dt>
            <dd data-testid="slip-spent">{pts(figures.pointsSpent)}</dd>
            <dt>{t('checkout.toPay')}</dt>
            <dd data-testid="slip-to-pay">{rub(figures.toPay)}</dd>
            <dt>{t('slip.pointsEarned')}</dt>
            <dd data-testid="slip-earned">
              +{pts(figures.pointsEarned)} ({date(figures.pointsAvailableAt)})
            </dd>
            <dt>{t('slip.available')}</dt>
            <dd data-testid="slip-available">{pts(figures.availableAfter)}</dd>
            <dt>{t('slip.pending')}</dt>
            <dd>{pts(figures.pendingAfter)}</dd>
          </dl>
        ) : (
          <dl>
            <dt>{t('slip.refund', { number: slip.refundOf ?? '' })}</dt>
            <dd />
            <dt>{t('slip.moneyBack')}</dt>
            <dd data-testid="slip-money-back">{rub(figures.moneyBack)}</dd>
            <dt>{t('slip.pointsReturned')}</dt>
            <dd>{pts(figures.pointsReturned)}</dd>
            <dt>{t('slip.pointsReversed')}</dt>
            <dd>{pts(figures.pointsReversed)}</dd>
            <dt>{t('slip.available')}</dt>
            <dd data-testid="slip-available">{pts(figures.availableAfter)}</dd>
            <dt>{t('slip.pending')}</dt>
            <dd>{pts(figures.pendingAfter)}</dd>
          </dl>
        )}
        <p className="slip-printing" data-testid="slip-printing" role="status">
          {slipPrintingText(printing?.receiptId === slip.id ? printing : null, t)}
        </p>
        {paper && (
          <details className="slip-paper">
            <summary>{t('slip.paper')}</summary>
            <ReceiptPaper
              receipt={paper}
              lang={lang}
              columns={printerColumns ?? PAPER_COLUMNS['80mm']}
            />
          </details>
        )}
        <button
          type="button"
          className="big-button"
          disabled={printing?.receiptId === slip.id && printing.state === 'sending'}
          onClick={() =>
            void (paper
              ? sendReceipt(store, bridge, slip.id, paper)
              : printSlip(services, store, bridge, slip))
          }
          data-testid="slip-print-again"
        >
          {t('slip.printAgain')}
        </button>
        <button
          type="button"
          className="big-button primary"
          autoFocus
          onClick={close}
          data-testid="slip-close"
        >
          {t('slip.close')}
        </button>
      </article>
    </div>
  );
}
