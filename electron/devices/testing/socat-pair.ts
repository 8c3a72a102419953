import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pair of connected pseudo-terminals made by socat: bytes written to `a` are read from `b`
 * and back. A test opens one end with the real serialport as "the device" and writes to the
 * other as "the scanner" or reads from it as "the printer".
 *
 * The ends are symlinks `DIR/A` and `DIR/B` (socat removes them when it exits). Passing the
 * `dir` of a closed pair starts a new pair at the same paths: to the code under test, the
 * device vanished and came back (hot-plug). Modem-line ioctls do not work on ptys. The
 * directory is made when missing and removed by `close` once empty, so runs leave nothing
 * in /tmp.
 */
export type SocatPair = {
  readonly dir: string;
  /** Path of end A (a symlink to a /dev/pts/N). */
  readonly a: string;
  /** Path of end B. */
  readonly b: string;
  /** Kills socat and waits until it has exited; the links (and an empty `dir`) are gone. Idempotent. */
  readonly close: () => Promise<void>;
};

export type SocatPairOptions = {
  /** Directory for the links; a fresh temp directory when omitted. */
  readonly dir?: string;
  /** How long to wait for both links to appear, ms. */
  readonly startTimeoutMs?: number;
};

const POLL_MS = 10;

export async function startSocatPair(options: SocatPairOptions = {}): Promise<SocatPair> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'socat-pair-'));
  mkdirSync(dir, { recursive: true });
  const a = join(dir, 'A');
  const b = join(dir, 'B');
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // Bounded: only the start of socat's complaints is useful in an error message.
    if (stderr.length < 2_000) stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const deadline = Date.now() + (options.startTimeoutMs ?? 5_000);
  for (;;) {
    if (existsSync(a) && existsSync(b)) break;
    const failed = await Promise.race([
      spawnError,
      exited.then(() => new Error(`socat exited early: ${stderr.trim() || 'no message'}`)),
      delay(POLL_MS).then(() => undefined),
    ]);
    if (failed !== undefined) throw failed;
    if (Date.now() > deadline) {
      await stop(child, exited, dir);
      throw new Error(`socat did not create ${a} and ${b} in time: ${stderr.trim()}`);
    }
  }
  return { dir, a, b, close: () => stop(child, exited, dir) };
}

async function stop(child: ChildProcess, exited: Promise<void>, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
  try {
    rmdirSync(dir); // only an empty one: never anything a test left there
  } catch {
    // Not empty, or already gone (closed twice): left as it is.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
