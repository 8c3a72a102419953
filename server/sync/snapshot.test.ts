import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { snapshotLineSchema } from '../../shared/sync/protocol';
import type { SnapshotLine } from '../../shared/sync/protocol';
import { demoProgram } from '../../shared/testing/demo-program';
import { dayAt } from '../../shared/testing/test-terminal';
import { createTerminalCode } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { seedDemoChain } from '../demo/seed-demo-chain';
import { listenSyncApi } from '../http/listen';
import type { RunningServer } from '../http/listen';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { TEST_ENGINES } from '../testing/test-databases';
import { generateDemoCustomers } from '../../shared/demo-data/generate-demo-customers';

/** The bootstrap snapshot over real HTTP, on both engines. */
describe.each(TEST_ENGINES)('snapshot stream on $name', (engine) => {
  let sql: Sql;
  let server: RunningServer;
  let credential = '';
  const now = dayAt(400);

  beforeAll(async () => {
    sql = await engine.open();
    await publishProgram(sql, demoProgramJson);
    await seedDemoChain(sql, { customers: 120, seed: 3, now, program: demoProgram, chunkSize: 50 });
    server = await listenSyncApi({ sql, programs: createProgramStore(), now: () => now });
    const code = await createTerminalCode(sql, { storeId: 'S1', terminalId: 'S1-SNAP', now });
    if (!code.ok) throw new Error(code.error);
    const answer = await fetch(`${server.url}/v1/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.value.code }),
    });
    credential = ((await answer.json()) as { credential: string }).credential;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await sql.close();
  });

  const snapshot = async (query = ''): Promise<{ status: number; lines: SnapshotLine[] }> => {
    const response = await fetch(`${server.url}/v1/snapshot${query}`, {
      headers: { authorization: `Bearer ${credential}` },
    });
    const text = await response.text();
    if (!response.ok) return { status: response.status, lines: [] };
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => snapshotLineSchema.parse(JSON.parse(line)));
    return { status: response.status, lines };
  };

  it('sends every customer with cards and ledger, between a header at the change log’s end and a closing count', async () => {
    const { lines } = await snapshot();
    const maxSeq = Number((await sql.query('select max(seq)::int as n from changes'))[0]?.['n']);
    expect(lines[0]).toMatchObject({ kind: 'header', asOf: maxSeq, customers: 120 });
    expect(lines.at(-1)).toEqual({ kind: 'end', customers: 120 });
    const demo = generateDemoCustomers(3, 0, 120, now, demoProgram);
    const customers = lines.flatMap((line) => (line.kind === 'customer' ? [line] : []));
    expect(customers.map((c) => c.customer.id)).toEqual(demo.customers.map((c) => c.id).sort());
    const first = demo.balances[0];
    const sent = customers.find((c) => c.customer.id === first?.customerId);
    expect(foldLedger(sent?.entries ?? [])).toEqual(first?.fold);
    expect(sent?.cards).toHaveLength(1);
  });

  it('resumes after a customer id', async () => {
    const whole = (await snapshot()).lines.flatMap((l) =>
      l.kind === 'customer' ? [l.customer.id] : [],
    );
    const cut = whole[49] ?? '';
    const { lines } = await snapshot(`?after=${cut}`);
    expect(lines[0]).toMatchObject({ kind: 'header', customers: 70 });
    expect(lines.flatMap((l) => (l.kind === 'customer' ? [l.customer.id] : []))).toEqual(
      whole.slice(50),
    );
  });

  it('refuses a malformed resume point and a missing credential', async () => {
    expect((await snapshot('?after=nonsense')).status).toBe(400);
    const anonymous = await fetch(`${server.url}/v1/snapshot`);
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
  });
});
