import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { formatsFor } from '../i18n/formats';
import type { Formats } from '../i18n/formats';
import type { TerminalBridge } from '../../shared/bridge/terminal-bridge';
import type { TerminalServices } from '../operations/terminal-services';
import type { TerminalState, TerminalStore } from '../state/terminal-store';
import type { SyncClient } from '../sync/sync-client';

/** What the React tree is given at start-up: the services and the UI store. */
export type Terminal = {
  readonly services: TerminalServices;
  readonly store: TerminalStore;
  readonly bridge: TerminalBridge;
  /** The sync worker; null where none runs (tests of single screens). */
  readonly sync: SyncClient | null;
};

const TerminalContext = createContext<Terminal | null>(null);

export const TerminalProvider = TerminalContext.Provider;

export function useTerminal(): Terminal {
  const terminal = useContext(TerminalContext);
  if (!terminal) throw new Error('useTerminal outside <TerminalProvider>');
  return terminal;
}

export function useTerminalState<T>(select: (state: TerminalState) => T): T {
  return useStore(useTerminal().store, select);
}

export type { Formats };

/** Texts and formats in the terminal's language and the store's time zone (shared, not rebuilt). */
export function useFormats(): Formats {
  const lang = useTerminalState((s) => s.lang);
  return formatsFor(lang, useTerminal().services.identity.timeZone);
}
