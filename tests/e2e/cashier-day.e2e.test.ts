import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileBackends } from '../../scripts/chromium';
import { generateEan13CardNumber } from '../../shared/cards/card-number-generator';
import { launchChromiumProfile } from './support/chromium';
import { scanBurst } from './support/scan-burst';
import { serveFolder } from '../../scripts/serve-folder';

/**
 * A cashier's day in the built renderer, in Debian's Chromium, on a real IndexedDB: sign in,
 * enrol a customer (manager approval), scan the card as a keyboard-wedge scanner types it,
 * accrue, redeem part of a purchase, refund, reload and find everything still there, and again
 * after the browser is stopped and started. The browser keeps its profile on disk, as a
 * terminal does, so the store is in files on the terminal's IndexedDB engine (SQLite).
 * Screenshots of the main screens go to test-results/e2e/.
 *
 * The page's clock is fixed to a Tuesday 15:00 in Moscow (no happy hours), so the figures are
 * those of the demo program's plain rules.
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results', 'e2e');
const TUESDAY_3PM_MOSCOW = new Date('2026-11-24T15:00:00+03:00');
const CARD = generateEan13CardNumber({ prefix: '29', terminalBlock: 1, serial: 900_001 });

let profileDir: string | undefined;
let context: BrowserContext | undefined;
let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
let page: Page;

/** Starts the browser on the profile and opens the terminal in it. */
async function startBrowser(dir: string, served: { readonly url: string }): Promise<void> {
  context = await launchChromiumProfile(dir, {
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.clock.setFixedTime(TUESDAY_3PM_MOSCOW);
  await page.goto(`${served.url}?db=e2e-${process.pid}&demo=50`);
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-cashier-day-'));
  server = await serveFolder(path.join(root, 'dist', 'renderer'));
  await startBrowser(profileDir, server);
}, 120_000);

// Whatever set-up got to: the browser, the server and the profile's folder all go.
afterAll(async () => {
  try {
    await context?.close();
    await server?.close();
  } finally {
    if (profileDir !== undefined) rmSync(profileDir, { recursive: true, force: true });
  }
});

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Types a code as a keyboard-wedge scanner does: fast keystrokes, then Enter. */
async function scan(code: string): Promise<void> {
  await scanBurst(page, code);
}

async function signIn(name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
}

async function text(testId: string): Promise<string> {
  return (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();
}

describe('a cashier’s day in the browser', () => {
  it('signs in with a PIN', async () => {
    await page.getByText('Вход сотрудника').waitFor({ timeout: 60_000 });
    await shot('01-sign-in');
    await signIn('Анна', '1111');
    await page.getByText('Отсканируйте карту покупателя').waitFor();
    await shot('02-scan');
  });

  it('enrols a customer with a scanned card, approved by the manager', async () => {
    await page.keyboard.press('F3');
    await page.getByTestId('enrol-name').fill('Алёна Иванова');
    await page.getByTestId('enrol-phone').fill('+7 916 555-12-34');
    await page.getByTestId('enrol-birthday').fill('1990-05-20');
    await page.getByTestId('enrol-phone').click();
    await scan(CARD);
    await expect
      .poll(() => page.getByTestId('enrol-card').inputValue(), {
        message: 'the scan fills the card field',
      })
      .toBe(CARD);
    await expect(
      page.getByTestId('enrol-phone').inputValue(),
      'the scan left the focused field alone',
    ).resolves.toBe('+7 916 555-12-34');
    await shot('03-enrol');
    await page.getByTestId('enrol-submit').click();
    await page.getByText('Нужно подтверждение менеджера').waitFor();
    await signIn('Максим', '9999');
    await page.getByText('Покупатель зарегистрирован').first().waitFor();
  });

  it('finds the customer by a scan, with the welcome bonus', async () => {
    await page.keyboard.press('F1');
    await scan(`]E0${CARD}`);
    await page.getByTestId('customer-name').waitFor();
    expect(await text('customer-name')).toBe('Алёна И.');
    expect(await text('available'), 'welcome bonus').toBe('200');
    await shot('04-customer');
  });

  it('accrues points on a purchase of two basket lines', async () => {
    await page.getByTestId('amount').fill('1500');
    await page.getByTestId('add-line').click();
    await page.getByTestId('amount').fill('500');
    expect(await text('basket'), 'the first line is in the basket').toContain('1 500,00 ₽');
    expect(await text('earn'), '(1 500 ₽ + 500 ₽) × 5 %').toContain('+100');
    await page.getByTestId('confirm').click();
    await page.getByTestId('slip').waitFor();
    expect(await text('slip-earned'), '2 000 ₽ × 5 % = 100').toContain('+100');
    expect(await text('slip-available')).toBe('200');
    await shot('05-slip-accrual');
    await page.getByTestId('slip-close').click();
    expect(await text('pending'), 'pending for 14 days').toBe('100');
  });

  it('redeems points for part of the next purchase', async () => {
    await page.getByTestId('amount').fill('1000');
    await page.getByTestId('points').fill('200');
    // Next-purchase offer: 5 % off → 950 ₽; cap 30 % → 285; 200 spent → 750 ₽; 750 × 5 % × 2 = 75.
    expect(await text('to-pay')).toBe('750,00 ₽');
    await shot('06-checkout');
    await page.getByTestId('confirm').click();
    await page.getByTestId('slip').waitFor();
    expect(await text('slip-spent')).toBe('200');
    expect(await text('slip-to-pay')).toBe('750,00 ₽');
    expect(await text('slip-earned')).toContain('+75');
    expect(await text('slip-available'), '200 − 200').toBe('0');
    await page.getByTestId('slip-close').click();
    expect(await text('pending'), '100 + 75').toBe('175');
  });

  it('refunds the first purchase by its receipt number', async () => {
    await page.keyboard.press('F2');
    await page.getByTestId('receipt-number').fill('T1-000001');
    await page.getByTestId('receipt-number').press('Enter');
    await page.getByTestId('refund-preview').waitFor();
    expect(
      await text('refund-preview'),
      'all 2 000 ₽ back, the 100 earned points taken back',
    ).toContain('2 000,00 ₽');
    await shot('07-refund');
    await page.getByTestId('refund-confirm').click();
    await page.getByTestId('slip').waitFor();
    expect(await text('slip-money-back')).toBe('2 000,00 ₽');
    await page.getByTestId('slip-close').click();
  });

  /** Signs in again and opens the customer: the balance and history of the day. */
  async function expectTheDayStillThere(): Promise<void> {
    await page.getByText('Вход сотрудника').waitFor({ timeout: 60_000 });
    await signIn('Анна', '1111');
    await page.getByText('Отсканируйте карту покупателя').waitFor();
    await scan(CARD);
    await page.getByTestId('customer-name').waitFor();
    expect(await text('available')).toBe('0');
    expect(await text('pending'), '175 − 100 reversed').toBe('75');
    expect(
      await page.getByTestId('recent').locator('li').count(),
      'welcome, accrual, redemption, accrual, reversal',
    ).toBe(5);
  }

  it('after a reload everything is still there', async () => {
    await page.reload();
    await expectTheDayStillThere();
    await shot('08-after-reload');
  });

  it('after the browser is stopped and started, everything is still there, on SQLite', async () => {
    if (profileDir === undefined || server === undefined) throw new Error('set-up did not run');
    await context?.close();
    expect(profileBackends(profileDir)).toEqual(['sqlite']);
    await startBrowser(profileDir, server);
    await expectTheDayStillThere();
  }, 120_000);
});
