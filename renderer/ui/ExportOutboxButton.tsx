import { useState } from 'react';
import { assertNever } from '../../shared/util/assert-never';
import { useTerminal, useTerminalState } from '../app/terminal-context';
import { exportOutbox } from '../sync/export-outbox';
import type { ExportedOutbox, ExportRefusal } from '../sync/export-outbox';
import { EXPORT_OUTBOX_TEXTS } from './export-outbox-texts';
import type { ExportOutboxTexts } from './export-outbox-texts';

/**
 * Exports the unsent messages to a signed file and hands it to the browser's (or Electron's)
 * download: for a store without any link (see export-outbox.ts). Nothing leaves the queue.
 */
export function ExportOutboxButton() {
  const { services } = useTerminal();
  const lang = useTerminalState((s) => s.lang);
  const texts = EXPORT_OUTBOX_TEXTS[lang];
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ readonly text: string; readonly ok: boolean } | null>(
    null,
  );

  const run = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await exportOutbox(services.db, services.now());
      if (!result.ok) {
        setMessage({ text: refusalText(result.error, texts), ok: false });
        return;
      }
      download(result.value);
      setMessage({ text: exportedText(result.value, texts), ok: true });
    } catch (error) {
      setMessage({
        text: texts.failed(error instanceof Error ? error.message : String(error)),
        ok: false,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void run()} data-testid="export-outbox">
        {texts.button}
      </button>
      <p>{texts.hint}</p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="export-outbox-result">
          {message.text}
        </p>
      )}
    </div>
  );
}

function exportedText(exported: ExportedOutbox, texts: ExportOutboxTexts): string {
  const saved = texts.exported(exported.count, exported.fileName);
  return exported.unreadable > 0 ? `${saved} ${texts.unreadable(exported.unreadable)}` : saved;
}

function refusalText(refusal: ExportRefusal, texts: ExportOutboxTexts): string {
  switch (refusal.code) {
    case 'not-registered':
      return texts.notRegistered;
    case 'nothing-to-export':
      return refusal.unreadable > 0
        ? `${texts.nothingToExport} ${texts.unreadable(refusal.unreadable)}`
        : texts.nothingToExport;
    default:
      return assertNever(refusal, 'export refusal');
  }
}

function download(exported: ExportedOutbox): void {
  const url = URL.createObjectURL(new Blob([exported.text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exported.fileName;
  link.click();
  // Revoked later, not at once: a download that starts slowly (a save dialog) still reads it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
