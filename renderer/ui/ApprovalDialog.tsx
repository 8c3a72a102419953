import { useEffect, useState } from 'react';
import { activeStaff, approve } from '../app/actions';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { StaffMember } from '../staff/staff-member';
import { PinForm } from './PinForm';

/** A manager approves a manager-only action inside a cashier's session with their PIN. */
export function ApprovalDialog() {
  const approval = useTerminalState((s) => s.approval);
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const [managers, setManagers] = useState<StaffMember[]>([]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  useEffect(() => {
    if (approval)
      void activeStaff(services).then((staff) =>
        setManagers(staff.filter((m) => m.role === 'manager')),
      );
  }, [approval, services]);
  if (!approval) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('approval.title')}>
      <div className="dialog">
        <h2>{t('approval.title')}</h2>
        <div className="staff-list">
          {managers.map((manager) => (
            <button
              key={manager.id}
              type="button"
              className={`big-button ${chosen?.id === manager.id ? 'selected' : ''}`}
              onClick={() => setChosen(manager)}
            >
              {manager.name}
            </button>
          ))}
        </div>
        {chosen && (
          <PinForm
            key={chosen.id}
            label={t('signIn.pin')}
            submitLabel={t('approval.submit')}
            onSubmit={async (pin) => {
              const fresh = (await activeStaff(services)).find((m) => m.id === chosen.id) ?? chosen;
              await approve(services, store, fresh, pin);
            }}
          />
        )}
        <button type="button" className="big-button" onClick={() => approval.resolve(null)}>
          {t('approval.cancel')}
        </button>
      </div>
    </div>
  );
}
