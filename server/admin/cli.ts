import { databaseEnv, openServerDatabase } from '../db/open-database';
import { outcomeWithoutDatabase, runCommand } from './run-command';
import type { CliOutcome } from './run-command';

/**
 * The central server's admin CLI: `tsx server/admin/cli.ts <command> …` (see USAGE in
 * cli-args.ts). Thin on purpose: the arguments are parsed before the database is opened (a
 * typo costs nothing), and everything else is plain functions tested without a process.
 * Expected errors print one reason and set the exit code; only a real fault (database
 * down, corrupt row) prints a stack trace.
 */
async function main(argv: readonly string[]): Promise<CliOutcome> {
  const early = outcomeWithoutDatabase(argv);
  if (!('command' in early)) return early;
  const sql = await openServerDatabase(databaseEnv(process.env));
  try {
    return await runCommand(sql, early.command, Date.now());
  } finally {
    await sql.close();
  }
}

const print = (stream: NodeJS.WriteStream, text: string): void => {
  if (text !== '') stream.write(text.endsWith('\n') ? text : `${text}\n`);
};

try {
  const outcome = await main(process.argv.slice(2));
  print(process.stdout, outcome.stdout);
  print(process.stderr, outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
