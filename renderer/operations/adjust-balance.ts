import { manualAdjustment } from '../../shared/ledger/adjustment';
import type { AdjustmentError, AdjustmentRequest } from '../../shared/ledger/adjustment';
import type { AdjustmentEntry } from '../../shared/ledger/ledger-entry';
import { err, ok } from '../../shared/util/result';
import type { Result } from '../../shared/util/result';
import { appendEntries } from './customer-ledger';
import { operationContext, outboxMessage } from './terminal-services';
import type { TerminalServices } from './terminal-services';

/**
 * A manager's balance correction: the entry (with reason and author), the balance cache and
 * the outbox message in ONE transaction. The signed-in cashier is recorded too.
 */
export async function adjustBalance(
  services: TerminalServices,
  input: AdjustmentRequest & { readonly cashierId: string },
): Promise<Result<AdjustmentEntry, AdjustmentError | { readonly code: 'unknown-customer' }>> {
  const { db, program } = services;
  return db.transaction('rw', [db.customers, db.ledger, db.balances, db.outbox], async () => {
    if (!(await db.customers.get(input.customerId)))
      return err({ code: 'unknown-customer' as const });
    const entry = manualAdjustment(program, input, operationContext(services, input.cashierId));
    if (!entry.ok) return entry;
    await appendEntries(db, [entry.value]);
    await db.outbox.add(outboxMessage(services, 'adjustment', { entries: [entry.value] }));
    return ok(entry.value);
  });
}
