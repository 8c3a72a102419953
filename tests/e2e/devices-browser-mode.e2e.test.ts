import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserModeDevices } from '../../electron/device-host/browser-mode-devices';
import type { BrowserModeDevices } from '../../electron/device-host/browser-mode-devices';
import { PRINTER_PROFILES } from '../../electron/devices/printers/escpos/printer-profiles';
import { decodeForProfile } from '../../electron/devices/printers/testing/decode-for-profile';
import { createPrinterPeer } from '../../electron/devices/testing/printer-peer';
import type { PrinterPeer } from '../../electron/devices/testing/printer-peer';
import { startSocatPair } from '../../electron/devices/testing/socat-pair';
import type { SocatPair } from '../../electron/devices/testing/socat-pair';
import { serveFolder } from '../../scripts/serve-folder';
import { launchChromium } from './support/chromium';

/**
 * Browser mode with real devices: the terminal in Debian's Chromium, the device host (Node)
 * bound to socat pseudo-terminal pairs — one plays a serial card scanner, the other a serial
 * ESC/POS receipt printer (the real serialport on both). A card number written to the
 * scanner's pty opens the customer; a sale prints a slip whose bytes, read from the printer's
 * pty and decoded, show the points earned and the new balance; with the printer's pty gone the
 * slip waits in the queue and prints when the printer returns.
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results', 'e2e');
const CARD = '2900010000015';
/** A 58 mm clone: its own Cyrillic code page number, and 32 columns the preview follows. */
const PROFILE = PRINTER_PROFILES['pos-5890'];

let dataDir: string;
let scanner: SocatPair;
let printer: SocatPair;
let devices: BrowserModeDevices;
let terminal: Awaited<ReturnType<typeof serveFolder>>;
let browser: Browser;
let page: Page;
let printerEnd: { peer: PrinterPeer; close: () => Promise<void> };

/** Opens the printer's far end and answers as a ready printer; what it prints is kept. */
async function printerAt(
  pair: SocatPair,
): Promise<{ peer: PrinterPeer; close: () => Promise<void> }> {
  const port = new SerialPort({ path: pair.b, baudRate: 9_600 });
  await new Promise((resolve, reject) => {
    port.once('open', resolve);
    port.once('error', reject);
  });
  const peer = createPrinterPeer((bytes) => port.write(bytes));
  port.on('data', (chunk: Buffer) => peer.receive(chunk));
  return {
    peer,
    close: () => new Promise<void>((resolve) => port.close(() => resolve())),
  };
}

async function scanAtPty(code: string): Promise<void> {
  const port = new SerialPort({ path: scanner.b, baudRate: 9_600 });
  await new Promise((resolve) => port.once('open', resolve));
  await new Promise((resolve) => port.write(`${code}\r\n`, resolve));
  await new Promise((resolve) => port.drain(resolve));
  await new Promise((resolve) => port.close(resolve));
}

function printedText(peer: PrinterPeer): string {
  return decodeForProfile(peer.printed(), PROFILE).text.join('\n');
}

/** The digits of the last printed line that starts with `label` ('' when none). */
function printedFigure(text: string, label: string): string {
  const line =
    text
      .split('\n')
      .filter((l) => l.startsWith(label))
      .at(-1) ?? '';
  return line.slice(label.length).replace(/\D/g, '');
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-devices-'));
  [scanner, printer] = await Promise.all([startSocatPair(), startSocatPair()]);
  printerEnd = await printerAt(printer);
  terminal = await serveFolder(path.join(root, 'dist', 'renderer'));
  devices = await startBrowserModeDevices({
    dataDir,
    allowedOrigins: [new URL(terminal.url).origin],
    log: () => undefined,
    firstSettings: {
      printer: { transport: 'serial', path: printer.a, baudRate: 9_600, model: PROFILE.id },
      serialScanners: [{ path: scanner.a, baudRate: 9_600 }],
      hidScanners: false,
    },
  });
  browser = await launchChromium();
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  await page.goto(
    `${terminal.url}?db=e2e-devices-${String(process.pid)}&demo=50&${devices.pageQuery}`,
  );
  await page.getByText('Вход сотрудника').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Анна/ }).click();
  await page.getByTestId('pin').fill('1111');
  await page.getByTestId('pin').press('Enter');
  await page.getByText('Отсканируйте карту покупателя').waitFor();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await terminal.close();
  await devices.stop();
  await printerEnd.close().catch(() => undefined);
  await Promise.all([scanner.close(), printer.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

async function sale(amountRub: number): Promise<{ available: string; earned: string }> {
  await page.getByTestId('amount').fill(String(amountRub));
  await page.getByTestId('confirm').click();
  await page.getByTestId('slip').waitFor();
  const available = (await page.getByTestId('slip-available').innerText()).replace(/\D/g, '');
  const earned =
    (await page.getByTestId('slip-earned').innerText()).split(' ')[0]?.replace(/\D/g, '') ?? '';
  return { available, earned };
}

describe('browser mode with a device host on socat pairs', { timeout: 120_000 }, () => {
  it('a card number written to the scanner’s port opens the customer', async () => {
    await scanAtPty(CARD);
    await page.getByTestId('customer-name').waitFor({ timeout: 20_000 });
  });

  it('a sale prints a slip showing the points earned and the new balance', async () => {
    const { available, earned } = await sale(1000);
    await expect.poll(() => printedText(printerEnd.peer), { timeout: 20_000 }).toContain('[CUT]');
    const text = printedText(printerEnd.peer);
    expect(printedFigure(text, 'Начислено баллов'), 'points earned, as on screen').toBe(earned);
    expect(printedFigure(text, 'Доступно баллов'), 'the new balance, as on screen').toBe(available);
    expect(await page.getByTestId('slip-printing').innerText()).toMatch(
      /печатается|напечатан|ждёт/,
    );
    // The preview is the printed slip: the printer's 32 columns, the same lines.
    await page.locator('.slip-paper summary').click();
    const paper = page.getByTestId('receipt-paper');
    expect(await paper.getAttribute('data-columns')).toBe(String(PROFILE.columns));
    const shown = await paper.locator('.paper-line').allInnerTexts();
    expect(Math.max(...shown.map((line) => line.length))).toBeLessThanOrEqual(PROFILE.columns);
    const printedLines = text.split('\n');
    for (const label of ['Начислено баллов', 'Доступно баллов']) {
      const onScreen = shown.find((line) => line.startsWith(label));
      expect(onScreen, label).toBeDefined();
      expect(onScreen, label).toBe(printedLines.filter((line) => line.startsWith(label)).at(-1));
    }
    type Box = { scrollWidth: number; clientWidth: number };
    const fits = await paper.evaluate((el) => {
      const box = el as unknown as Box;
      return box.scrollWidth <= box.clientWidth;
    });
    expect(fits, 'the lines fit inside the paper').toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'devices-slip.png') });
    await page.getByTestId('slip-close').click();
  });

  it('with the printer gone the slip waits in the queue, and prints when it returns', async () => {
    await printerEnd.close();
    await printer.close();
    const { earned } = await sale(500);
    await expect
      .poll(async () => page.getByTestId('slip-printing').innerText(), { timeout: 20_000 })
      .toMatch(/ждёт принтер.* Принтер: не подключён\.$/s);
    await page.getByTestId('slip-close').click();

    printer = await startSocatPair({ dir: printer.dir });
    printerEnd = await printerAt(printer);
    // The queue retries with backoff (at most 30 s between tries).
    await expect
      .poll(() => printedText(printerEnd.peer), { timeout: 60_000, interval: 500 })
      .toContain('[CUT]');
    expect(printedFigure(printedText(printerEnd.peer), 'Начислено баллов')).toBe(earned);
  });

  it('the settings screen shows each device’s state, checks the scanner and prints a test slip', async () => {
    await page.keyboard.press('F9');
    await expect
      .poll(() => page.getByTestId('device-printer').getAttribute('data-state'), {
        timeout: 20_000,
      })
      .toBe('ready');
    await scanAtPty('TEST-SCAN-1');
    await expect
      .poll(() => page.getByTestId('last-scan').innerText())
      .toMatch(/TEST-SCAN-1 \(serial\)/);
    const before = printerEnd.peer.printed().length;
    await page.getByTestId('test-print').click();
    await expect
      .poll(() => printedText(printerEnd.peer).split('[CUT]').length, { timeout: 20_000 })
      .toBeGreaterThan(2);
    expect(printerEnd.peer.printed().length).toBeGreaterThan(before);
    expect(printedText(printerEnd.peer)).toContain('TEST');
    await page.screenshot({ path: path.join(screenshots, 'devices-settings.png'), fullPage: true });
  });
});
