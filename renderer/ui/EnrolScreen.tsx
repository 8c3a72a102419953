import { useEffect, useState } from 'react';
import { describeCardCodeError } from '../../shared/cards/parse-card-code';
import { assertNever } from '../../shared/util/assert-never';
import { openCustomer, requireAuthorization, showError } from '../app/actions';
import type { Formats } from '../app/terminal-context';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import { enrolCustomer } from '../operations/enrol-customer';
import type { Enrolment, EnrolmentError } from '../operations/enrol-customer';
import { findByCardCode, searchCustomers } from '../operations/find-customer';
import { VirtualCardQr } from './VirtualCardQr';

type Form = {
  name: string;
  phone: string;
  birthday: string;
  email: string;
  consent: boolean;
  referrer: string;
  cardKind: 'plastic' | 'virtual';
  cardNumber: string;
};

const EMPTY: Form = {
  name: '',
  phone: '',
  birthday: '',
  email: '',
  consent: false,
  referrer: '',
  cardKind: 'plastic',
  cardNumber: '',
};

/** Enrolment (manager): profile, consent, referrer, a scanned plastic card or a virtual one. */
export function EnrolScreen() {
  const { services, store } = useTerminal();
  const formats = useFormats();
  const { t } = formats;
  const lang = useTerminalState((s) => s.lang);
  const [form, setForm] = useState<Form>(EMPTY);
  const [done, setDone] = useState<Enrolment | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]): void =>
    setForm((f) => ({ ...f, [key]: value }));

  // While this screen is open, a scan fills the card number instead of looking a customer up.
  useEffect(() => {
    store.setState({
      scanTarget: (code) => setForm((f) => ({ ...f, cardKind: 'plastic', cardNumber: code })),
    });
    return () => store.setState({ scanTarget: null });
  }, [store]);

  /** The referrer named by card or phone: none given, found, or not found. */
  const findReferrer = async (): Promise<{ readonly id: string | null } | null> => {
    const text = form.referrer.trim();
    if (text === '') return { id: null };
    const byCard = await findByCardCode(services, text);
    if (byCard.ok) return { id: byCard.value.customer.id };
    const byPhone = await searchCustomers(services, text);
    return byPhone.length === 1 && byPhone[0] ? { id: byPhone[0].id } : null;
  };

  const submit = async (): Promise<void> => {
    const authorization = await requireAuthorization(services, store, 'enrol-customer');
    if (!authorization) return;
    const referrer = await findReferrer();
    if (!referrer) {
      showError(store, t('enrol.unknownReferrer'));
      return;
    }
    const result = await enrolCustomer(services, {
      managerId: authorization.authorId,
      name: form.name,
      phone: form.phone,
      birthday: form.birthday.trim() === '' ? null : form.birthday.trim(),
      email: form.email.trim() === '' ? null : form.email.trim(),
      marketingConsent: form.consent,
      referrerId: referrer.id,
      card:
        form.cardKind === 'virtual'
          ? { kind: 'virtual' }
          : { kind: 'plastic', scanned: form.cardNumber },
    });
    if (!result.ok) {
      showError(store, describeEnrolmentError(result.error, formats, lang));
      return;
    }
    setDone(result.value);
    setForm(EMPTY);
    store.setState({ notice: { kind: 'info', text: t('enrol.done') } });
  };

  if (done) {
    return (
      <main className="screen enrol">
        <h1>{t('enrol.done')}</h1>
        {done.qrPayload && <VirtualCardQr number={done.card.number} />}
        <button
          type="button"
          className="big-button primary"
          autoFocus
          onClick={() => void openCustomer(services, store, done.customer.id, done.card.number)}
        >
          {t('nav.scan')}
        </button>
      </main>
    );
  }

  return (
    <main className="screen enrol">
      <h1>{t('enrol.title')}</h1>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('enrol.name')}
          <input
            autoFocus
            required
            value={form.name}
            data-testid="enrol-name"
            onChange={(e) => set('name', e.target.value)}
          />
        </label>
        <label>
          {t('enrol.phone')}
          <input
            required
            inputMode="tel"
            value={form.phone}
            data-testid="enrol-phone"
            onChange={(e) => set('phone', e.target.value)}
          />
        </label>
        <label>
          {t('enrol.birthday')}
          <input
            value={form.birthday}
            placeholder="1990-05-20"
            data-testid="enrol-birthday"
            onChange={(e) => set('birthday', e.target.value)}
          />
        </label>
        <label>
          {t('enrol.email')}
          <input type="email" value={form.email} onChange={(e) => set('email', e.target.value)} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.consent}
            onChange={(e) => set('consent', e.target.checked)}
          />
          {t('enrol.consent')}
        </label>
        <label>
          {t('enrol.referrer')}
          <input value={form.referrer} onChange={(e) => set('referrer', e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('enrol.cardKind')}</legend>
          <label className="check">
            <input
              type="radio"
              name="card-kind"
              checked={form.cardKind === 'plastic'}
              onChange={() => set('cardKind', 'plastic')}
            />
            {t('enrol.plastic')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="card-kind"
              checked={form.cardKind === 'virtual'}
              data-testid="enrol-virtual"
              onChange={() => set('cardKind', 'virtual')}
            />
            {t('enrol.virtual')}
          </label>
          {form.cardKind === 'plastic' && (
            <label>
              {t('enrol.cardNumber')}
              <input
                value={form.cardNumber}
                data-testid="enrol-card"
                onChange={(e) => set('cardNumber', e.target.value)}
              />
            </label>
          )}
        </fieldset>
        <button type="submit" className="big-button primary" data-testid="enrol-submit">
          {t('enrol.submit')}
        </button>
      </form>
    </main>
  );
}

function describeEnrolmentError(error: EnrolmentError, { t }: Formats, lang: 'ru' | 'en'): string {
  switch (error.code) {
    case 'invalid-phone':
      return t('enrol.invalidPhone');
    case 'invalid-profile':
      return t('enrol.invalidField', { field: error.problems.map((p) => p.field).join(', ') });
    case 'duplicate-phone':
      return t('enrol.duplicatePhone');
    case 'unknown-referrer':
      return t('enrol.unknownReferrer');
    case 'card-in-use':
      return t('enrol.cardInUse', { number: error.number });
    case 'invalid-card':
      return describeCardCodeError(error.error, lang);
    default:
      return assertNever(error, 'enrolment error');
  }
}
