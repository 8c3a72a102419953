import { approve } from '../app/actions';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { StaffMember } from '../staff/staff-member';
import { StaffPinPicker } from './StaffPinPicker';

const managersOnly = (member: StaffMember): boolean => member.role === 'manager';

/** A manager approves a manager-only action inside a cashier's session with their PIN. */
export function ApprovalDialog() {
  const approval = useTerminalState((s) => s.approval);
  const { services, store } = useTerminal();
  const { t } = useFormats();
  if (!approval) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('approval.title')}>
      <div className="dialog">
        <h2>{t('approval.title')}</h2>
        <StaffPinPicker
          filter={managersOnly}
          submitLabel={t('approval.submit')}
          onPin={async (manager, pin) => {
            await approve(services, store, manager, pin);
          }}
        />
        <button type="button" className="big-button" onClick={() => approval.resolve(null)}>
          {t('approval.cancel')}
        </button>
      </div>
    </div>
  );
}
