import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { formatMoney, formatPoints } from '../../shared/money/format';
import { money, points } from '../../shared/money/money';
import { translator } from '../i18n/messages';
import type { Translate } from '../i18n/messages';
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

/** Texts and number/date formats in the terminal's language and the store's time zone. */
export type Formats = {
  readonly t: Translate;
  readonly rub: (kopecks: number) => string;
  readonly pts: (count: number) => string;
  readonly date: (epochMs: number) => string;
  readonly dateTime: (epochMs: number) => string;
};

export function useFormats(): Formats {
  const lang = useTerminalState((s) => s.lang);
  const { timeZone } = useTerminal().services.identity;
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return {
    t: translator(lang),
    rub: (kopecks) => formatMoney(money(kopecks), lang),
    pts: (count) => formatPoints(points(count), lang),
    date: (epochMs) => date.format(epochMs),
    dateTime: (epochMs) => dateTime.format(epochMs),
  };
}
