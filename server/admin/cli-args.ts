import { entityIdSchema } from '../../shared/ids/id-schemas';
import { FLAG_KINDS } from '../../shared/sync/protocol';
import type { FlagKind } from '../../shared/sync/protocol';
import { isValidTimeZone, parseLocalDate } from '../../shared/time/zoned-time';
import type { LocalDate } from '../../shared/time/zoned-time';
import { assertNever } from '../../shared/util/assert-never';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';

/**
 * The admin CLI's arguments → one command, as a pure function. Everything that can be
 * checked without the database is checked here (ids, time zones, dates, numbers), so a
 * typo is a usage error (exit 2) before anything is opened; what needs the database (a
 * store that exists) is a business error later (exit 1).
 */
export type CliCommand =
  | { readonly name: 'help' }
  | {
      readonly name: 'create-store';
      readonly storeId: string;
      readonly storeName: string;
      readonly timeZone: string;
    }
  | { readonly name: 'create-terminal-code'; readonly storeId: string; readonly terminalId: string }
  | { readonly name: 'revoke-terminal'; readonly terminalId: string }
  | { readonly name: 'list-terminals'; readonly storeId: string | null }
  | { readonly name: 'publish-program'; readonly file: string }
  | { readonly name: 'import-outbox'; readonly file: string }
  | { readonly name: 'list-overdrafts'; readonly includeResolved: boolean }
  | {
      readonly name: 'list-flags';
      readonly kind: FlagKind | null;
      readonly includeResolved: boolean;
    }
  | { readonly name: 'resolve-flag'; readonly flagId: number; readonly note: string | null }
  | { readonly name: 'day-report'; readonly storeId: string; readonly date: LocalDate };

export type CommandName = Exclude<CliCommand['name'], 'help'>;

/** Each command's synopsis and what it does, in the order the usage lists them. */
const COMMANDS: Readonly<Record<CommandName, readonly [synopsis: string, purpose: string]>> = {
  'create-store': [
    'create-store <id> <name> <time-zone>',
    'add a store (IANA zone: Europe/Moscow)',
  ],
  'create-terminal-code': [
    'create-terminal-code <store-id> <terminal-id>',
    'one-time code to register a terminal',
  ],
  'revoke-terminal': ['revoke-terminal <terminal-id>', 'end a terminal’s credential'],
  'list-terminals': ['list-terminals [store-id]', 'terminals, card blocks, state'],
  'publish-program': ['publish-program <file.json>', 'publish a loyalty program version'],
  'import-outbox': ['import-outbox <file.json>', 'apply a terminal’s exported unsent messages'],
  'list-overdrafts': ['list-overdrafts [--all]', 'overdrafts to reconcile (--all: resolved too)'],
  'list-flags': ['list-flags [--kind K] [--all]', 'flags of every kind (or of kind K)'],
  'resolve-flag': ['resolve-flag <id> [note]', 'mark a flag reconciled'],
  'day-report': ['day-report <store-id> <YYYY-MM-DD>', 'a store’s day, in its time zone'],
};

const SYNOPSIS_WIDTH = Math.max(...Object.values(COMMANDS).map(([synopsis]) => synopsis.length));

export const USAGE = [
  'Usage: tsx server/admin/cli.ts <command> [arguments]',
  '',
  'Commands:',
  ...Object.values(COMMANDS).map(
    ([synopsis, purpose]) => `  ${synopsis.padEnd(SYNOPSIS_WIDTH)}  ${purpose}`,
  ),
  '',
  `Flag kinds: ${FLAG_KINDS.join(', ')}.`,
  'Exit codes: 0 done, 1 refused (the reason is printed), 2 wrong command line.',
  'Database: PostgreSQL at DATABASE_URL if set, else PGlite in LOYALTY_DATA_DIR (default .data/server).',
].join('\n');

export function parseCliArgs(argv: readonly string[]): Result<CliCommand, string> {
  const [name, ...rest] = argv;
  if (name === undefined) return err('no command given');
  if (name === 'help' || name === '--help' || name === '-h') return ok({ name: 'help' });
  if (!isCommandName(name)) return err(`unknown command "${name}"`);
  const parsed = parseCommand(name, rest);
  // Every usage error names its command, so the one line says what to fix where.
  return parsed.ok ? parsed : err(`${name}: ${parsed.error}`);
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function parseCommand(name: CommandName, args: readonly string[]): Result<CliCommand, string> {
  switch (name) {
    case 'create-store': {
      const given = positionals(args, ['id', 'name', 'time-zone']);
      if (!given.ok) return given;
      const [id, storeName, zone] = given.value.required;
      const storeId = entityId('store id', id);
      if (!storeId.ok) return storeId;
      const trimmed = storeName.trim();
      if (trimmed.length === 0 || trimmed.length > 80)
        return err('store name: must be 1–80 characters');
      if (!isValidTimeZone(zone))
        return err(`time zone "${zone}" is not an IANA time zone (e.g. Europe/Moscow)`);
      return ok({ name, storeId: storeId.value, storeName: trimmed, timeZone: zone });
    }
    case 'create-terminal-code': {
      const given = positionals(args, ['store-id', 'terminal-id']);
      if (!given.ok) return given;
      const [store, terminal] = given.value.required;
      const storeId = entityId('store id', store);
      if (!storeId.ok) return storeId;
      const terminalId = entityId('terminal id', terminal);
      if (!terminalId.ok) return terminalId;
      return ok({ name, storeId: storeId.value, terminalId: terminalId.value });
    }
    case 'revoke-terminal': {
      const given = positionals(args, ['terminal-id']);
      if (!given.ok) return given;
      const terminalId = entityId('terminal id', given.value.required[0]);
      return terminalId.ok ? ok({ name, terminalId: terminalId.value }) : terminalId;
    }
    case 'list-terminals': {
      const given = positionals(args, [], 'store-id');
      if (!given.ok) return given;
      const store = given.value.optional;
      if (store === undefined) return ok({ name, storeId: null });
      const storeId = entityId('store id', store);
      return storeId.ok ? ok({ name, storeId: storeId.value }) : storeId;
    }
    case 'publish-program': {
      const given = positionals(args, ['file.json']);
      if (!given.ok) return given;
      const [file] = given.value.required;
      return file.trim() === '' ? err('the file name is empty') : ok({ name, file });
    }
    case 'import-outbox': {
      const given = positionals(args, ['file.json']);
      if (!given.ok) return given;
      const [file] = given.value.required;
      return file.trim() === '' ? err('the file name is empty') : ok({ name, file });
    }
    case 'list-overdrafts': {
      const options = parseOptions(args, { all: 'switch' });
      if (!options.ok) return options;
      const given = positionals(options.value.positionals, []);
      if (!given.ok) return given;
      return ok({ name, includeResolved: options.value.switches.has('all') });
    }
    case 'list-flags': {
      const options = parseOptions(args, { all: 'switch', kind: 'value' });
      if (!options.ok) return options;
      const given = positionals(options.value.positionals, []);
      if (!given.ok) return given;
      const kind = options.value.values.get('kind') ?? null;
      if (kind !== null && !isFlagKind(kind))
        return err(`unknown flag kind "${kind}" (known: ${FLAG_KINDS.join(', ')})`);
      return ok({ name, kind, includeResolved: options.value.switches.has('all') });
    }
    case 'resolve-flag': {
      const given = positionals(args, ['id'], 'note');
      if (!given.ok) return given;
      const [id] = given.value.required;
      // Flag ids are bigserial values: positive, and far below 2^53 in any real chain.
      if (!/^[1-9][0-9]{0,14}$/.test(id))
        return err(`flag id "${id}" is not a flag number (see list-flags)`);
      const note = given.value.optional?.trim() ?? '';
      return ok({ name, flagId: Number(id), note: note === '' ? null : note });
    }
    case 'day-report': {
      const given = positionals(args, ['store-id', 'YYYY-MM-DD']);
      if (!given.ok) return given;
      const [store, day] = given.value.required;
      const storeId = entityId('store id', store);
      if (!storeId.ok) return storeId;
      const date = parseLocalDate(day);
      if (!date) return err(`"${day}" is not a calendar date written YYYY-MM-DD`);
      return ok({ name, storeId: storeId.value, date });
    }
    default:
      return assertNever(name, 'admin command');
  }
}

/** The required positionals in order, then at most one optional; no `--options`. */
function positionals<const Names extends readonly string[]>(
  args: readonly string[],
  required: Names,
  optional?: string,
): Result<
  { readonly required: { readonly [K in keyof Names]: string }; readonly optional?: string },
  string
> {
  const option = args.find((arg) => arg.startsWith('--'));
  if (option !== undefined) return err(`unknown option ${option}`);
  const missing = required[args.length];
  if (missing !== undefined) return err(`missing <${missing}>`);
  const allowed = [...required, ...(optional === undefined ? [] : [optional])];
  if (args.length > allowed.length)
    return err(
      `too many arguments: expected ${allowed.map((n) => `<${n}>`).join(' ') || 'none'}, got ${String(args.length)} (quote a name that has spaces)`,
    );
  const extra = args[required.length];
  return ok({
    // Safe: the checks above make `args` hold at least `required.length` strings.
    required: args.slice(0, required.length) as unknown as { readonly [K in keyof Names]: string },
    ...(extra === undefined ? {} : { optional: extra }),
  });
}

type OptionSpec = Readonly<Record<string, 'switch' | 'value'>>;
type ParsedOptions = {
  readonly switches: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
};

/** `--name` switches and `--name value` / `--name=value` options; each at most once. */
function parseOptions(args: readonly string[], spec: OptionSpec): Result<ParsedOptions, string> {
  const switches = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [key = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = spec[key];
    if (kind === undefined) return err(`unknown option --${key}`);
    if (switches.has(key) || values.has(key)) return err(`--${key} given twice`);
    if (kind === 'switch') {
      if (inline !== undefined) return err(`--${key} takes no value`);
      switches.add(key);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('--'))
      return err(`--${key} needs a value`);
    values.set(key, value);
  }
  return ok({ switches, values, positionals });
}

function entityId(what: string, value: string): Result<string, string> {
  return entityIdSchema.safeParse(value).success
    ? ok(value)
    : err(`${what} "${value}" must be 1–36 letters, digits, _ or -`);
}

function isFlagKind(value: string): value is FlagKind {
  return (FLAG_KINDS as readonly string[]).includes(value);
}
