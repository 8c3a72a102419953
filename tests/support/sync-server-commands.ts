import type { BrowserCommand } from 'vitest/node';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { createStore, createTerminalCode } from '../../server/auth/terminals';
import { migrate } from '../../server/db/migrate';
import { openPgliteSql } from '../../server/db/pglite-sql';
import type { Sql } from '../../server/db/sql';
import { listenSyncApi } from '../../server/http/listen';
import type { RunningServer } from '../../server/http/listen';
import { createProgramStore, publishProgram } from '../../server/programs/program-store';

/**
 * Browser tests of the terminal's sync talk to a REAL central server: these Vitest browser
 * commands run in the Node process and start one (PGlite in memory, stores S1 and S2, the
 * demo program published) on first use, on 127.0.0.1. Tests only read the server through
 * `serverRows` (select statements).
 */
let running: Promise<{ sql: Sql; server: RunningServer }> | null = null;

function syncServer(): Promise<{ sql: Sql; server: RunningServer }> {
  running ??= (async () => {
    const sql = await openPgliteSql();
    await migrate(sql);
    await createStore(sql, { id: 'S1', name: 'Store one', timeZone: 'Europe/Moscow' });
    await createStore(sql, { id: 'S2', name: 'Store two', timeZone: 'Europe/Moscow' });
    const published = await publishProgram(sql, demoProgramJson);
    if (!published.ok) throw new Error('demo program refused');
    const server = await listenSyncApi({ sql, programs: createProgramStore(), now: Date.now });
    return { sql, server };
  })();
  return running;
}

export async function stopSyncServer(): Promise<void> {
  if (!running) return;
  const { sql, server } = await running;
  running = null;
  await server.close();
  await sql.close();
}

const startSyncServer: BrowserCommand = async () => ({ url: (await syncServer()).server.url });

const newTerminalCode: BrowserCommand<[storeId: string, terminalId: string]> = async (
  _context,
  storeId,
  terminalId,
) => {
  const { sql } = await syncServer();
  const code = await createTerminalCode(sql, { storeId, terminalId, now: Date.now() });
  if (!code.ok) throw new Error(code.error);
  return code.value.code;
};

const serverRows: BrowserCommand<[text: string, params?: unknown[]]> = async (
  _context,
  text,
  params = [],
) => {
  if (!/^\s*select\b/i.test(text)) throw new Error('serverRows runs select statements only');
  const { sql } = await syncServer();
  return JSON.parse(JSON.stringify(await sql.query(text, params))) as unknown;
};

export const syncServerCommands = { startSyncServer, newTerminalCode, serverRows };
