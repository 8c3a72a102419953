import { useState } from 'react';
import { points } from '../../shared/money/money';
import { assertNever } from '../../shared/util/assert-never';
import { refreshCustomer, requireAuthorization, showError } from '../app/actions';
import { useFormats, useTerminal } from '../app/terminal-context';
import { adjustBalance } from '../operations/adjust-balance';

/** A manager's correction of the balance, with a mandatory reason (audit trail). */
export function AdjustDialog({
  customerId,
  onClose,
}: {
  readonly customerId: string;
  readonly onClose: () => void;
}) {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');

  const submit = async (): Promise<void> => {
    const count = /^[+-]?\d{1,7}$/.test(delta.trim()) ? Number(delta.trim()) : 0;
    const authorization = await requireAuthorization(services, store, 'adjust-balance');
    if (!authorization) return;
    const result = await adjustBalance(services, {
      customerId,
      cashierId: authorization.cashierId,
      authorId: authorization.authorId,
      points: points(count),
      reason,
    });
    if (!result.ok) {
      const code = result.error.code;
      switch (code) {
        case 'zero-points': {
          showError(store, t('adjust.zero'));
          return;
        }
        case 'reason-required':
        case 'reason-too-long': {
          showError(store, t('adjust.reasonRequired'));
          return;
        }
        case 'unknown-customer': {
          showError(store, t('scan.noResults'));
          return;
        }
        default:
          return assertNever(code, 'adjustment error');
      }
    }
    await refreshCustomer(services, store);
    onClose();
  };

  return (
    <form
      className="dialog"
      aria-label={t('customer.adjust')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('adjust.points')}
        <input
          inputMode="numeric"
          autoFocus
          value={delta}
          data-testid="adjust-points"
          onChange={(e) => setDelta(e.target.value)}
        />
      </label>
      <label>
        {t('adjust.reason')}
        <input
          value={reason}
          data-testid="adjust-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="row">
        <button type="submit" className="big-button primary">
          {t('adjust.submit')}
        </button>
        <button type="button" className="big-button" onClick={onClose}>
          {t('approval.cancel')}
        </button>
      </div>
    </form>
  );
}
