import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Who used the CPUs during a phase, from Linux's /proc: this Node process (the sync API's
 * server, the benchmark's driver), the PostgreSQL cluster (the postmaster and its children),
 * Chromium's processes by type (our descendants: the renderer runs the page's JavaScript;
 * the browser process holds IndexedDB's backend), and the whole machine. A process that
 * ended during the phase is not counted (none of ours does). Empty figures elsewhere.
 */
export type CpuUse = {
  readonly wallSeconds: number;
  readonly cores: number;
  /** CPU-seconds per process group. */
  readonly groups: Readonly<Record<string, number>>;
  /** CPU-seconds the machine was busy (everything, ours or not). */
  readonly machineBusy: number | null;
};

export type CpuSampler = {
  sample(): CpuSample;
  since(start: CpuSample): CpuUse;
};

type CpuSample = {
  readonly at: number;
  readonly ticks: ReadonlyMap<number, { group: string; ticks: number }>;
  readonly postgresTicks: number | null;
  readonly machineBusy: number | null;
};

export const NODE_GROUP = 'node (sync API, bench)';
export const POSTGRES_GROUP = 'postgres';

export function cpuSampler(postmasterPid: number | null): CpuSampler {
  const ticksPerSecond = clockTicks();
  const sample = (): CpuSample => {
    const stats = allStats();
    const ticks = new Map<number, { group: string; ticks: number }>();
    for (const pid of descendantsOf(process.pid, stats)) {
      const stat = stats.get(pid);
      if (stat) ticks.set(pid, { group: chromiumGroup(pid), ticks: stat.own });
    }
    const self = stats.get(process.pid);
    if (self) ticks.set(process.pid, { group: NODE_GROUP, ticks: self.own });
    let postgresTicks: number | null = null;
    const postmaster = postmasterPid === null ? undefined : stats.get(postmasterPid);
    if (postmasterPid !== null && postmaster) {
      postgresTicks = postmaster.own + postmaster.children;
      for (const [, stat] of stats) if (stat.ppid === postmasterPid) postgresTicks += stat.own;
    }
    return { at: performance.now(), ticks, postgresTicks, machineBusy: machineTicks() };
  };
  return {
    sample,
    since(start) {
      const end = sample();
      const groups: Record<string, number> = {};
      for (const [pid, now] of end.ticks) {
        const before = start.ticks.get(pid)?.ticks ?? 0;
        groups[now.group] = (groups[now.group] ?? 0) + (now.ticks - before) / ticksPerSecond;
      }
      if (start.postgresTicks !== null && end.postgresTicks !== null)
        groups[POSTGRES_GROUP] = (end.postgresTicks - start.postgresTicks) / ticksPerSecond;
      return {
        wallSeconds: (end.at - start.at) / 1000,
        cores: os.cpus().length,
        groups,
        machineBusy:
          start.machineBusy === null || end.machineBusy === null
            ? null
            : (end.machineBusy - start.machineBusy) / ticksPerSecond,
      };
    },
  };
}

type Stat = { ppid: number; own: number; children: number };

function allStats(): Map<number, Stat> {
  const stats = new Map<number, Stat>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return stats;
  }
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const at = (i: number): number => Number(fields[i] ?? 0);
      stats.set(Number(pid), { ppid: at(1), own: at(11) + at(12), children: at(13) + at(14) });
    } catch {
      // the process ended meanwhile
    }
  }
  return stats;
}

function descendantsOf(root: number, stats: ReadonlyMap<number, Stat>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats)
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const pid = queue[i] ?? 0;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Chromium's process types, from the command line (other descendants: 'other'). */
function chromiumGroup(pid: number): string {
  let args: string;
  try {
    args = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8');
  } catch {
    return 'other';
  }
  if (!/chrom/i.test(args)) return 'other';
  const type = /--type=([\w-]+)/.exec(args)?.[1];
  if (type === undefined) return 'chromium browser process (IndexedDB)';
  if (type === 'renderer') return 'chromium renderer (page JS)';
  if (type === 'utility') {
    if (args.includes('NetworkService')) return 'chromium network service';
    if (args.includes('StorageService')) return 'chromium storage service';
    return 'chromium utility';
  }
  return `chromium ${type}`;
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

function machineTicks(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  } catch {
    return null;
  }
}
