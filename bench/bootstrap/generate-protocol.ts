import type { CardRecord } from '../../shared/customers/card-record';
import type { CustomerProfile } from '../../shared/customers/customer-profile';
import type { LedgerEntry } from '../../shared/ledger/ledger-entry';

/** Between seed-chain.ts and its generator thread (generate-worker.ts). */
export type GeneratorSettings = { readonly seed: number; readonly now: number };
export type GenerateRequest = { readonly from: number; readonly count: number };
export type GeneratedChunk = {
  readonly from: number;
  readonly customers: readonly CustomerProfile[];
  readonly cards: readonly CardRecord[];
  readonly ledger: readonly LedgerEntry[];
  readonly generateMs: number;
};
