import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followProgramUpdates } from './app/program-updates';
import { startTerminal } from './app/start-terminal';
import { pageBridge } from './bridge/page-bridge';
import { TerminalProvider } from './app/terminal-context';
import { loadDemoData } from './demo-data/load-demo-data';
import { translator } from './i18n/messages';
import { createTerminalStore } from './state/terminal-store';
import { App } from './ui/App';
import { startSyncWorker } from './sync/sync-client';
import type { HlcStamp } from '../shared/ids/hybrid-logical-clock';
import './styles.css';

/**
 * Browser entry. URL parameters (for development, the demo and end-to-end tests): `db` names
 * the local database; `demo` how many demo customers a first start generates when the
 * terminal has no central server (default 10 000); `server` and `code` register the terminal
 * with a central server on its first start (the demo command passes them); `devices` and
 * `deviceToken` connect the terminal to a device host (browser mode with real devices).
 */
const params = new URLSearchParams(location.search);
const root = createRoot(document.getElementById('root') ?? document.body);
const preferredLang = navigator.language.startsWith('ru') ? 'ru' : 'en';
const t = translator(preferredLang);
root.render(<p className="loading">{t('app.loading')}</p>);

startTerminal({
  databaseName: params.get('db') ?? 'loyalty-terminal',
  demoCustomers: Number(params.get('demo') ?? 10_000),
  preferredLang,
  registration:
    params.get('server') && params.get('code')
      ? { serverUrl: params.get('server') ?? '', code: params.get('code') ?? '' }
      : null,
  seedCustomers: (db, customers, program, onProgress) =>
    loadDemoData(db, {
      customers,
      seed: 1,
      now: Date.now(),
      program,
      onProgress: (p) => onProgress(p.done),
    }).then(() => undefined),
  onProgress: (done, total) =>
    root.render(<p className="loading">{t('app.demoLoading', { done, total })}</p>),
})
  .then((services) => {
    const store = createTerminalStore(services.identity.language);
    document.documentElement.lang = services.identity.language;
    const notify = (kind: 'info' | 'error', text: string): void =>
      store.setState({ notice: { kind, text } });
    const reportUnexpected = (reason: unknown): void =>
      notify(
        'error',
        translator(store.getState().lang)('error.unexpected', {
          message: reason instanceof Error ? reason.message : String(reason),
        }),
      );
    // Anything an operation throws (an unreadable stored row, a full disk) reaches the cashier
    // as a notice, never silently: the operation itself wrote nothing.
    window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) =>
      reportUnexpected(event.reason),
    );
    // The program in force changes when the sync stores a newer version; the bridge is made
    // once, whatever re-renders.
    const bridge = pageBridge(window, params);
    let current = services;
    const render = (): void => {
      root.render(
        <StrictMode>
          <TerminalProvider value={{ services: current, store, bridge, sync }}>
            <App />
          </TerminalProvider>
        </StrictMode>,
      );
    };
    const checkProgramAfterSync = followProgramUpdates(services.db, {
      current: () => current.program,
      onNewer: (program) => {
        current = { ...current, program };
        const t = translator(store.getState().lang);
        notify('info', t('program.updated', { name: program.name, version: program.version }));
        render();
      },
      // A broken version is said like any unexpected error, once (followProgramUpdates).
      onBroken: (problem) => reportUnexpected(problem),
    });
    const sync = startSyncWorker(services.db.name, (view) => {
      store.setState({ sync: view });
      // Stamps from other terminals move this terminal's clock past them.
      const stamp = view.status.lastReport?.newestStamp;
      if (stamp) services.clock.receive(stamp as HlcStamp);
      checkProgramAfterSync(view.status.lastSuccessAt).catch(reportUnexpected);
    });
    render();
  })
  .catch((error: unknown) => {
    root.render(
      <p className="notice notice-error">
        {t('error.unexpected', { message: error instanceof Error ? error.message : String(error) })}
      </p>,
    );
  });
