import { databaseEnv, openServerDatabase } from './db/open-database';
import { listenSyncApi } from './http/listen';
import { createProgramStore } from './programs/program-store';

/**
 * The central server: `npm run server`. PGlite in LOYALTY_DATA_DIR (default .data/server)
 * unless DATABASE_URL names a PostgreSQL; listens on 127.0.0.1:PORT (default 5181), or on
 * HOST when set (behind a TLS-terminating proxy in a real chain).
 */
const env = databaseEnv(process.env);
const sql = await openServerDatabase(env);
const server = await listenSyncApi(
  { sql, programs: createProgramStore(), now: Date.now, log: (line) => console.error(line) },
  { port: Number(process.env['PORT'] ?? 5181), host: process.env['HOST'] ?? '127.0.0.1' },
);
console.log(
  `Central server on ${server.url} (${env.databaseUrl ? 'PostgreSQL' : `PGlite in ${env.dataDir}`})`,
);

const stop = (): void => {
  void server
    .close()
    .then(() => sql.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
