import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where every benchmark saves its runs (git ignores it). */
const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

/** The machine a run was measured on, so figures from different machines are not compared blind. */
export function machine(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    platform: `${os.platform()} ${os.release()}`,
  };
}

/**
 * Saves a run as bench/results/<benchmark>-<time>.json: `{benchmark, at, ...content}`, where
 * `content` carries the machine's description (`machine()`, plus what the run adds, e.g. the
 * browser). Prints and returns the file's path.
 */
export function saveBenchResult(benchmark: string, content: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const at = new Date().toISOString();
  const file = path.join(RESULTS_DIR, `${benchmark}-${at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark, at, ...content }, null, 2)}\n`);
  console.log(`\nsaved ${path.relative(process.cwd(), file)}`);
  return file;
}
