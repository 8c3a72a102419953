import type { Sql } from '../../server/db/sql';

/**
 * What the server's PostgreSQL connections were doing, sampled from pg_stat_activity on a
 * connection of its own: running, waiting for the change-log lock (an advisory lock), idle
 * in a transaction (the server's JavaScript running between statements), idle in the pool.
 * Mean connections in each state over the samples.
 */
export type ActivitySampler = { stop(): Promise<ActivityFigures> };
export type ActivityFigures = {
  readonly samples: number;
  readonly meanConnections: Record<string, number>;
};

export function sampleActivity(admin: Sql, database: string, everyMs = 200): ActivitySampler {
  const totals = new Map<string, number>();
  let samples = 0;
  const state = { stopped: false };
  const loop = (async () => {
    while (!state.stopped) {
      const rows = await admin.query(
        `select state, wait_event_type, wait_event, count(*)::int as n
         from pg_stat_activity
         where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()
         group by 1, 2, 3`,
        [database],
      );
      samples += 1;
      for (const row of rows) {
        const key = describe(row);
        totals.set(key, (totals.get(key) ?? 0) + Number(row['n']));
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })().catch(() => {
    // The sampling connection failed: keep the samples taken so far.
  });
  return {
    async stop() {
      state.stopped = true;
      await loop;
      const meanConnections: Record<string, number> = {};
      for (const [key, total] of [...totals].sort((a, b) => b[1] - a[1]))
        meanConnections[key] = Math.round((100 * total) / Math.max(1, samples)) / 100;
      return { samples, meanConnections };
    },
  };
}

function describe(row: Record<string, unknown>): string {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const state = text(row['state']) ?? 'unknown';
  const type = text(row['wait_event_type']);
  const event = text(row['wait_event']);
  if (state === 'active' && type === 'Lock' && event === 'advisory')
    return 'waiting for the change-log lock';
  // A customer another push has locked, or a key it is inserting too (push-load.ts).
  if (state === 'active' && type === 'Lock' && (event === 'transactionid' || event === 'tuple'))
    return 'waiting for a row another push holds';
  if (state === 'active' && type === null) return 'running a statement';
  if (state === 'active') return `running, waiting on ${type ?? ''}:${event ?? ''}`;
  if (state === 'idle in transaction') return 'idle in transaction (server JS between statements)';
  if (state === 'idle') return 'idle in the pool';
  return state;
}
