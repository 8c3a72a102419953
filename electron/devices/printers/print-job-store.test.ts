import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualTimers } from '../timers';
import { createPrintQueue } from './print-queue';
import { jobFileName, openPrintJobStore } from './print-job-store';
import type { PrintJob } from './print-job-store';
import { createSimulatedPrinter } from './printer.simulated';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'print-store-'));
  dirs.push(dir);
  return dir;
}

const job = (seq: number, label: string): PrintJob => ({
  id: `id-${seq}`,
  seq,
  createdAt: 1_700_000_000_000 + seq,
  label,
  bytes: new TextEncoder().encode(`slip ${label}\x1dV\x00`),
});

describe('print job store', () => {
  it('stores each job in its own file and loads them in print order', async () => {
    const dir = tempDir();
    const store = openPrintJobStore(dir);
    await store.add(job(10, 'B'));
    await store.add(job(2, 'A'));
    expect(readdirSync(dir).sort()).toEqual(
      [jobFileName(job(10, 'B')), jobFileName(job(2, 'A'))].sort(),
    );
    const loaded = await store.load();
    expect(loaded.jobs.map((j) => [j.label, [...j.bytes]])).toEqual([
      ['A', [...job(2, 'A').bytes]],
      ['B', [...job(10, 'B').bytes]],
    ]);
    expect(loaded.setAside).toEqual([]);
  });

  it('leaves no temp file behind after a write', async () => {
    const dir = tempDir();
    await openPrintJobStore(dir).add(job(1, 'A'));
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, jobFileName(job(1, 'A'))), 'utf8'))).toMatchObject({
      format: 'loyalty-terminal/print-job@1',
      label: 'A',
    });
  });
});

describe('garbage in the queue directory', () => {
  it('is set aside as *.bad with a reason, and every good job still prints', async () => {
    const dir = tempDir();
    const store = openPrintJobStore(dir);
    await store.add(job(1, 'good one'));
    await store.add(job(3, 'good two'));
    const good = readFileSync(join(dir, jobFileName(job(3, 'good two'))), 'utf8');
    // A job file cut short by a power cut, a foreign file, an unfinished temp write, a file
    // whose content is valid JSON of the wrong shape, and one whose name lies about its content.
    writeFileSync(join(dir, jobFileName(job(2, 'x'))), good.slice(0, 40));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, `.tmp-${jobFileName(job(4, 'y'))}`), '{"format":');
    writeFileSync(join(dir, jobFileName(job(5, 'z'))), '{"format":"other"}');
    writeFileSync(join(dir, jobFileName(job(6, 'w'))), good);
    // An older .bad file of the same name is kept, not overwritten.
    writeFileSync(join(dir, 'notes.txt.bad'), 'older');

    const logged: string[] = [];
    const printer = createSimulatedPrinter();
    const queue = createPrintQueue({
      dir,
      printer,
      timers: createManualTimers(),
      log: (message) => logged.push(message),
    });
    await queue.start();
    await queue.idle();
    await queue.stop();

    expect(printer.printed().map((s) => new TextDecoder().decode(s.bytes))).toEqual([
      'slip good one\x1dV\x00',
      'slip good two\x1dV\x00',
    ]);
    const setAside = queue.state().setAside;
    expect(setAside.map((s) => s.movedTo).sort()).toEqual(
      [
        `${jobFileName(job(2, 'x'))}.bad`,
        `${jobFileName(job(5, 'z'))}.bad`,
        `${jobFileName(job(6, 'w'))}.bad`,
        `.tmp-${jobFileName(job(4, 'y'))}.bad`,
        'notes.txt.2.bad',
      ].sort(),
    );
    expect(setAside.find((s) => s.file === jobFileName(job(2, 'x')))?.reason).toMatch(/truncated/);
    expect(setAside.find((s) => s.file === jobFileName(job(6, 'w')))?.reason).toMatch(
      /does not match/,
    );
    expect(logged).toHaveLength(5);
    expect(logged.join('\n')).toMatch(/set aside notes\.txt as notes\.txt\.2\.bad/);
    expect(readFileSync(join(dir, 'notes.txt.bad'), 'utf8')).toBe('older');
    expect(readdirSync(dir).filter((n) => !n.endsWith('.bad'))).toEqual(['last-printed.json']);
  });
});
