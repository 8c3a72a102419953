import { printSlip } from '../app/print-slip';
import { useState } from 'react';
import { quoteCheckout } from '../../shared/checkout/quote';
import type { BasketLine, Quote, QuoteError } from '../../shared/checkout/quote';
import type { RedemptionRange } from '../../shared/checkout/redemption-limit';
import type { Program } from '../../shared/program/program-schema';
import { describeMoneyInputError, parseMoneyInput } from '../../shared/money/parse-money-input';
import { points } from '../../shared/money/money';
import { assertNever } from '../../shared/util/assert-never';
import { refreshCustomer, showError } from '../app/actions';
import type { Formats } from '../app/terminal-context';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { CustomerView } from '../operations/find-customer';
import { recordSale } from '../operations/record-sale';
import { redemptionAllowance } from '../sync/redemption-allowance';
import type { RedemptionAllowance } from '../sync/redemption-allowance';
import { NumericKeypad } from './NumericKeypad';

/**
 * The purchase: amount on the keypad or the keyboard, the quote live as it changes, points to
 * spend up to the cap (slider and exact entry), confirm. The quote shown is the engine's, and
 * the sale is quoted again inside its transaction when confirmed.
 */
export function CheckoutPanel({
  view,
  cardNumber,
}: {
  readonly view: CustomerView;
  readonly cardNumber: string | null;
}) {
  const { services, store, bridge } = useTerminal();
  const formats = useFormats();
  const { t, pts } = formats;
  const session = useTerminalState((s) => s.session);
  const lang = useTerminalState((s) => s.lang);
  const [amountText, setAmountText] = useState('');
  const [category, setCategory] = useState('');
  const [basket, setBasket] = useState<readonly BasketLine[]>([]);
  const [spendText, setSpendText] = useState('0');
  const [busy, setBusy] = useState(false);

  const amount = parseMoneyInput(amountText);
  const spend = /^\d{1,9}$/.test(spendText) ? Number(spendText) : 0;
  const customer = {
    customerId: view.customer.id,
    balance: view.balance,
    clubMemberUntil: view.customer.clubMemberUntil,
    referrerId: view.customer.referrerId,
  };
  const at = { now: services.now(), timeZone: services.identity.timeZone };
  // The basket: lines added so far, plus the amount being typed (a one-line purchase needs no "add").
  const current: BasketLine[] =
    amount.ok && amount.value > 0
      ? [{ amount: amount.value, category: category || undefined }]
      : [];
  const lines = [...basket, ...current];
  const quoteFor = (pointsToSpend: number) =>
    lines.length > 0
      ? quoteCheckout(
          services.program,
          customer,
          { lines, pointsToSpend: points(pointsToSpend) },
          at,
        )
      : null;
  const clear = (): void => {
    setAmountText('');
    setBasket([]);
    setSpendText('0');
  };
  const range = quoteFor(0);
  const quote = quoteFor(spend);
  const max = range?.ok ? range.value.redemption.maxPoints : 0;

  const confirm = async (): Promise<void> => {
    if (!quote?.ok || !session || busy) return;
    setBusy(true);
    try {
      if (spend > 0) {
        const allowance = await redemptionAllowance(services.db, {
          customerId: view.customer.id,
          localAvailable: view.balance.available,
          now: services.now(),
        });
        if (spend > allowance.allowed) {
          showError(store, describeRefusal(allowance, formats));
          return;
        }
      }
      const sale = await recordSale(services, {
        cashierId: session.staffId,
        customerId: view.customer.id,
        cardNumber,
        request: { lines, pointsToSpend: points(spend) },
      });
      if (!sale.ok) {
        showError(
          store,
          sale.error.code === 'unknown-customer'
            ? t('scan.noResults')
            : describeQuoteError(sale.error, formats),
        );
        return;
      }
      store.setState({ slip: sale.value, notice: null });
      void printSlip(services, store, bridge, sale.value);
      clear();
      await refreshCustomer(services, store);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="checkout"
      aria-label="checkout"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <label>
        {t('checkout.amount')}
        <input
          className="amount"
          inputMode="decimal"
          autoFocus
          value={amountText}
          data-testid="amount"
          onChange={(e) => setAmountText(e.target.value)}
        />
      </label>
      <NumericKeypad value={amountText} onChange={setAmountText} />
      <div className="row">
        {services.program.categoryMultipliers.length > 0 && (
          <label>
            {t('checkout.category')}
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">—</option>
              {services.program.categoryMultipliers.map((c) => (
                <option key={c.category} value={c.category}>
                  {c.category}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="big-button"
          disabled={current.length === 0}
          data-testid="add-line"
          onClick={() => {
            setBasket([...basket, ...current]);
            setAmountText('');
          }}
        >
          {t('checkout.addLine')}
        </button>
      </div>
      {basket.length > 0 && (
        <ol className="basket" data-testid="basket">
          {basket.map((line, i) => (
            <li key={i}>
              {formats.rub(line.amount)} {line.category ?? ''}
              <button
                type="button"
                aria-label={t('checkout.removeLine')}
                onClick={() => setBasket(basket.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      {range?.ok && (
        <fieldset className="points">
          <legend>
            {t('checkout.points')} ({t('checkout.max', { max: pts(max) })})
          </legend>
          {max > 0 ? (
            <>
              <input
                type="range"
                min={0}
                max={max}
                step={1}
                value={Math.min(spend, max)}
                aria-label={t('checkout.points')}
                onChange={(e) => setSpendText(e.target.value)}
              />
              <input
                className="points-exact"
                inputMode="numeric"
                value={spendText}
                data-testid="points"
                onChange={(e) => setSpendText(e.target.value.replace(/\D/g, ''))}
              />
            </>
          ) : (
            <p className="muted">
              {t('checkout.noRedemption', {
                reason: describeLimit(range.value.redemption, view, services.program, formats),
              })}
            </p>
          )}
        </fieldset>
      )}
      {quote && !quote.ok && <p className="warning">{describeQuoteError(quote.error, formats)}</p>}
      {quote?.ok && <QuoteSummary quote={quote.value} formats={formats} />}
      {!amount.ok && amountText !== '' && (
        <p className="warning">{describeMoneyInputError(amount.error, lang)}</p>
      )}
      <div className="row">
        <button
          type="submit"
          className="big-button primary"
          disabled={!quote?.ok || busy}
          data-testid="confirm"
        >
          {t('checkout.confirm')}
        </button>
        <button type="button" className="big-button" onClick={clear}>
          {t('checkout.clear')}
        </button>
      </div>
    </form>
  );
}

function QuoteSummary({ quote, formats }: { readonly quote: Quote; readonly formats: Formats }) {
  const { t, rub, pts } = formats;
  return (
    <dl className="quote" data-testid="quote">
      {quote.total !== quote.subtotal && (
        <>
          <dt>{t('checkout.discount')}</dt>
          <dd>−{rub(quote.subtotal - quote.total)}</dd>
        </>
      )}
      <dt>{t('slip.pointsSpent')}</dt>
      <dd>{pts(quote.redemption.spent)}</dd>
      <dt>{t('checkout.toPay')}</dt>
      <dd className="big" data-testid="to-pay">
        {rub(quote.toPay)}
      </dd>
      <dt>{t('checkout.earn')}</dt>
      <dd data-testid="earn">
        +{pts(quote.accrual.points)}
        {quote.accrual.rules.length > 1 &&
          ` (${quote.accrual.rules.map((r) => t(`rule.${r.rule}`)).join(', ')})`}
      </dd>
    </dl>
  );
}

function describeLimit(
  range: RedemptionRange,
  view: CustomerView,
  program: Program,
  { t, pts }: Formats,
): string {
  switch (range.limitedBy) {
    case 'cap':
      return t('limit.cap', { share: (program.redemption?.maxShareBp ?? 0) / 100 });
    case 'balance':
      return t('limit.balance', { available: pts(view.balance.available) });
    case 'below-minimum':
      return t('limit.below-minimum', { min: pts(range.minPoints) });
    case 'no-redemption':
      return t('limit.no-redemption');
    default:
      return assertNever(range.limitedBy, 'redemption limit');
  }
}

export function describeQuoteError(error: QuoteError, { t, pts }: Formats): string {
  switch (error.code) {
    case 'empty-basket':
    case 'negative-amount':
    case 'zero-total':
    case 'negative-points':
      return t(`quote.${error.code}`);
    case 'below-minimum':
      return t('quote.below-minimum', { min: pts(error.minPoints) });
    case 'above-maximum':
      return t('quote.above-maximum', { max: pts(error.maxPoints) });
    case 'partial-not-allowed':
      return t('quote.partial-not-allowed', { max: pts(error.maxPoints) });
    default:
      return assertNever(error, 'quote error');
  }
}

/** Why fewer points may be spent than the customer's balance shows, in a cashier's words. */
function describeRefusal(allowance: RedemptionAllowance, { t, pts }: Formats): string {
  switch (allowance.source) {
    case 'local':
      return t('redeem.refused.local', { allowed: pts(allowance.allowed) });
    case 'online':
      return t('redeem.refused.online', {
        allowed: pts(allowance.allowed),
        server: pts(allowance.serverAvailable),
      });
    case 'offline':
      return t('redeem.refused.offline', {
        allowed: pts(allowance.allowed),
        limit: pts(allowance.limit),
        spent: pts(allowance.unsentSpent),
      });
  }
}
