import { useState } from 'react';
import { lookUpCard, openCustomer } from '../app/actions';
import { useFormats, useTerminal } from '../app/terminal-context';
import { maskName } from '../../shared/customers/person-name';
import { maskPhone } from '../../shared/customers/phone-number';
import type { PhoneNumber } from '../../shared/customers/phone-number';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { searchCustomers } from '../operations/find-customer';

/** Waiting for a scan; or a card number typed by hand; or a search by phone, 4 digits or name. */
export function ScanScreen() {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const [cardNumber, setCardNumber] = useState('');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CustomerProfile[] | null>(null);

  return (
    <main className="screen scan">
      <h1 className="scan-prompt">{t('scan.title')}</h1>
      <p className="hint">{t('scan.hint')}</p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUpCard(services, store, cardNumber);
        }}
      >
        <label>
          {t('scan.cardNumber')}
          <input
            value={cardNumber}
            data-testid="card-number"
            onChange={(e) => setCardNumber(e.target.value)}
          />
        </label>
        <button type="submit" className="big-button">
          {t('scan.find')}
        </button>
      </form>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void searchCustomers(services, query).then(setResults);
        }}
      >
        <label>
          {t('scan.search')}
          <input value={query} data-testid="search" onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" className="big-button">
          {t('scan.find')}
        </button>
      </form>
      {results && results.length === 0 && <p>{t('scan.noResults')}</p>}
      {results && results.length > 0 && (
        <ul className="results">
          {results.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                className="result"
                onClick={() => void openCustomer(services, store, customer.id, null)}
              >
                {maskName(customer.name)} · {maskPhone(customer.phone as PhoneNumber)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
