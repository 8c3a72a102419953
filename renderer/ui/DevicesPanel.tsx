import { useCallback, useEffect, useState } from 'react';
import type { DeviceSettings, PrinterSettings } from '../../shared/bridge/device-settings';
import type { DeviceCandidates, DeviceStatus } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { assertNever } from '../../shared/util/assert-never';
import { requireAuthorization } from '../app/actions';
import { useFormats, useTerminal, useTerminalState } from '../app/terminal-context';

/**
 * The devices on the settings screen: each device's state (refreshed every 2 s), the
 * printer and scanners to use, a test print, and a scanner check (while this panel is open a
 * scan is shown here instead of opening a customer). Every request goes through the bridge,
 * which checks it; what the device side refuses is shown as it says it.
 */
type Form = {
  transport: PrinterSettings['transport'];
  model: string;
  path: string;
  baud: string;
  host: string;
  port: string;
  scannerPath: string;
  scannerBaud: string;
  hid: boolean;
};

const TRANSPORTS: readonly PrinterSettings['transport'][] = [
  'none',
  'simulated',
  'serial',
  'usb',
  'tcp',
];

export function DevicesPanel() {
  const { bridge, store, services } = useTerminal();
  const { t } = useFormats();
  const lang = useTerminalState((s) => s.lang);
  const [devices, setDevices] = useState<readonly DeviceStatus[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [candidates, setCandidates] = useState<DeviceCandidates | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [lastScan, setLastScan] = useState<ScanEvent | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]): void =>
    setForm((f) => (f ? { ...f, [key]: value } : f));

  const refresh = useCallback(async () => {
    const list = await bridge.request('devices.list', {});
    setDevices(list.ok ? list.value : []);
    setProblem(list.ok ? null : list.error);
  }, [bridge]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 2_000);
    void bridge.request('devices.settings.get', {}).then((r) => {
      if (r.ok) setForm(formOf(r.value));
    });
    void bridge.request('devices.candidates', {}).then((r) => {
      if (r.ok) setCandidates(r.value);
    });
    return () => clearInterval(timer);
  }, [bridge, refresh]);

  useEffect(() => {
    store.setState({ scanTarget: (code) => setLastScan({ code, source: 'manual', at: 0 }) });
    const off = bridge.onScan(setLastScan);
    return () => {
      off();
      store.setState({ scanTarget: null });
    };
  }, [bridge, store]);

  const save = async (): Promise<void> => {
    if (!form) return;
    // Changing the devices is a manager's action (a manager's PIN inside a cashier's session).
    if (!(await requireAuthorization(services, store, 'configure-devices'))) return;
    const answer = await bridge.request('devices.settings.set', settingsOf(form));
    setMessage(answer.ok ? t('devices.saved') : answer.error);
    if (answer.ok) {
      setForm(formOf(answer.value));
      // Another printer may have another width: the next print answer says which.
      store.setState({ printerColumns: null });
    }
    await refresh();
  };

  const testPrint = async (): Promise<void> => {
    const answer = await bridge.request('printer.testPrint', { lang });
    setMessage(answer.ok ? t('devices.testPrintSent') : answer.error);
    if (answer.ok) store.setState({ printerColumns: answer.value.columns });
    await refresh();
  };

  return (
    <section className="devices" aria-label={t('settings.devices')}>
      <h2>{t('settings.devices')}</h2>
      {problem && (
        <p className="notice notice-error">{t('devices.unavailable', { error: problem })}</p>
      )}
      <ul data-testid="devices">
        {devices.map((device) => (
          <li key={device.id} data-testid={`device-${device.kind}`} data-state={device.state}>
            <strong>{device.name}</strong> ({device.transport}):{' '}
            {t(`devices.state.${device.state}`)}
            {device.waiting ? `, ${t('devices.waiting', { waiting: device.waiting })}` : ''}
            {device.detail && <div className="muted">{device.detail}</div>}
          </li>
        ))}
      </ul>
      <p data-testid="last-scan">
        {lastScan
          ? t('devices.lastScan', { code: lastScan.code, source: lastScan.source })
          : t('devices.testScan')}
      </p>
      {form && (
        <form
          className="device-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h3>{t('devices.printer')}</h3>
          <label>
            {t('devices.transport')}
            <select
              value={form.transport}
              data-testid="printer-transport"
              onChange={(e) => set('transport', e.target.value as Form['transport'])}
            >
              {TRANSPORTS.map((transport) => (
                <option key={transport} value={transport}>
                  {t(`devices.transport.${transport}`)}
                </option>
              ))}
            </select>
          </label>
          {form.transport !== 'none' && (
            <label>
              {t('devices.model')}
              <select
                value={form.model}
                data-testid="printer-model"
                onChange={(e) => set('model', e.target.value)}
              >
                {(candidates?.printerModels ?? [{ id: form.model, name: form.model }]).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(form.transport === 'serial' || form.transport === 'usb') && (
            <label>
              {t('devices.path')}
              <input
                value={form.path}
                list="device-paths"
                data-testid="printer-path"
                onChange={(e) => set('path', e.target.value)}
              />
            </label>
          )}
          {form.transport === 'serial' && (
            <label>
              {t('devices.baud')}
              <input
                value={form.baud}
                inputMode="numeric"
                onChange={(e) => set('baud', e.target.value)}
              />
            </label>
          )}
          {form.transport === 'tcp' && (
            <>
              <label>
                {t('devices.host')}
                <input value={form.host} onChange={(e) => set('host', e.target.value)} />
              </label>
              <label>
                {t('devices.port')}
                <input
                  value={form.port}
                  inputMode="numeric"
                  onChange={(e) => set('port', e.target.value)}
                />
              </label>
            </>
          )}
          <label>
            {t('devices.serialScanner')}
            <input
              value={form.scannerPath}
              list="device-paths"
              data-testid="scanner-path"
              onChange={(e) => set('scannerPath', e.target.value)}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.hid}
              onChange={(e) => set('hid', e.target.checked)}
            />
            {t('devices.hid')}
          </label>
          <datalist id="device-paths">
            {[
              ...(candidates?.serialPorts.map((p) => p.path) ?? []),
              ...(candidates?.usbPrinters ?? []),
            ].map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <div className="actions">
            <button type="submit" className="big-button" data-testid="devices-save">
              {t('devices.save')}
            </button>
            <button
              type="button"
              className="big-button"
              data-testid="test-print"
              onClick={() => void testPrint()}
            >
              {t('devices.testPrint')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role="status" data-testid="devices-message">
          {message}
        </p>
      )}
    </section>
  );
}

function formOf(settings: DeviceSettings): Form {
  const printer = settings.printer;
  const scanner = settings.serialScanners[0];
  return {
    transport: printer.transport,
    model: printer.transport === 'none' ? 'epson-tm-t20iii' : printer.model,
    path: printer.transport === 'serial' || printer.transport === 'usb' ? printer.path : '',
    baud: printer.transport === 'serial' ? String(printer.baudRate) : '9600',
    host: printer.transport === 'tcp' ? printer.host : '',
    port: printer.transport === 'tcp' ? String(printer.port) : '9100',
    scannerPath: scanner?.path ?? '',
    scannerBaud: String(scanner?.baudRate ?? 9_600),
    hid: settings.hidScanners,
  };
}

/** The form as settings; the bridge checks them (numbers that are not numbers included). */
function settingsOf(form: Form): DeviceSettings {
  const printer = ((): PrinterSettings => {
    switch (form.transport) {
      case 'none':
        return { transport: 'none' };
      case 'simulated':
        return { transport: 'simulated', model: form.model };
      case 'serial':
        return {
          transport: 'serial',
          path: form.path,
          baudRate: Number(form.baud),
          model: form.model,
        };
      case 'usb':
        return { transport: 'usb', path: form.path, model: form.model };
      case 'tcp':
        return { transport: 'tcp', host: form.host, port: Number(form.port), model: form.model };
      default:
        return assertNever(form.transport, 'printer transport');
    }
  })();
  const scannerPath = form.scannerPath.trim();
  return {
    printer,
    serialScanners: scannerPath ? [{ path: scannerPath, baudRate: Number(form.scannerBaud) }] : [],
    hidScanners: form.hid,
  };
}
