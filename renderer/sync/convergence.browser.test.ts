import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHybridClock } from '../../shared/ids/hybrid-logical-clock';
import { balanceFromFold } from '../../shared/ledger/balance';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { points } from '../../shared/money/money';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt } from '../../shared/testing/test-terminal';
import { DAY_MS } from '../../shared/time/zoned-time';
import { latestStamp } from '../app/start-terminal';
import { fromCardRow } from '../db/customer-rows';
import { adjustBalance } from '../operations/adjust-balance';
import { blockCard } from '../operations/card-changes';
import { readFold } from '../operations/customer-ledger';
import { enrolOn, registeredTerminal, sellOn, serverEntries } from '../testing/sync-terminals';
import type { SyncTestTerminal } from '../testing/sync-terminals';
import { testSyncServer } from '../testing/sync-server';
import { syncOnce } from './sync-once';
import { SyncError } from './sync-transport';
import type { SyncTransport } from './sync-transport';

/**
 * Convergence (the proof): four terminals in two stores, clocks a day fast, right or
 * a day slow, work offline on the same customers; they sync in a random order over a link
 * that loses answers, repeats them, reorders them, and crashes terminals between sending and
 * the acknowledgement. Afterwards every terminal's balances equal the server's, every card
 * agrees, and the server holds each operation once and each entry once.
 * Real IndexedDB (Chromium) and the real central server.
 */
type Fault = 'none' | 'lost-answer' | 'duplicated' | 'reordered' | 'crash';
type Step =
  | { readonly kind: 'enrol'; readonly t: number }
  | {
      readonly kind: 'sale';
      readonly t: number;
      readonly pick: number;
      readonly roubles: number;
      readonly spendAll: boolean;
    }
  | { readonly kind: 'adjust'; readonly t: number; readonly pick: number; readonly points: number }
  | { readonly kind: 'block'; readonly t: number; readonly pick: number }
  | { readonly kind: 'sync'; readonly t: number; readonly fault: Fault }
  | { readonly kind: 'next-day' };

const terminalIndex = fc.integer({ min: 0, max: 3 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('enrol' as const), t: terminalIndex }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      t: terminalIndex,
      pick: fc.nat(),
      roubles: fc.integer({ min: 100, max: 9000 }),
      spendAll: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      t: terminalIndex,
      pick: fc.nat(),
      points: fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('block' as const), t: terminalIndex, pick: fc.nat() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      t: terminalIndex,
      fault: fc.constantFrom<Fault>('none', 'lost-answer', 'duplicated', 'reordered', 'crash'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'next-day' as const }) },
);

/** The link, with the fault of this sync round. */
function faulty(transport: SyncTransport, fault: Fault): SyncTransport {
  switch (fault) {
    case 'none':
      return transport;
    case 'lost-answer':
    case 'crash':
      return {
        ...transport,
        push: async (messages) => {
          await transport.push(messages);
          throw new SyncError('offline', 'the answer was lost on the way');
        },
      };
    case 'duplicated':
      return {
        ...transport,
        push: async (messages) => {
          await transport.push(messages);
          return transport.push(messages);
        },
      };
    case 'reordered':
      return {
        ...transport,
        push: async (messages) => {
          const answer = await transport.push(messages);
          return { results: [...answer.results].reverse() };
        },
      };
  }
}

let runNumber = 0;

describe('convergence of terminals and the central server', () => {
  it('holds for random offline days over a faulty link (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 8, maxLength: 28 }),
        fc.tuple(
          fc.constantFrom(-DAY_MS, 0, DAY_MS),
          fc.constantFrom(-DAY_MS, 0, DAY_MS),
          fc.constantFrom(-DAY_MS, 0, DAY_MS),
          fc.constantFrom(-DAY_MS, 0, DAY_MS),
        ),
        async (steps, skews) => {
          runNumber += 1;
          const stores = ['S1', 'S1', 'S2', 'S2'];
          const terminals: SyncTestTerminal[] = [];
          for (const [i, storeId] of stores.entries())
            terminals.push(await registeredTerminal(storeId, { clockSkewMs: skews[i] ?? 0 }));
          const customers = new Set<string>();
          let operations = 0;
          let day = 1;
          let enrolments = 0;
          const setDay = (hour: number) => {
            for (const t of terminals) t.services.setNow(dayAt(day, hour));
          };
          setDay(10);

          const localCustomers = async (t: SyncTestTerminal): Promise<string[]> =>
            (await t.services.db.customers.toCollection().primaryKeys()).filter((id) =>
              customers.has(id),
            );
          const pickCustomer = async (
            t: SyncTestTerminal,
            pick: number,
          ): Promise<string | null> => {
            const known = await localCustomers(t);
            return known.length === 0 ? null : (known[pick % known.length] ?? null);
          };

          for (const [index, step] of steps.entries()) {
            setDay(9 + (index % 12));
            const t = step.kind === 'next-day' ? null : terminals[step.t];
            if (step.kind === 'next-day') {
              day += 1;
            } else if (step.kind === 'enrol' && t) {
              enrolments += 1;
              const phone = `7916${String(runNumber).padStart(3, '0')}${String(enrolments).padStart(4, '0')}`;
              const customer = await enrolOn(t, phone, runNumber * 100 + enrolments);
              customers.add(customer.id);
              operations += 1;
            } else if (step.kind === 'sale' && t) {
              const customerId = await pickCustomer(t, step.pick);
              if (!customerId) continue;
              const fold = await readFold(t.services.db, customerId);
              const available = Math.max(
                0,
                balanceFromFold(fold, demoProgram, t.services.now()).available,
              );
              const spend = step.spendAll
                ? Math.min(available, Math.floor(step.roubles * 0.25))
                : 0;
              await sellOn(t, customerId, step.roubles, spend >= 100 ? spend : 0);
              operations += 1;
            } else if (step.kind === 'adjust' && t) {
              const customerId = await pickCustomer(t, step.pick);
              if (!customerId) continue;
              const adjusted = await adjustBalance(t.services, {
                cashierId: 'C1',
                authorId: 'M1',
                customerId,
                points: points(step.points),
                reason: 'convergence test correction',
              });
              if (adjusted.ok) operations += 1;
            } else if (step.kind === 'block' && t) {
              const customerId = await pickCustomer(t, step.pick);
              if (!customerId) continue;
              const card = await t.services.db.cards.where('customerId').equals(customerId).first();
              if (!card) continue;
              const blocked = await blockCard(t.services, {
                managerId: 'M1',
                number: card.number,
                reason: 'lost',
              });
              if (blocked.ok) operations += 1;
            } else if (step.kind === 'sync' && t) {
              await syncOnce(t.services.db, faulty(t.transport, step.fault), {
                now: t.services.now,
              }).catch((error: unknown) => {
                if (!(error instanceof SyncError)) throw error;
              });
              if (step.fault === 'crash') {
                // The terminal restarts: a new clock continuing after the newest stored stamp.
                const after = await latestStamp(t.services.db);
                const clock = createHybridClock({
                  node: t.services.clock.tick().split('-').slice(2).join('-'),
                  now: t.services.now,
                  maxForwardDriftMs: 2 * DAY_MS,
                  ...(after ? { after } : {}),
                });
                terminals[step.t] = { ...t, services: { ...t.services, clock } };
              }
            }
          }

          // The link returns for good: everyone sends, then everyone pulls.
          for (let round = 0; round < 2; round++)
            for (const t of terminals)
              await syncOnce(t.services.db, t.transport, { now: t.services.now });

          const end = dayAt(day + 40);
          const terminalIds = terminals.map((t) => t.services.identity.terminalId);
          const applied = await testSyncServer.rows(
            `select count(*)::int as n from messages where status = 'applied' and terminal_id = any($1::text[])`,
            [terminalIds],
          );
          expect(applied[0]?.['n'], 'every operation reached the server exactly once').toBe(
            operations,
          );
          for (const t of terminals) expect(await t.services.db.outbox.count()).toBe(0);
          for (const customerId of customers) {
            const entries = await serverEntries(customerId);
            const server = foldLedger(entries);
            const serverBalance = balanceFromFold(server, demoProgram, end);
            const serverCards = await testSyncServer.rows(
              'select record from cards where customer_id = $1 order by number',
              [customerId],
            );
            for (const t of terminals) {
              const local = await readFold(t.services.db, customerId);
              const localBalance = balanceFromFold(local, demoProgram, end);
              const where = `customer ${customerId} on ${t.services.identity.terminalId}`;
              expect(local.entryCount, `${where}: entries`).toBe(server.entryCount);
              expect(localBalance.available, `${where}: available`).toBe(serverBalance.available);
              expect(localBalance.pending, `${where}: pending`).toBe(serverBalance.pending);
              const localIds = (
                await t.services.db.ledger.where('customerId').equals(customerId).primaryKeys()
              ).sort();
              expect(localIds, `${where}: the same entries`).toEqual(
                entries.map((e) => e.id).sort(),
              );
              const cards = (
                await t.services.db.cards.where('customerId').equals(customerId).toArray()
              )
                .map(fromCardRow)
                .sort((a, b) => a.number.localeCompare(b.number));
              expect(cards, `${where}: cards`).toEqual(serverCards.map((row) => row['record']));
            }
          }
          for (const t of terminals) await t.services.dispose();
        },
      ),
      { numRuns: 6, endOnFailure: true },
    );
  }, 300_000);
});
