import { useState } from 'react';
import { assertNever } from '../../shared/util/assert-never';
import { describeCardCodeError } from '../../shared/cards/parse-card-code';
import { refreshCustomer, requireAuthorization, showError } from '../app/actions';
import type { Formats } from '../app/terminal-context';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import { blockCard, replaceCard } from '../operations/card-changes';
import type { BlockReason, CardChangeError } from '../operations/card-changes';
import type { CustomerView } from '../operations/find-customer';
import { VirtualCardQr } from './VirtualCardQr';

/** The customer's cards, with replacement (points stay) and blocking for a manager. */
export function CardActions({ view }: { readonly view: CustomerView }) {
  const { services, store } = useTerminal();
  const formats = useFormats();
  const { t } = formats;
  const lang = useTerminalState((s) => s.lang);
  const [reason, setReason] = useState<BlockReason>('lost');
  const [newCard, setNewCard] = useState('');
  const [qr, setQr] = useState<string | null>(null);

  const fail = (error: CardChangeError): void => {
    showError(store, describeCardChangeError(error, formats, lang));
  };

  const replace = async (oldNumber: string, virtual: boolean): Promise<void> => {
    const authorization = await requireAuthorization(services, store, 'replace-card');
    if (!authorization) return;
    const result = await replaceCard(services, {
      managerId: authorization.authorId,
      oldNumber,
      reason,
      card: virtual ? { kind: 'virtual' } : { kind: 'plastic', scanned: newCard },
    });
    if (!result.ok) {
      fail(result.error);
      return;
    }
    if (virtual) setQr(result.value.replacement.number);
    setNewCard('');
    await refreshCustomer(services, store);
  };

  const block = async (number: string): Promise<void> => {
    const authorization = await requireAuthorization(services, store, 'block-card');
    if (!authorization) return;
    const result = await blockCard(services, { managerId: authorization.authorId, number, reason });
    if (!result.ok) {
      fail(result.error);
      return;
    }
    await refreshCustomer(services, store);
  };

  return (
    <section aria-label={t('customer.cards')}>
      <h2>{t('customer.cards')}</h2>
      <ul className="cards">
        {view.cards.map((card) => (
          <li key={card.number}>
            <code>{card.number}</code> — {t(`card.state.${card.state}`)}
            {card.state === 'active' && (
              <span className="row">
                <button
                  type="button"
                  onClick={() => void replace(card.number, newCard.trim() === '')}
                >
                  {t('card.replace')}
                </button>
                <button type="button" onClick={() => void block(card.number)}>
                  {t('card.block')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="row">
        <label>
          {t('card.reason')}
          <select value={reason} onChange={(e) => setReason(e.target.value as BlockReason)}>
            <option value="lost">{t('card.lost')}</option>
            <option value="stolen">{t('card.stolen')}</option>
            <option value="damaged">{t('card.damaged')}</option>
          </select>
        </label>
        <label>
          {t('enrol.cardNumber')}
          <input value={newCard} onChange={(e) => setNewCard(e.target.value)} />
        </label>
      </div>
      {qr && <VirtualCardQr number={qr} />}
    </section>
  );
}

function describeCardChangeError(
  error: CardChangeError,
  { t }: Formats,
  lang: 'ru' | 'en',
): string {
  switch (error.code) {
    case 'unknown-card':
      return t('scan.unknownCard', { number: '' });
    case 'card-not-active':
      return t(`card.state.${error.state}`);
    case 'card-in-use':
      return t('enrol.cardInUse', { number: error.number });
    case 'invalid-card':
      return describeCardCodeError(error.error, lang);
    default:
      return assertNever(error, 'card change error');
  }
}
