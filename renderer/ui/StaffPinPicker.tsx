import { useEffect, useState } from 'react';
import { activeStaff } from '../app/actions';
import { useFormats, useTerminal } from '../app/terminal-context';
import type { StaffMember } from '../staff/staff-member';
import { PinForm } from './PinForm';

/**
 * Pick a staff member, then type their PIN: the sign-in screen and the manager approval
 * dialog. The record is read again before the PIN is checked, so a lockout recorded
 * meanwhile (another try, another window) is not lost.
 */
export function StaffPinPicker(props: {
  readonly filter: (member: StaffMember) => boolean;
  readonly submitLabel: string;
  readonly onPin: (member: StaffMember, pin: string) => Promise<void>;
}) {
  const { services } = useTerminal();
  const { t } = useFormats();
  const { filter } = props;
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  useEffect(() => {
    void activeStaff(services).then((members) => setStaff(members.filter(filter)));
  }, [services, filter]);
  return (
    <>
      <div className="staff-list">
        {staff.map((member) => (
          <button
            key={member.id}
            type="button"
            className={`big-button ${chosen?.id === member.id ? 'selected' : ''}`}
            onClick={() => setChosen(member)}
          >
            {member.name} <small>({t(`role.${member.role}`)})</small>
          </button>
        ))}
      </div>
      {chosen && (
        <PinForm
          key={chosen.id}
          label={t('signIn.pin')}
          submitLabel={props.submitLabel}
          onSubmit={async (pin) => {
            const fresh = (await activeStaff(services)).find((m) => m.id === chosen.id) ?? chosen;
            await props.onPin(fresh, pin);
          }}
        />
      )}
    </>
  );
}
