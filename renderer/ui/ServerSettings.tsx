import { useEffect, useState } from 'react';
import { requireAuthorization } from '../app/actions';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import type { Translate } from '../i18n/messages';
import { registerTerminal } from '../sync/register-terminal';
import { ExportOutboxButton } from './ExportOutboxButton';
import { DEFAULT_TERMINAL_POLICY, terminalPolicySchema } from '../db/rows';
import type { RegistrationFailure } from '../sync/register-terminal';

/**
 * The central server part of Settings: registration with a one-time code while the terminal
 * has none, afterwards the link's state and the messages the server did not accept.
 */
export function ServerSettings() {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const view = useTerminalState((s) => s.sync);
  const lang = useTerminalState((s) => s.lang);
  const [serverUrl, setServerUrl] = useState('http://127.0.0.1:5181');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState(0);
  useEffect(() => {
    void services.db.syncProblems.count().then(setProblems);
  }, [services, view]);

  if (view?.registered)
    return (
      <section>
        <h2>{t('settings.server')}</h2>
        <p data-testid="sync-problems">{t('settings.problems', { count: problems })}</p>
        <OfflineLimit />
        <ExportOutboxButton />
      </section>
    );

  const register = async (): Promise<void> => {
    if (!(await requireAuthorization(services, store, 'register-terminal'))) return;
    const result = await registerTerminal(services.db, { serverUrl, code, language: lang });
    if (!result.ok) {
      setMessage(failureWords(result.error, t));
      return;
    }
    setMessage(t('settings.registered'));
    // The identity changed: start again with it (services are built once at start-up).
    location.reload();
  };
  return (
    <section>
      <h2>{t('settings.server')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void register();
        }}
      >
        <label>
          {t('settings.serverUrl')}
          <input
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            data-testid="server-url"
          />
        </label>
        <label>
          {t('settings.registrationCode')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="registration-code"
          />
        </label>
        <button type="submit">{t('settings.register')}</button>
      </form>
      {message && <p role="alert">{message}</p>}
    </section>
  );
}

function failureWords(failure: RegistrationFailure, t: Translate): string {
  switch (failure.code) {
    case 'unsent-messages':
      return t('register.unsent', { count: failure.count });
    case 'unreachable':
      return t('register.unreachable', { message: failure.message });
    case 'refused':
      return t('register.refused', { message: failure.message });
    case 'bad-answer':
      return t('register.badAnswer');
  }
}

/** The offline redemption limit: shown to everyone, changed by a manager. */
function OfflineLimit() {
  const { services } = useTerminal();
  const { t } = useFormats();
  const session = useTerminalState((s) => s.session);
  const [limit, setLimit] = useState<number | null>(null);
  useEffect(() => {
    void services.db.settings.get('policy').then((row) => {
      const parsed = terminalPolicySchema.safeParse(row?.value);
      setLimit((parsed.success ? parsed.data : DEFAULT_TERMINAL_POLICY).offlineRedemptionLimit);
    });
  }, [services]);
  if (limit === null) return null;
  return (
    <label>
      {t('settings.offlineLimit')}
      <input
        type="number"
        min={0}
        step={1}
        value={limit}
        disabled={session?.role !== 'manager'}
        data-testid="offline-limit"
        onChange={(event) => {
          const value = Number(event.target.value);
          if (!Number.isSafeInteger(value) || value < 0) return;
          setLimit(value);
          void services.db.settings.put({
            key: 'policy',
            value: { offlineRedemptionLimit: value },
          });
        }}
      />
    </label>
  );
}
