import { describe, expect, it } from 'vitest';
import { twinSale } from '../../bench/storage/sale-twin';
import type { SaleRows } from '../../bench/storage/sale-twin';

// Only the fields twinSale keys by; the rest of each row is carried over as it is.
const sale = {
  customerId: 'cust-1',
  entries: [
    { id: 'entry-1', customerId: 'cust-1', points: 120 },
    { id: 'entry-2', customerId: 'cust-1', points: -40 },
  ],
  balance: { customerId: 'cust-1', available: 80 },
  receipt: { id: 'rcpt-1', number: 'S-000042', customerId: 'cust-1', total: 1500 },
  counters: { key: 'counters', value: { receiptSeq: 42, cardSerial: 7 } },
  message: { id: 'msg-1', kind: 'sale', createdAt: 1_793_610_000_000 },
} as unknown as SaleRows;

describe('a sale’s raw twin in the terminal’s database', () => {
  const twin = twinSale(sale, 'cust-2', '~');

  it('writes every new row under a key of its own, for a customer no terminal code reads', () => {
    expect(twin.entries.map((e) => [e.id, e.customerId])).toEqual([
      ['entry-1~', 'cust-1~'],
      ['entry-2~', 'cust-1~'],
    ]);
    expect(twin.balance.customerId).toBe('cust-1~');
    expect([twin.receipt.id, twin.receipt.number, twin.receipt.customerId]).toEqual([
      'rcpt-1~',
      'S-000042~',
      'cust-1~',
    ]);
    expect(twin.message.id).toBe('msg-1~');
  });

  it('reads another customer and puts the sale’s counters under a key of their own', () => {
    expect(twin.customerId).toBe('cust-2');
    expect(twin.counters).toEqual({ key: 'counters~', value: sale.counters.value });
    expect(twin.receipt).toMatchObject({ total: 1500 });
    expect(twin.message).toMatchObject({ kind: 'sale', createdAt: 1_793_610_000_000 });
    expect(sale.entries[0]?.id).toBe('entry-1');
  });

  it('keys a second twin of the same sale apart from the first by its marker', () => {
    const second = twinSale(sale, 'cust-3', '~~');
    expect([
      ...second.entries.map((e) => e.id),
      second.receipt.id,
      second.receipt.number,
      second.message.id,
      second.balance.customerId,
      second.counters.key,
    ]).toEqual([
      'entry-1~~',
      'entry-2~~',
      'rcpt-1~~',
      'S-000042~~',
      'msg-1~~',
      'cust-1~~',
      'counters~~',
    ]);
  });
});
