import demoProgramJson from '../../resources/programs/demo-program.json';
import { parseProgram } from '../../shared/program/parse-program';
import type { Program } from '../../shared/program/program-schema';
import { describeSchemaProblems } from '../../shared/util/schema-problems';
import type { Lang } from '../../shared/i18n/lang';
import { parseHlcStamp } from '../../shared/ids/hybrid-logical-clock';
import type { HlcStamp } from '../../shared/ids/hybrid-logical-clock';
import { terminalIdentitySchema } from '../db/rows';
import type { TerminalIdentity } from '../db/rows';
import { TerminalDatabase } from '../db/terminal-database';
import type { TerminalServices } from '../operations/terminal-services';
import { browserIdentitySources } from '../platform/terminal-identity-sources';
import { hashPin } from '../staff/pin-hash';
import { registerTerminal } from '../sync/register-terminal';
import type { StaffMember } from '../staff/staff-member';

/**
 * Start-up: open the local store and read who this terminal is and which program is in force.
 * On a first start in demo mode the store is seeded: a demo identity, the demo program, two
 * staff members (cashier Анна, PIN 1111; manager Максим, PIN 9999) and demo customers.
 * Registered with a central server (by the code given on a first start, or later in Settings),
 * the terminal takes its identity from the server and its customers from the sync.
 */
export type StartOptions = {
  readonly databaseName: string;
  /** Demo customers to generate on a first start; 0 for none. */
  readonly demoCustomers: number;
  readonly seedCustomers: (
    db: TerminalDatabase,
    count: number,
    program: Program,
    onProgress: (done: number) => void,
  ) => Promise<void>;
  readonly onProgress: (done: number, total: number) => void;
  readonly preferredLang: Lang;
  /** Register with a central server on a first start (ignored once registered). */
  readonly registration: { readonly serverUrl: string; readonly code: string } | null;
};

export async function startTerminal(options: StartOptions): Promise<TerminalServices> {
  const db = new TerminalDatabase(options.databaseName);
  await db.open();
  const registered = await ensureRegistered(db, options);
  const identity = await readOrSeedIdentity(db, options.preferredLang);
  const program = await readOrSeedProgram(db);
  if ((await db.staff.count()) === 0) await seedStaff(db);
  // A registered terminal gets its customers from the central server (the sync worker).
  if (!registered && options.demoCustomers > 0 && (await db.customers.count()) === 0) {
    await options.seedCustomers(db, options.demoCustomers, program, (done) =>
      options.onProgress(done, options.demoCustomers),
    );
  }
  const { newId, clock } = browserIdentitySources(identity.terminalId, await latestStamp(db));
  return { db, identity, program, now: () => Date.now(), newId, clock };
}

/** True when the terminal has a central server: registered before, or now with the code given. */
async function ensureRegistered(db: TerminalDatabase, options: StartOptions): Promise<boolean> {
  if (await db.settings.get('link')) return true;
  if (!options.registration) return false;
  const result = await registerTerminal(db, {
    ...options.registration,
    language: options.preferredLang,
  });
  if (!result.ok)
    throw new Error(
      `Registration with ${options.registration.serverUrl} failed: ${JSON.stringify(result.error)}`,
    );
  return true;
}

const DEMO_IDENTITY = (language: Lang): TerminalIdentity => ({
  terminalId: 'T1',
  storeId: 'S1',
  storeName: 'Демо-магазин на Тверской',
  cardBlock: 7,
  timeZone: 'Europe/Moscow',
  language,
});

async function readOrSeedIdentity(db: TerminalDatabase, lang: Lang): Promise<TerminalIdentity> {
  const row = await db.settings.get('identity');
  if (!row) {
    const identity = DEMO_IDENTITY(lang);
    await db.settings.put({ key: 'identity', value: identity });
    return identity;
  }
  const parsed = terminalIdentitySchema.safeParse(row.value);
  if (!parsed.success)
    throw new Error(
      'The terminal identity in the local store is unreadable; register the terminal again.',
    );
  return parsed.data;
}

async function readOrSeedProgram(db: TerminalDatabase): Promise<Program> {
  const latest = await db.programs.orderBy('version').last();
  const parsed = parseProgram(latest ? latest.program : demoProgramJson);
  if (!parsed.ok)
    throw new Error(`The loyalty program is invalid: ${describeSchemaProblems(parsed.error)}`);
  if (!latest)
    await db.programs.put({
      version: parsed.value.version,
      program: parsed.value,
      receivedAt: Date.now(),
    });
  return parsed.value;
}

async function seedStaff(db: TerminalDatabase): Promise<void> {
  const demo = [
    { id: 'C1', name: 'Анна', role: 'cashier', pin: '1111' },
    { id: 'M1', name: 'Максим', role: 'manager', pin: '9999' },
  ] as const;
  for (const person of demo) {
    const pinHash = await hashPin(person.pin);
    if (!pinHash.ok) throw new Error('demo PIN rejected');
    const member: StaffMember = {
      id: person.id,
      name: person.name,
      role: person.role,
      pinHash: pinHash.value,
      failedAttempts: 0,
      lockedUntil: null,
      active: true,
    };
    await db.staff.put(member);
  }
}

/**
 * The stamp of the newest entry this store holds (ids are UUIDv7, so the greatest id is the
 * latest written), for the clock to continue after it: stamps keep increasing across a
 * restart even if the wall clock was set back while the terminal was off.
 */
export async function latestStamp(db: TerminalDatabase): Promise<HlcStamp | undefined> {
  const row: unknown = await db.ledger.orderBy(':id').last();
  const stamp = (row as { stamp?: unknown } | undefined)?.stamp;
  return typeof stamp === 'string' && parseHlcStamp(stamp).ok ? (stamp as HlcStamp) : undefined;
}
