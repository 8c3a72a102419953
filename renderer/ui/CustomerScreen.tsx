import { useState } from 'react';
import { birthdayWindowAt } from '../../shared/bonuses/birthday-bonus';
import { maskName } from '../../shared/customers/person-name';
import { maskPhone } from '../../shared/customers/phone-number';
import type { PhoneNumber } from '../../shared/customers/phone-number';
import { parseLocalDate } from '../../shared/time/zoned-time';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { CustomerView } from '../operations/find-customer';
import { AdjustDialog } from './AdjustDialog';
import { CardActions } from './CardActions';
import { CheckoutPanel } from './CheckoutPanel';

/** The customer found by a scan or a search, and the checkout for them. */
export function CustomerScreen() {
  const view = useTerminalState((s) => s.customer);
  const screen = useTerminalState((s) => s.screen);
  const [adjusting, setAdjusting] = useState(false);
  const { t } = useFormats();
  if (!view || screen.name !== 'customer') return null;
  return (
    <main className="screen customer">
      <section className="customer-card" aria-label="customer">
        <CustomerSummary view={view} />
        <CardActions view={view} />
        <button type="button" className="big-button" onClick={() => setAdjusting(true)}>
          {t('customer.adjust')}
        </button>
        {adjusting && (
          <AdjustDialog customerId={view.customer.id} onClose={() => setAdjusting(false)} />
        )}
        <RecentOperations view={view} />
      </section>
      <CheckoutPanel view={view} cardNumber={screen.cardNumber} />
    </main>
  );
}

function CustomerSummary({ view }: { readonly view: CustomerView }) {
  const { services } = useTerminal();
  const { t, rub, pts, date } = useFormats();
  const { customer, balance } = view;
  const now = services.now();
  const birthdayRule = services.program.bonuses.birthday;
  const birthday = customer.birthday ? parseLocalDate(customer.birthday) : null;
  const window =
    birthday && birthdayRule
      ? birthdayWindowAt(birthday, birthdayRule, now, services.identity.timeZone)
      : null;
  return (
    <div className="summary">
      <h1 data-testid="customer-name">{maskName(customer.name)}</h1>
      <p className="muted">{maskPhone(customer.phone as PhoneNumber)}</p>
      {balance.tier && (
        <p data-testid="tier">
          {t('customer.tier')}: <strong>{balance.tier.current.name}</strong>
          {' · '}
          {balance.tier.next && balance.tier.spendToNext !== null
            ? t('customer.toNextTier', {
                tier: balance.tier.next.name,
                amount: rub(balance.tier.spendToNext),
              })
            : t('customer.topTier')}
        </p>
      )}
      <div className="balance">
        <div>
          <span className="muted">{t('customer.available')}</span>
          <strong className={`big ${balance.negative ? 'negative' : ''}`} data-testid="available">
            {pts(balance.available)}
          </strong>
        </div>
        <div>
          <span className="muted">{t('customer.pending')}</span>
          <strong className="big" data-testid="pending">
            {pts(balance.pending)}
          </strong>
        </div>
      </div>
      {balance.negative && <p className="warning">{t('customer.negative')}</p>}
      <ul className="facts">
        {balance.pendingLots.slice(0, 3).map((lot) => (
          <li key={`p${lot.availableAt}`}>
            {t('customer.pendingUntil', { points: pts(lot.points), date: date(lot.availableAt) })}
          </li>
        ))}
        {balance.expiringSoon.map((lot) => (
          <li key={`e${lot.expiresAt}`} className="warning">
            {t('customer.expiring', { points: pts(lot.points), date: date(lot.expiresAt) })}
          </li>
        ))}
        {balance.nextPurchaseOffer && (
          <li className="offer">
            {t('customer.offerNext', { date: date(balance.nextPurchaseOffer.until) })}
          </li>
        )}
        {window && customer.birthday && (
          <li className="offer">
            {t('customer.offerBirthday', { date: customer.birthday.slice(5) })}
          </li>
        )}
      </ul>
    </div>
  );
}

function RecentOperations({ view }: { readonly view: CustomerView }) {
  const { t, pts, dateTime } = useFormats();
  return (
    <section>
      <h2>{t('customer.recent')}</h2>
      {view.recent.length === 0 && <p className="muted">{t('customer.none')}</p>}
      <ul className="operations" data-testid="recent">
        {view.recent.map((entry) => (
          <li key={entry.id}>
            <span>{dateTime(entry.at)}</span> <span>{t(`op.${entry.kind}`)}</span>{' '}
            <strong>{entry.points > 0 ? `+${pts(entry.points)}` : pts(entry.points)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
