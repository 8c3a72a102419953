import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoProgramJson from '../../resources/programs/demo-program.json';
import { createTerminalCode } from '../../server/auth/terminals';
import { migrate } from '../../server/db/migrate';
import { openPgliteSql } from '../../server/db/pglite-sql';
import type { Sql } from '../../server/db/sql';
import { seedDemoChain } from '../../server/demo/seed-demo-chain';
import { listenSyncApi } from '../../server/http/listen';
import type { RunningServer } from '../../server/http/listen';
import { createProgramStore, publishProgram } from '../../server/programs/program-store';
import { storedEntry } from '../../server/sync/stored-rows';
import { balanceFromFold } from '../../shared/ledger/balance';
import { foldLedger } from '../../shared/ledger/fold-ledger';
import { parseProgramOrThrow } from '../../shared/program/parse-program';
import { serveFolder } from '../../scripts/serve-folder';
import { launchChromium } from './support/chromium';
import { scanBurst } from './support/scan-burst';
import { switchableLink } from './support/switchable-link';
import type { SwitchableLink } from './support/switchable-link';

/**
 * Two terminals of two stores (two browser contexts, each its own IndexedDB) registered with
 * a real central server. The link goes down; both serve the same customer and each lets them
 * spend all the points it sees. The link returns: both terminals converge on the server's
 * balance and the server lists the overdraft for reconciliation.
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results', 'e2e');
const program = parseProgramOrThrow(demoProgramJson);

let sql: Sql;
let api: RunningServer;
let link: SwitchableLink;
let terminal: Awaited<ReturnType<typeof serveFolder>>;
let browser: Browser;
const pages: Page[] = [];
let card = '';
let customerId = '';
let points = 0;

async function serverAvailable(): Promise<number> {
  const rows = await sql.query(
    'select id::text, entry from ledger_entries where customer_id = $1',
    [customerId],
  );
  const fold = foldLedger(rows.map((row) => storedEntry(String(row['id']), row['entry'])));
  return balanceFromFold(fold, program, Date.now()).available;
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  sql = await openPgliteSql();
  await migrate(sql);
  await publishProgram(sql, demoProgramJson);
  await seedDemoChain(sql, { customers: 40, seed: 11, now: Date.now(), program });
  api = await listenSyncApi({ sql, programs: createProgramStore(), now: Date.now });
  link = await switchableLink(api.url);
  terminal = await serveFolder(path.join(root, 'dist', 'renderer'));
  // A customer with points enough to matter and under the offline limit (500), so that each
  // store alone may let them spend everything.
  for (const row of await sql.query(
    'select number, customer_id::text as id from cards order by number',
  )) {
    customerId = String(row['id']);
    points = await serverAvailable();
    card = String(row['number']);
    if (points >= 100 && points <= 500) break;
  }
  expect(points, 'a demo customer with 100–500 points').toBeGreaterThanOrEqual(100);
  browser = await launchChromium();
  for (const [storeId, terminalId] of [
    ['S1', 'S1-E2E'],
    ['S2', 'S2-E2E'],
  ] as const) {
    const code = await createTerminalCode(sql, { storeId, terminalId, now: Date.now() });
    if (!code.ok) throw new Error(code.error);
    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const query = new URLSearchParams({
      db: `e2e-${terminalId}-${String(process.pid)}`,
      server: link.url,
      code: code.value.code,
    });
    await page.goto(`${terminal.url}?${query.toString()}`);
    pages.push(page);
  }
}, 180_000);

afterAll(async () => {
  await browser.close();
  await terminal.close();
  await link.close();
  await api.close();
  await sql.close();
});

async function signIn(page: Page): Promise<void> {
  await page.getByText('Вход сотрудника').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Анна/ }).click();
  await page.getByTestId('pin').fill('1111');
  await page.getByTestId('pin').press('Enter');
  await page.getByText('Отсканируйте карту покупателя').waitFor();
}

async function openCustomer(page: Page): Promise<number> {
  await page.keyboard.press('F1');
  await scanBurst(page, card);
  await page.getByTestId('customer-name').waitFor();
  return Number((await page.getByTestId('available').innerText()).replace(/\D/g, ''));
}

async function syncedWithNothingWaiting(page: Page): Promise<void> {
  await expect
    .poll(async () => (await page.getByTestId('sync-status').innerText()).replace(/\s+/g, ' '), {
      timeout: 60_000,
    })
    .toMatch(/Связь есть.*Ждут отправки: 0.*Последняя синхронизация/);
}

describe('two terminals offline, then the link returns', { timeout: 120_000 }, () => {
  it('both terminals register and pull the chain', async () => {
    for (const page of pages) {
      await signIn(page);
      await syncedWithNothingWaiting(page);
      expect(await openCustomer(page)).toBe(points);
    }
  });

  it('offline, both stores let the customer spend all the points they see', async () => {
    link.setUp(false);
    for (const [i, page] of pages.entries()) {
      await page.getByTestId('amount').fill(String(points * 10));
      await page.getByTestId('points').fill(String(points));
      await page.getByTestId('confirm').click();
      await page.getByTestId('slip').waitFor({ timeout: 20_000 });
      await page.screenshot({
        path: path.join(screenshots, `two-terminals-offline-${String(i + 1)}.png`),
      });
      await page.getByTestId('slip-close').click();
      // The sync worker recounts its outbox every 2 s; a loaded machine may take longer.
      await expect
        .poll(async () => page.getByTestId('sync-waiting').innerText(), { timeout: 30_000 })
        .toMatch(/: 1$/);
    }
  });

  it('the link returns: both converge on the server’s balance, and the overdraft is flagged', async () => {
    link.setUp(true);
    for (let round = 0; round < 2; round++)
      for (const page of pages) {
        await page.getByTestId('sync-now').click();
        await syncedWithNothingWaiting(page);
      }
    const expected = await serverAvailable();
    for (const page of pages) expect(await openCustomer(page)).toBe(expected);
    const flags = await sql.query(`select kind from flags where customer_id = $1`, [customerId]);
    expect(flags.map((flag) => flag['kind'])).toContain('overdraft');
    await pages[1]?.screenshot({ path: path.join(screenshots, 'two-terminals-converged.png') });
  });

  it('a program version published on the server is in force after the next sync, without a restart', async () => {
    const published = await publishProgram(sql, {
      ...demoProgramJson,
      version: 2,
      name: 'Spring program',
    });
    expect(published.ok).toBe(true);
    const page = pages[0];
    if (!page) throw new Error('no terminal');
    await page.getByTestId('sync-now').click();
    await expect
      .poll(() => page.getByTestId('notice').innerText(), { timeout: 60_000 })
      .toMatch(/«Spring program», версия 2/);
  });
});
