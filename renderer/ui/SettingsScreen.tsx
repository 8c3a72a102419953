import type { Lang } from '../../shared/i18n/lang';
import { LANGS } from '../../shared/i18n/lang';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';
import { DevicesPanel } from './DevicesPanel';
import { ServerSettings } from './ServerSettings';

/** Terminal and store identity, language, the central server, devices. */
export function SettingsScreen() {
  const { services, store } = useTerminal();
  const { t } = useFormats();
  const lang = useTerminalState((s) => s.lang);
  const { identity, program } = services;
  return (
    <main className="screen settings">
      <h1>{t('settings.title')}</h1>
      <dl>
        <dt>{t('settings.terminal')}</dt>
        <dd>{identity.terminalId}</dd>
        <dt>{t('settings.store')}</dt>
        <dd>
          {identity.storeName} ({identity.storeId})
        </dd>
        <dt>{t('settings.timeZone')}</dt>
        <dd>{identity.timeZone}</dd>
        <dt>{t('settings.program')}</dt>
        <dd>
          {program.name} v{program.version}
        </dd>
      </dl>
      <label>
        {t('settings.language')}
        <select
          value={lang}
          data-testid="language"
          onChange={(e) => {
            const next = e.target.value as Lang;
            store.setState({ lang: next });
            void services.db.settings.put({
              key: 'identity',
              value: { ...identity, language: next },
            });
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {l === 'ru' ? 'Русский' : 'English'}
            </option>
          ))}
        </select>
      </label>
      <ServerSettings />
      <DevicesPanel />
    </main>
  );
}
