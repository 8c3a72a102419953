import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProgram } from '../../shared/testing/demo-program';
import { rub } from '../../shared/testing/test-account';
import { dayAt } from '../../shared/testing/test-terminal';
import { pullAnswerSchema, pushAnswerSchema } from '../../shared/sync/protocol';
import { createStore, createTerminalCode, revokeTerminal } from '../auth/terminals';
import type { Sql } from '../db/sql';
import { createProgramStore, publishProgram } from '../programs/program-store';
import { TEST_ENGINES } from '../testing/test-databases';
import { fixtureTerminal } from '../testing/sync-fixtures';
import { listenSyncApi } from './listen';
import type { RunningServer } from './listen';
import demoProgramJson from '../../resources/programs/demo-program.json';

/** The sync API over real HTTP, on PGlite and on a real PostgreSQL. */
describe.each(TEST_ENGINES)('sync API on $name', (engine) => {
  let sql: Sql;
  let server: RunningServer;
  let now = dayAt(0, 9);
  let credentialA = '';
  let credentialB = '';

  beforeAll(async () => {
    sql = await engine.open();
    server = await listenSyncApi({ sql, programs: createProgramStore(), now: () => now });
    await createStore(sql, { id: 'SA', name: 'Store A', timeZone: 'Europe/Moscow' });
    await createStore(sql, { id: 'SB', name: 'Store B', timeZone: 'Europe/Moscow' });
    expect((await publishProgram(sql, demoProgramJson)).ok).toBe(true);
  });
  afterAll(async () => {
    await server.close();
    await sql.close();
  });

  const call = async (
    method: string,
    path: string,
    options: { body?: string | object; credential?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const headers: Record<string, string> = {};
    if (options.credential) headers['authorization'] = `Bearer ${options.credential}`;
    if (options.body !== undefined)
      headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined
        ? {}
        : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const count = async (table: string): Promise<number> =>
    Number((await sql.query(`select count(*)::int as n from ${table}`))[0]?.['n']);

  describe('registration', () => {
    it('trades a one-time code for a credential, once', async () => {
      const code = await createTerminalCode(sql, { storeId: 'SA', terminalId: 'A1', now });
      if (!code.ok) throw new Error(code.error);
      const first = await call('POST', '/v1/register', { body: { code: code.value.code } });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        terminalId: 'A1',
        storeId: 'SA',
        storeName: 'Store A',
        cardBlock: 1,
      });
      credentialA = String(first.body['credential']);
      const again = await call('POST', '/v1/register', { body: { code: code.value.code } });
      expect(again).toMatchObject({ status: 403, body: { error: 'code-used' } });
      const codeB = await createTerminalCode(sql, { storeId: 'SB', terminalId: 'B1', now });
      if (!codeB.ok) throw new Error(codeB.error);
      const registeredB = await call('POST', '/v1/register', { body: { code: codeB.value.code } });
      expect(registeredB.body).toMatchObject({ terminalId: 'B1', cardBlock: 2 });
      credentialB = String(registeredB.body['credential']);
    });

    it('refuses an unknown code, an expired code and a malformed one', async () => {
      expect(
        await call('POST', '/v1/register', { body: { code: 'AAAA-BBBB-CCCC' } }),
      ).toMatchObject({
        status: 403,
        body: { error: 'unknown-code' },
      });
      const code = await createTerminalCode(sql, {
        storeId: 'SA',
        terminalId: 'A2',
        now: now - 2 * 86_400_000,
      });
      if (!code.ok) throw new Error(code.error);
      expect(await call('POST', '/v1/register', { body: { code: code.value.code } })).toMatchObject(
        {
          status: 403,
          body: { error: 'code-expired' },
        },
      );
      const malformed = await call('POST', '/v1/register', { body: { code: 42 } });
      expect(malformed.status).toBe(400);
      expect(malformed.body['message']).toMatch(/code/);
    });

    it('keeps only hashes of codes and credentials', async () => {
      const rows = await sql.query('select credential_hash from terminals where id = $1', ['A1']);
      expect(String(rows[0]?.['credential_hash'])).toMatch(/^[0-9a-f]{64}$/);
      expect(String(rows[0]?.['credential_hash'])).not.toContain(credentialA.split('.')[1]);
    });
  });

  describe('push and pull', () => {
    const a = fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 11 });
    const enrolment = a.enrol(dayAt(0, 10), '79990000001');
    const sale = a.sell(dayAt(0, 11), enrolment.customer.id, rub(1000));

    it('applies each message once, then answers duplicate', async () => {
      const batch = { messages: [enrolment.message, sale.message] };
      const first = pushAnswerSchema.parse(
        (await call('POST', '/v1/push', { body: batch, credential: credentialA })).body,
      );
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const again = pushAnswerSchema.parse(
        (await call('POST', '/v1/push', { body: batch, credential: credentialA })).body,
      );
      expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
      expect(await count('ledger_entries')).toBe(
        enrolment.message.entries.length + sale.message.entries.length,
      );
    });

    it('pull pages through every change in order, each parseable by the terminal', async () => {
      const seen: number[] = [];
      let cursor = 0;
      for (let page = 0; page < 10; page++) {
        const answer = pullAnswerSchema.parse(
          (
            await call('GET', `/v1/pull?after=${String(cursor)}&limit=2`, {
              credential: credentialB,
            })
          ).body,
        );
        seen.push(...answer.changes.map((c) => c.seq));
        cursor = answer.cursor;
        if (!answer.more) break;
      }
      const kinds = (await sql.query('select kind from changes order by seq')).map(
        (r) => r['kind'],
      );
      expect(seen).toHaveLength(kinds.length);
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
      expect(kinds).toEqual([
        'program',
        'customer',
        'card',
        ...Array<string>(enrolment.message.entries.length + sale.message.entries.length).fill(
          'entry',
        ),
      ]);
      const tail = await call('GET', `/v1/pull?after=${String(cursor)}`, {
        credential: credentialB,
      });
      expect(tail.body).toEqual({ changes: [], cursor, more: false });
    });

    it('answers the balance a terminal checks before spending points', async () => {
      now = dayAt(20, 12);
      const answer = await call('GET', `/v1/customers/${enrolment.customer.id}/balance`, {
        credential: credentialB,
      });
      expect(answer).toMatchObject({
        status: 200,
        body: { available: a.available(enrolment.customer.id, now) },
      });
    });
  });

  describe('bad input: a 4xx with a clear error, and nothing written', () => {
    const a = fixtureTerminal({ terminalId: 'A1', storeId: 'SA', seed: 12 });
    const good = a.enrol(dayAt(0, 10), '79990000002').message;

    const refused = async (
      request: Parameters<typeof call>[2] & { path?: string; method?: string },
      status: number,
      error: string,
    ): Promise<string> => {
      const before = await count('messages');
      const answer = await call(request.method ?? 'POST', request.path ?? '/v1/push', request);
      expect(answer.status).toBe(status);
      expect(answer.body['error']).toBe(error);
      expect(await count('messages')).toBe(before);
      return String(answer.body['message']);
    };

    it('malformed JSON', async () => {
      expect(
        await refused({ body: '{"messages": [', credential: credentialA }, 400, 'malformed-json'),
      ).toMatch(/not valid JSON/);
    });
    it('not JSON at all (content type)', async () => {
      await refused(
        { body: 'messages=1', contentType: 'text/plain', credential: credentialA },
        415,
        'unsupported-media-type',
      );
    });
    it('wrong types, named by field', async () => {
      const wrong = { messages: [{ ...good, createdAt: 'yesterday' }] };
      expect(
        await refused({ body: wrong, credential: credentialA }, 400, 'invalid-request'),
      ).toMatch(/messages\[0\]\.createdAt/);
    });
    it('an unknown message kind', async () => {
      const unknown = { messages: [{ ...good, operation: 'teleport' }] };
      expect(
        await refused({ body: unknown, credential: credentialA }, 400, 'invalid-request'),
      ).toMatch(/operation/);
    });
    it('a good message beside a bad one: the whole batch is refused', async () => {
      await refused(
        { body: { messages: [good, { ...good, id: 'x' }] }, credential: credentialA },
        400,
        'invalid-request',
      );
    });
    it('an oversized batch', async () => {
      const many = { messages: Array.from({ length: 501 }, () => good) };
      await refused({ body: many, credential: credentialA }, 413, 'batch-too-large');
    });
    it('a body over the size limit', async () => {
      await refused(
        { body: `{"messages":"${'x'.repeat(17 * 1024 * 1024)}"}`, credential: credentialA },
        413,
        'body-too-large',
      );
    });
    it('another store’s data, sent with store A’s credential', async () => {
      const b = fixtureTerminal({ terminalId: 'B1', storeId: 'SB', seed: 13 });
      const foreign = b.enrol(dayAt(0, 10), '79990000003').message;
      await refused({ body: { messages: [foreign] }, credential: credentialA }, 403, 'wrong-store');
      await refused(
        { body: { messages: [{ ...good, terminalId: 'A9' }] }, credential: credentialA },
        403,
        'wrong-terminal',
      );
    });
    it('no credential, a forged one, a revoked one', async () => {
      await refused({ body: { messages: [good] } }, 401, 'missing-credential');
      await refused(
        { body: { messages: [good] }, credential: 'A1.not-a-secret' },
        401,
        'malformed-credential',
      );
      const forged = `A1.${'A'.repeat(43)}`;
      await refused({ body: { messages: [good] }, credential: forged }, 401, 'unknown-credential');
      await refused(
        { method: 'GET', path: '/v1/pull', credential: forged },
        401,
        'unknown-credential',
      );
      expect(await revokeTerminal(sql, 'B1', now)).toBe(true);
      await refused({ method: 'GET', path: '/v1/pull', credential: credentialB }, 401, 'revoked');
    });
    it('a bad cursor, an unknown path', async () => {
      await refused(
        { method: 'GET', path: '/v1/pull?after=-1', credential: credentialA },
        400,
        'invalid-request',
      );
      await refused(
        { method: 'GET', path: '/v1/nothing', credential: credentialA },
        404,
        'not-found',
      );
    });
    it('the program store refuses an invalid program, naming the field', async () => {
      const invalid = await publishProgram(sql, {
        ...demoProgramJson,
        version: 2,
        pendingDays: -1,
      });
      expect(invalid).toMatchObject({
        ok: false,
        error: { code: 'invalid-program', problems: [{ field: 'pendingDays' }] },
      });
      expect(await publishProgram(sql, demoProgram)).toMatchObject({
        ok: false,
        error: { code: 'version-exists' },
      });
    });
  });
});
