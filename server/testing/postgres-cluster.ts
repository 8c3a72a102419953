import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp dir, started on
 * a free port on 127.0.0.1 only, stopped and deleted by `stop`. PostgreSQL refuses to run as
 * root, so as root the cluster is made and run as the `postgres` user.
 */
export type PostgresCluster = {
  /** Connection string of the `postgres` database (superuser, trust auth on loopback). */
  readonly url: string;
  databaseUrl(database: string): string;
  stop(): Promise<void>;
};

export async function startPostgresCluster(
  options: { readonly durable?: boolean } = {},
): Promise<PostgresCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'loyalty-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : null;
  if (owner) await chown(dir, owner.uid, owner.gid);
  const bin = await postgresBinDir();
  const as = (command: string, args: string[]): Promise<unknown> => {
    const path = bin ? join(bin, command) : command;
    return asRoot ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args);
  };

  const data = join(dir, 'data');
  await as('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${String(port)}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    // Tests do not need crash safety; benchmarks ask for it (durable) to measure real commits.
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off']),
  ].join(' ');
  await as('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start']);

  const databaseUrl = (database: string): string =>
    `postgres://postgres@127.0.0.1:${String(port)}/${database}`;
  return {
    url: databaseUrl('postgres'),
    databaseUrl,
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where initdb and pg_ctl are: on PATH (null), or in Debian's versioned directory, which the
 * `postgresql` package does not put on PATH.
 */
async function postgresBinDir(): Promise<string | null> {
  const onPath = await run('sh', ['-c', 'command -v initdb']).then(
    () => true,
    () => false,
  );
  if (onPath) return null;
  const dirs = (await readdir('/usr/lib/postgresql').catch(() => [])).sort().reverse();
  const newest = dirs[0];
  if (!newest)
    throw new Error('PostgreSQL is not installed: no initdb on PATH or in /usr/lib/postgresql');
  return join('/usr/lib/postgresql', newest, 'bin');
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}
