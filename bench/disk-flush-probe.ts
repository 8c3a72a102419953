import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** What one flush appends: one page, the least a flush can write to the disk. */
const FLUSH_BYTES = 4096;

export type DiskFlushProbe = {
  /** Appends FLUSH_BYTES to the probe's file and waits for fdatasync: the time, in ms. */
  readonly flush: () => number;
  readonly close: () => void;
};

/**
 * The disk's floor under a durable commit. A sale's transaction is strict (see
 * renderer/db/terminal-database.ts): IndexedDB answers only once its log has been flushed
 * to the disk, with an append and fdatasync (SQLite's write-ahead log, or LevelDB's). The
 * probe does the same in `folder`, which should be on the browser profile's file system, so
 * the sale commit's figures can be read against what the disk alone takes.
 *
 * A floor, not a strict lower bound: on a journalling file system (ext4's default) an
 * fdatasync may also have to push out what other writers left (the store's checkpoints or
 * compactions), as the browser's own flush may.
 */
export function openDiskFlushProbe(folder: string): DiskFlushProbe {
  const fd = openSync(path.join(folder, 'disk-flush-probe'), 'w');
  const bytes = Buffer.alloc(FLUSH_BYTES, 0x5a);
  let position = 0;
  return {
    flush: () => {
      const started = performance.now();
      writeSync(fd, bytes, 0, bytes.length, position);
      fdatasyncSync(fd);
      position += bytes.length;
      return performance.now() - started;
    },
    close: () => {
      closeSync(fd);
    },
  };
}
