import { signIn } from '../app/actions';
import { useFormats, useTerminal } from '../app/terminal-context';
import type { StaffMember } from '../staff/staff-member';
import { StaffPinPicker } from './StaffPinPicker';

const everybody = (): boolean => true;

/** Staff pick their name, then type their PIN (no PIN-only sign-in: see staff/sign-in.ts). */
export function SignInScreen() {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  return (
    <main className="screen sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="hint">{t('signIn.demoHint')}</p>
      <h2>{t('signIn.chooseName')}</h2>
      <StaffPinPicker
        filter={everybody}
        submitLabel={t('signIn.submit')}
        onPin={async (member: StaffMember, pin) => {
          await signIn(services, store, member, pin);
        }}
      />
    </main>
  );
}
