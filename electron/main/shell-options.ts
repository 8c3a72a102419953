import { APP_ORIGIN } from './app-protocol';

/**
 * How the shell starts, from its command line and environment (never from the renderer):
 *
 * | setting                                   | effect                                        |
 * |-------------------------------------------|-----------------------------------------------|
 * | `--kiosk` or `LOYALTY_KIOSK=1`            | full-screen kiosk window, no window frame     |
 * | `--terminal-query=server=…&code=…`        | start address parameters (the demo passes the |
 * | or `LOYALTY_TERMINAL_QUERY`               | central server and a one-time code)           |
 *
 * Only the renderer's known start parameters pass (server, code, db, demo); anything else in
 * the query is dropped.
 */
export type ShellOptions = {
  readonly kiosk: boolean;
  readonly startUrl: string;
};

export const START_PARAMETERS = ['server', 'code', 'db', 'demo'] as const;

const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on']);

export function parseShellOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ShellOptions {
  const kiosk =
    argv.includes('--kiosk') || TRUE_VALUES.has((env.LOYALTY_KIOSK ?? '').trim().toLowerCase());
  const queryArgument = argv.find((arg) => arg.startsWith('--terminal-query='));
  const query =
    queryArgument?.slice('--terminal-query='.length) ?? env.LOYALTY_TERMINAL_QUERY ?? '';
  return { kiosk, startUrl: appStartUrl(query) };
}

/** `app://terminal/index.html`, with the allowed start parameters of `query` (if any). */
export function appStartUrl(query: string): string {
  const given = new URLSearchParams(query);
  const kept = new URLSearchParams();
  for (const name of START_PARAMETERS) {
    const value = given.get(name);
    if (value !== null && value !== '') kept.set(name, value);
  }
  const search = kept.toString();
  return `${APP_ORIGIN}/index.html${search ? `?${search}` : ''}`;
}
