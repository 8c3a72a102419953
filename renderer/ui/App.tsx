import { useEffect } from 'react';
import { lookUpCard, signOut } from '../app/actions';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import { translator } from '../i18n/messages';
import { oneScanAtATime } from '../scanner/one-scan-at-a-time';
import type { Screen } from '../state/terminal-store';
import { assertNever } from '../../shared/util/assert-never';
import { ApprovalDialog } from './ApprovalDialog';
import { CustomerScreen } from './CustomerScreen';
import { DayCloseScreen } from './DayCloseScreen';
import { EnrolScreen } from './EnrolScreen';
import { Notice } from './Notice';
import { RefundScreen } from './RefundScreen';
import { ScanScreen } from './ScanScreen';
import { SettingsScreen } from './SettingsScreen';
import { SignInScreen } from './SignInScreen';
import { SlipPreview } from './SlipPreview';
import { SyncStatusBar } from './SyncStatusBar';

/** Function keys for the main screens; Esc always backs out (dialog, then screen). */
const SHORTCUTS: Readonly<Record<string, Screen['name']>> = {
  F1: 'scan',
  F2: 'refund',
  F3: 'enrol',
  F9: 'settings',
  F10: 'day-close',
};

export function App() {
  const { services, store, bridge } = useTerminal();
  const session = useTerminalState((s) => s.session);

  // Scans from every source, one at a time: to the enrolment's card field, or a lookup.
  useEffect(
    () =>
      bridge.onScan(
        oneScanAtATime(
          async (scan) => {
            const { scanTarget, session: signedIn } = store.getState();
            if (!signedIn) return;
            if (scanTarget) scanTarget(scan.code);
            else await lookUpCard(services, store, scan.code);
          },
          {
            onDropped: (scan) =>
              store.setState({
                notice: {
                  kind: 'error',
                  text: translator(store.getState().lang)('scan.tooMany', { number: scan.code }),
                },
              }),
          },
        ),
      ),
    [bridge, services, store],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const state = store.getState();
      if (event.key === 'Escape') {
        if (state.approval) state.approval.resolve(null);
        else if (state.slip) store.setState({ slip: null });
        else if (state.notice) store.setState({ notice: null });
        else store.setState({ screen: { name: 'scan' }, customer: null });
        return;
      }
      const target = SHORTCUTS[event.key];
      if (target && state.session) {
        event.preventDefault();
        store.setState({ screen: screenNamed(target), customer: null, notice: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="app">
      {session ? <SignedIn /> : <SignInScreen />}
      <Notice />
      <SlipPreview />
      <ApprovalDialog />
    </div>
  );
}

function screenNamed(name: Screen['name']): Screen {
  return name === 'customer' ? { name: 'scan' } : { name };
}

function SignedIn() {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const session = useTerminalState((s) => s.session);
  const screen = useTerminalState((s) => s.screen);
  const go = (name: Screen['name']): void =>
    store.setState({ screen: screenNamed(name), customer: null, notice: null });
  return (
    <>
      <header className="top-bar">
        <strong>{services.identity.storeName}</strong>
        <span className="muted">
          {services.identity.terminalId} · {session?.name} (
          {session ? t(`role.${session.role}`) : ''})
        </span>
        <SyncStatusBar />
        <nav>
          <button
            type="button"
            className={screen.name === 'scan' || screen.name === 'customer' ? 'active' : ''}
            onClick={() => go('scan')}
          >
            F1 {t('nav.scan')}
          </button>
          <button
            type="button"
            className={screen.name === 'refund' ? 'active' : ''}
            onClick={() => go('refund')}
          >
            F2 {t('nav.refund')}
          </button>
          <button
            type="button"
            className={screen.name === 'enrol' ? 'active' : ''}
            onClick={() => go('enrol')}
          >
            F3 {t('nav.enrol')}
          </button>
          <button
            type="button"
            className={screen.name === 'settings' ? 'active' : ''}
            onClick={() => go('settings')}
          >
            F9 {t('nav.settings')}
          </button>
          <button
            type="button"
            className={screen.name === 'day-close' ? 'active' : ''}
            onClick={() => go('day-close')}
          >
            F10 {t('nav.dayClose')}
          </button>
          <button type="button" onClick={() => signOut(store)}>
            {t('nav.signOut')}
          </button>
        </nav>
      </header>
      <CurrentScreen screen={screen} />
    </>
  );
}

function CurrentScreen({ screen }: { readonly screen: Screen }) {
  switch (screen.name) {
    case 'scan':
      return <ScanScreen />;
    case 'customer':
      return <CustomerScreen />;
    case 'refund':
      return <RefundScreen />;
    case 'enrol':
      return <EnrolScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'day-close':
      return <DayCloseScreen />;
    default:
      return assertNever(screen, 'screen');
  }
}
