import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';
import { parseProgram } from '../../shared/program/parse-program';
import { toCustomerRow } from '../db/customer-rows';
import { bootstrapStateSchema, pullCursorSchema } from '../db/rows';
import type { BootstrapState } from '../db/rows';
import type { TerminalDatabase } from '../db/terminal-database';
import { SyncError } from './sync-transport';
import type { SyncTransport } from './sync-transport';

export type BootstrapProgress = { readonly done: number; readonly total: number };

/** Customers per IndexedDB transaction: one big transaction is fast, one per row is slow. */
const CHUNK = 2_000;

/**
 * A new terminal's first copy of the chain, from the server's snapshot stream: customers,
 * cards, ledgers and their balance caches, written chunk by chunk, each chunk with its
 * checkpoint in ONE transaction. A cut stream resumes after the last customer written; when
 * the stream is whole the pull cursor is set to the snapshot's `asOf`, and pulling goes on
 * from there. Does nothing once done (or on a terminal that has pulled before).
 */
export async function bootstrapIfNeeded(
  db: TerminalDatabase,
  transport: SyncTransport,
  options: {
    readonly now: () => number;
    readonly onProgress?: (p: BootstrapProgress) => void;
    readonly chunkSize?: number;
  },
): Promise<boolean> {
  const state = await readBootstrap(db);
  if (state?.done) return false;
  if (!state && pullCursorSchema.safeParse((await db.settings.get('cursor'))?.value).success)
    return false; // pulled before bootstraps existed: pulling alone brings it up to date
  let checkpoint: BootstrapState = state ?? { asOf: 0, after: null, loaded: 0, done: false };
  let total = checkpoint.loaded;
  let chunk: { customer: CustomerProfile; cards: CardRecord[]; entries: LedgerEntry[] }[] = [];
  let first = state === null;
  let ended = false;

  const flush = async (): Promise<void> => {
    const last = chunk.at(-1);
    if (!last) return;
    const written = chunk;
    chunk = [];
    checkpoint = {
      ...checkpoint,
      after: last.customer.id,
      loaded: checkpoint.loaded + written.length,
    };
    const next = checkpoint;
    await db.transaction('rw', [db.customers, db.cards, db.ledger, db.balances, db.settings], () =>
      Promise.all([
        db.customers.bulkPut(written.map((w) => toCustomerRow(w.customer))),
        db.cards.bulkPut(written.flatMap((w) => w.cards)),
        db.ledger.bulkPut(written.flatMap((w) => w.entries)),
        db.balances.bulkPut(
          written.map((w) => ({ customerId: w.customer.id, fold: foldLedger(w.entries) })),
        ),
        db.settings.put({ key: 'bootstrap', value: next }),
      ]),
    );
    options.onProgress?.({ done: next.loaded, total });
  };

  for await (const line of transport.snapshot(checkpoint.after)) {
    switch (line.kind) {
      case 'header': {
        total = checkpoint.loaded + line.customers;
        if (first) checkpoint = { ...checkpoint, asOf: line.asOf };
        first = false;
        const program = line.program ? parseProgram(line.program) : null;
        if (program?.ok)
          await db.programs.put({
            version: program.value.version,
            program: program.value,
            receivedAt: options.now(),
          });
        options.onProgress?.({ done: checkpoint.loaded, total });
        break;
      }
      case 'customer':
        chunk.push({ customer: line.customer, cards: line.cards, entries: line.entries });
        if (chunk.length >= (options.chunkSize ?? CHUNK)) await flush();
        break;
      case 'end':
        ended = true;
        break;
    }
  }
  if (!ended) throw new SyncError('offline', 'The snapshot stream was cut off; it will resume.');
  await flush();
  const done = { ...checkpoint, done: true };
  await db.transaction('rw', [db.settings], async () => {
    await db.settings.put({ key: 'bootstrap', value: done });
    await db.settings.put({ key: 'cursor', value: { cursor: done.asOf } });
  });
  return true;
}

async function readBootstrap(db: TerminalDatabase): Promise<BootstrapState | null> {
  const parsed = bootstrapStateSchema.safeParse((await db.settings.get('bootstrap'))?.value);
  return parsed.success ? parsed.data : null;
}
