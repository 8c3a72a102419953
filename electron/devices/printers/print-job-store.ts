import { readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describeSchemaProblems, schemaProblems } from '../../../shared/util/schema-problems';
import { syncDir, writeFileDurably } from '../durable-file';

/**
 * Durable storage of print jobs: ONE FILE PER JOB in a directory.
 *
 * Why not an append-only journal: the queue holds a handful of slips at most; removing a
 * printed slip is then a single `unlink` (atomic) instead of a journal rewrite or compaction,
 * and a damaged file costs exactly one slip, which is set aside, while every other job loads.
 *
 * Invariants:
 * - A job file appears complete or not at all: it is written to `.tmp-<name>`, fsynced, renamed
 *   into place and the directory is fsynced, all before `add` resolves.
 * - File names sort in print order: `job-<seq, 10 digits>-<id>.json`; `seq` is also inside.
 * - `last-printed.json` keeps the last slip printed, so it can be reprinted after a restart.
 * - Anything else found on load (a truncated or foreign file, a leftover temp file) is renamed
 *   to `<name>.bad` and reported; it never stops the other jobs from loading.
 */

export type PrintJob = {
  readonly id: string;
  /** Position in print order; increases by one per job added in this directory. */
  readonly seq: number;
  /** Milliseconds since the epoch, from the clock passed to the queue. */
  readonly createdAt: number;
  /** What the cashier sees, e.g. the receipt number. */
  readonly label: string;
  readonly bytes: Uint8Array;
};

export type SetAsideFile = {
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
};

export type LoadedJobs = {
  readonly jobs: readonly PrintJob[];
  readonly lastPrinted: PrintJob | undefined;
  readonly setAside: readonly SetAsideFile[];
};

export type PrintJobStore = {
  readonly dir: string;
  readonly load: () => Promise<LoadedJobs>;
  readonly add: (job: PrintJob) => Promise<void>;
  readonly remove: (job: PrintJob) => Promise<void>;
  readonly saveLastPrinted: (job: PrintJob) => Promise<void>;
};

const FORMAT = 'loyalty-terminal/print-job@1';
const LAST_PRINTED = 'last-printed.json';
const JOB_FILE = /^job-(\d{10})-([A-Za-z0-9-]{1,64})\.json$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const jobFileSchema = z.strictObject({
  format: z.literal(FORMAT),
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  seq: z.number().int().min(0).max(9_999_999_999),
  createdAt: z.number().int(),
  label: z.string().max(200),
  bytes: z
    .string()
    .regex(BASE64)
    .refine((b64) => b64.length % 4 === 0, 'base64 length is not a multiple of 4'),
});

export function jobFileName(job: Pick<PrintJob, 'seq' | 'id'>): string {
  return `job-${String(job.seq).padStart(10, '0')}-${job.id}.json`;
}

export function openPrintJobStore(dir: string): PrintJobStore {
  const load = async (): Promise<LoadedJobs> => {
    const jobs: PrintJob[] = [];
    const setAside: SetAsideFile[] = [];
    let lastPrinted: PrintJob | undefined;
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      if (name.endsWith('.bad')) continue;
      const path = join(dir, name);
      if (!(await stat(path)).isFile()) continue;
      const parsed = await parseJobFile(path, name);
      if (parsed.ok && name === LAST_PRINTED) lastPrinted = parsed.job;
      else if (parsed.ok) jobs.push(parsed.job);
      else setAside.push(await setFileAside(dir, name, parsed.reason));
    }
    jobs.sort((a, b) => a.seq - b.seq);
    return { jobs, lastPrinted, setAside };
  };

  return {
    dir,
    load,
    add: (job) => writeFileDurably(dir, jobFileName(job), serialise(job)),
    remove: async (job) => {
      await unlink(join(dir, jobFileName(job)));
      await syncDir(dir);
    },
    saveLastPrinted: (job) => writeFileDurably(dir, LAST_PRINTED, serialise(job)),
  };
}

function serialise(job: PrintJob): string {
  const record: z.input<typeof jobFileSchema> = {
    format: FORMAT,
    id: job.id,
    seq: job.seq,
    createdAt: job.createdAt,
    label: job.label,
    bytes: Buffer.from(job.bytes).toString('base64'),
  };
  return `${JSON.stringify(record)}\n`;
}

type Parsed = { ok: true; job: PrintJob } | { ok: false; reason: string };

async function parseJobFile(path: string, name: string): Promise<Parsed> {
  const match = JOB_FILE.exec(name);
  if (match === null && name !== LAST_PRINTED) {
    return { ok: false, reason: 'not a print job file (unknown name, or an unfinished write)' };
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { ok: false, reason: `unreadable or truncated: ${errorText(error)}` };
  }
  const record = jobFileSchema.safeParse(json);
  if (!record.success) {
    return {
      ok: false,
      reason: `not a valid print job: ${describeSchemaProblems(schemaProblems(record.error))}`,
    };
  }
  const { id, seq, createdAt, label, bytes } = record.data;
  if (match !== null && (Number(match[1]) !== seq || match[2] !== id)) {
    return { ok: false, reason: `file name does not match its content (seq ${seq}, id ${id})` };
  }
  return { ok: true, job: { id, seq, createdAt, label, bytes: Buffer.from(bytes, 'base64') } };
}

/** Renames `name` to `name.bad` (or `name.2.bad`, ... if taken): never deletes anything. */
async function setFileAside(dir: string, name: string, reason: string): Promise<SetAsideFile> {
  for (let n = 1; n <= 100; n += 1) {
    const movedTo = n === 1 ? `${name}.bad` : `${name}.${n}.bad`;
    if (await exists(join(dir, movedTo))) continue;
    await rename(join(dir, name), join(dir, movedTo));
    await syncDir(dir);
    return { file: name, movedTo, reason };
  }
  throw new Error(`print queue: cannot set ${name} aside in ${dir}: 100 .bad copies already exist`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
