import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { r2 } from './sync-report';

/**
 * Who used the CPUs during a phase: the server's thread (event-loop utilisation), the load
 * worker's thread, the whole Node process, the PostgreSQL cluster (postmaster and backends,
 * from /proc), and the machine as a whole (/proc/stat: includes work that is not ours).
 * Linux only for the /proc figures; elsewhere they are null.
 */
export type CpuFigures = {
  readonly wallSeconds: number;
  readonly cores: number;
  /** CPU-seconds the server's event loop was busy (JS, JSON, zod, pg driver, HTTP). */
  readonly serverThread: number;
  /** CPU-seconds the load worker's event loop was busy (the terminals' fetch and JSON). */
  readonly clientThread: number;
  /** CPU-seconds of the whole Node process (both threads, GC, libuv). */
  readonly nodeProcess: number;
  readonly postgres: number | null;
  /** CPU-seconds the machine was busy, ours and everybody else's. */
  readonly machine: number | null;
};

type Snapshot = {
  readonly at: number;
  readonly process: NodeJS.CpuUsage;
  readonly server: EventLoopUtilization;
  readonly client: EventLoopUtilization;
  readonly postgres: number | null;
  readonly machine: number | null;
};

export type CpuMeter = {
  start(): Snapshot;
  stop(since: Snapshot): CpuFigures;
};

export function cpuMeter(options: {
  readonly clientElu: () => EventLoopUtilization;
  /** The postmaster's pid, or null (PGlite: the database runs in the server's thread). */
  readonly postmasterPid: number | null;
}): CpuMeter {
  const ticks = clockTicks();
  const snapshot = (): Snapshot => ({
    at: performance.now(),
    process: process.cpuUsage(),
    server: performance.eventLoopUtilization(),
    client: options.clientElu(),
    postgres: options.postmasterPid === null ? null : clusterTicks(options.postmasterPid),
    machine: machineTicks(),
  });
  return {
    start: snapshot,
    stop(since) {
      const now = snapshot();
      const usage = process.cpuUsage(since.process);
      const elu = (a: EventLoopUtilization, b: EventLoopUtilization): number =>
        (b.active - a.active) / 1000;
      const ticksToSeconds = (a: number | null, b: number | null): number | null =>
        a === null || b === null ? null : r2((b - a) / ticks);
      return {
        wallSeconds: r2((now.at - since.at) / 1000),
        cores: os.cpus().length,
        serverThread: r2(elu(since.server, now.server)),
        clientThread: r2(elu(since.client, now.client)),
        nodeProcess: r2((usage.user + usage.system) / 1e6),
        postgres: ticksToSeconds(since.postgres, now.postgres),
        machine: ticksToSeconds(since.machine, now.machine),
      };
    },
  };
}

/** The parent of a process (Linux), or null. */
export function parentPid(pid: number): number | null {
  return procStat(String(pid))?.ppid ?? null;
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime, stime, cutime, cstime and ppid of a process from /proc/<pid>/stat. */
function procStat(pid: string): { ppid: number; own: number; children: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (i: number): number => Number(fields[i] ?? 0);
    return { ppid: at(1), own: at(11) + at(12), children: at(13) + at(14) };
  } catch {
    return null;
  }
}

/**
 * CPU ticks of the cluster so far: the postmaster's own and those of its children that
 * ended (cutime, cstime), plus every live child's (backends, WAL writer, checkpointer…).
 */
function clusterTicks(postmaster: number): number | null {
  const root = procStat(String(postmaster));
  if (!root) return null;
  let total = root.own + root.children;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = procStat(pid);
    if (stat?.ppid === postmaster) total += stat.own;
  }
  return total;
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
