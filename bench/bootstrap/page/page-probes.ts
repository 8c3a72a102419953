import { foldLedger } from '../../../shared/ledger/fold-ledger';
import type { CardRecord } from '../../../shared/customers/card-record';
import type { CustomerProfile } from '../../../shared/customers/customer-profile';
import type { LedgerEntry } from '../../../shared/ledger/ledger-entry';
import { toCustomerRow } from '../../../renderer/db/customer-rows';
import { httpSyncTransport } from '../../../renderer/sync/sync-transport';
import type { FetchProbe, ParseProbe, SyncTarget } from './page-api';

/**
 * The snapshot stream read in the page without writing anything, each probe one layer more
 * of what the terminal does, so that the differences tell where the bootstrap's time goes.
 */

async function openSnapshot(target: SyncTarget) {
  const response = await fetch(`${target.serverUrl}/v1/snapshot`, {
    headers: { authorization: `Bearer ${target.credential}` },
  });
  if (!response.ok || !response.body)
    throw new Error(`GET /v1/snapshot: HTTP ${String(response.status)}`);
  return response.body;
}

const NEWLINE = 10;

/** fetch only: bytes and newlines counted, nothing decoded. */
export async function fetchOnly(target: SyncTarget): Promise<FetchProbe> {
  const started = performance.now();
  const reader = (await openSnapshot(target)).getReader();
  let firstByteMs = -1;
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    if (firstByteMs < 0) firstByteMs = performance.now() - started;
    bytes += chunk.value.byteLength;
    for (let at = chunk.value.indexOf(NEWLINE); at >= 0; at = chunk.value.indexOf(NEWLINE, at + 1))
      lines += 1;
  }
  return { ms: performance.now() - started, firstByteMs, bytes, lines };
}

type Counted = { customers: number; cards: number; entries: number };

/** The transport's reading loop (sync-transport.ts) with JSON.parse and no schema. */
export async function jsonOnly(target: SyncTarget): Promise<ParseProbe> {
  const started = performance.now();
  const reader = (await openSnapshot(target)).pipeThrough(new TextDecoderStream()).getReader();
  const counted: Counted = { customers: 0, cards: 0, entries: 0 };
  const count = (text: string): void => {
    const line = JSON.parse(text) as { kind: string; cards?: unknown[]; entries?: unknown[] };
    if (line.kind !== 'customer') return;
    counted.customers += 1;
    counted.cards += line.cards?.length ?? 0;
    counted.entries += line.entries?.length ?? 0;
  };
  let buffered = '';
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    buffered += chunk.value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      count(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  if (buffered.trim() !== '') count(buffered);
  return { ms: performance.now() - started, ...counted, prepareMs: 0 };
}

type Line = { customer: CustomerProfile; cards: CardRecord[]; entries: LedgerEntry[] };

/**
 * The terminal's transport (fetch, TextDecoderStream, lines, JSON.parse, zod). With
 * `prepareChunk` > 0, each run of that many customers also goes through what bootstrap.ts
 * computes before its transaction (the same maps), timed apart in `prepareMs`.
 */
export async function transportOnly(target: SyncTarget, prepareChunk: number): Promise<ParseProbe> {
  const started = performance.now();
  const transport = httpSyncTransport(target);
  const counted: Counted = { customers: 0, cards: 0, entries: 0 };
  let prepareMs = 0;
  let chunk: Line[] = [];
  let kept = 0;
  const prepare = (): void => {
    const t0 = performance.now();
    const rows = [
      chunk.map((w) => toCustomerRow(w.customer)),
      chunk.flatMap((w) => w.cards),
      chunk.flatMap((w) => w.entries),
      chunk.map((w) => ({ customerId: w.customer.id, fold: foldLedger(w.entries) })),
    ];
    prepareMs += performance.now() - t0;
    kept += rows.length; // keeps the work from being optimised away
    chunk = [];
  };
  for await (const line of transport.snapshot(null)) {
    if (line.kind !== 'customer') continue;
    counted.customers += 1;
    counted.cards += line.cards.length;
    counted.entries += line.entries.length;
    if (prepareChunk > 0) {
      chunk.push(line);
      if (chunk.length >= prepareChunk) prepare();
    }
  }
  if (chunk.length > 0) prepare();
  if (kept < 0) throw new Error('unreachable');
  return { ms: performance.now() - started - prepareMs, ...counted, prepareMs };
}
