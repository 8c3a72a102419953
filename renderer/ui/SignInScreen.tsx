import { useEffect, useState } from 'react';
import { activeStaff, signIn } from '../app/actions';
import { useFormats, useTerminal } from '../app/terminal-context';
import type { StaffMember } from '../staff/staff-member';
import { PinForm } from './PinForm';

/** Staff pick their name, then type their PIN (no PIN-only sign-in: see staff/sign-in.ts). */
export function SignInScreen() {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);

  useEffect(() => {
    void activeStaff(services).then(setStaff);
  }, [services]);

  return (
    <main className="screen sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="hint">{t('signIn.demoHint')}</p>
      <h2>{t('signIn.chooseName')}</h2>
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
          submitLabel={t('signIn.submit')}
          onSubmit={async (pin) => {
            const fresh = (await activeStaff(services)).find((m) => m.id === chosen.id) ?? chosen;
            await signIn(services, store, fresh, pin);
          }}
        />
      )}
    </main>
  );
}
