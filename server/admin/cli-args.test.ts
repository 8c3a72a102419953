import { describe, expect, it } from 'vitest';
import { USAGE, parseCliArgs } from './cli-args';
import { outcomeWithoutDatabase } from './run-command';

/** The argument parser is pure: every usage error is found before a database is opened. */
describe('admin CLI arguments', () => {
  it.each([
    [['create-store', 'SA', 'Store A', 'Europe/Moscow']],
    [['create-terminal-code', 'SA', 'A1']],
    [['revoke-terminal', 'A1']],
    [['list-terminals']],
    [['list-terminals', 'SA']],
    [['publish-program', 'program.json']],
    [['list-overdrafts']],
    [['list-overdrafts', '--all']],
    [['list-flags', '--kind', 'overdraft', '--all']],
    [['list-flags', '--kind=card-conflict']],
    [['resolve-flag', '7', 'settled with the customer']],
    [['day-report', 'SA', '2026-01-10']],
  ])('accepts %j', (argv) => {
    expect(parseCliArgs(argv)).toMatchObject({ ok: true, value: { name: argv[0] } });
  });

  it('reads each command into typed fields', () => {
    expect(parseCliArgs(['create-store', 'SA', '  Store A ', 'Europe/Moscow'])).toEqual({
      ok: true,
      value: {
        name: 'create-store',
        storeId: 'SA',
        storeName: 'Store A',
        timeZone: 'Europe/Moscow',
      },
    });
    expect(parseCliArgs(['list-flags', '--all', '--kind', 'overdraft'])).toEqual({
      ok: true,
      value: { name: 'list-flags', kind: 'overdraft', includeResolved: true },
    });
    expect(parseCliArgs(['list-flags'])).toEqual({
      ok: true,
      value: { name: 'list-flags', kind: null, includeResolved: false },
    });
    expect(parseCliArgs(['resolve-flag', '12'])).toEqual({
      ok: true,
      value: { name: 'resolve-flag', flagId: 12, note: null },
    });
    expect(parseCliArgs(['day-report', 'SA', '2024-02-29'])).toEqual({
      ok: true,
      value: { name: 'day-report', storeId: 'SA', date: { year: 2024, month: 2, day: 29 } },
    });
  });

  it.each([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['create-store', 'SA', 'Store A'], 'create-store: missing <time-zone>'],
    [['create-store', 'SA', 'Store', 'A', 'Europe/Moscow'], 'create-store: too many arguments'],
    [['create-store', 'S A', 'Store A', 'Europe/Moscow'], 'create-store: store id "S A" must be'],
    [['create-store', 'SA', 'Store A', 'Mars/Olympus'], 'time zone "Mars/Olympus" is not an IANA'],
    [['create-store', 'SA', '   ', 'Europe/Moscow'], 'store name: must be 1–80 characters'],
    [['create-terminal-code', 'SA'], 'create-terminal-code: missing <terminal-id>'],
    [['create-terminal-code', 'SA', 'A1/x'], 'terminal id "A1/x" must be'],
    [['revoke-terminal'], 'revoke-terminal: missing <terminal-id>'],
    [['list-terminals', 'SA', 'SB'], 'list-terminals: too many arguments'],
    [['publish-program'], 'publish-program: missing <file.json>'],
    [['list-overdrafts', '--open'], 'list-overdrafts: unknown option --open'],
    [['list-overdrafts', 'now'], 'list-overdrafts: too many arguments'],
    [['list-overdrafts', '--all', '--all'], '--all given twice'],
    [['list-flags', '--kind'], 'list-flags: --kind needs a value'],
    [['list-flags', '--kind', 'fraud'], 'unknown flag kind "fraud" (known: overdraft,'],
    [['list-flags', '--all=yes'], '--all takes no value'],
    [['resolve-flag'], 'resolve-flag: missing <id>'],
    [['resolve-flag', 'seven'], 'flag id "seven" is not a flag number'],
    [['resolve-flag', '0'], 'flag id "0" is not a flag number'],
    [['resolve-flag', '-3'], 'flag id "-3" is not a flag number'],
    [['resolve-flag', '3', 'note', 'extra'], 'resolve-flag: too many arguments'],
    [['day-report', 'SA'], 'day-report: missing <YYYY-MM-DD>'],
    [['day-report', 'SA', '2026-02-30'], '"2026-02-30" is not a calendar date written YYYY-MM-DD'],
    [['day-report', 'SA', '10.01.2026'], '"10.01.2026" is not a calendar date'],
    [['day-report', 'SA', '2026-01-10', '--tz=UTC'], 'day-report: unknown option --tz=UTC'],
  ])('refuses %j: %s', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('a usage error exits 2 with one error line, then the usage; nothing on stdout', () => {
    const outcome = outcomeWithoutDatabase(['day-report', 'SA', '2026-13-01']);
    expect(outcome).toMatchObject({ exitCode: 2, stdout: '' });
    if (!('exitCode' in outcome)) throw new Error('expected an outcome');
    const [first, blank, ...rest] = outcome.stderr.split('\n');
    expect(first).toBe('error: day-report: "2026-13-01" is not a calendar date written YYYY-MM-DD');
    expect(blank).toBe('');
    expect(rest.join('\n')).toBe(USAGE);
    expect(outcome.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('help prints the usage and exits 0; a good command goes on to the database', () => {
    expect(outcomeWithoutDatabase(['--help'])).toEqual({ exitCode: 0, stdout: USAGE, stderr: '' });
    expect(outcomeWithoutDatabase(['revoke-terminal', 'A1'])).toEqual({
      command: { name: 'revoke-terminal', terminalId: 'A1' },
    });
  });

  it('the usage lists every command', () => {
    for (const name of [
      'create-store',
      'create-terminal-code',
      'revoke-terminal',
      'list-terminals',
      'publish-program',
      'list-overdrafts',
      'list-flags',
      'resolve-flag',
      'day-report',
      'import-outbox',
    ])
      expect(USAGE).toContain(`  ${name} `);
  });
});
