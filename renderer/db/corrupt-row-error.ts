/**
 * A stored row that does not parse. Storage never swallows it: the operation fails with this
 * message (for the manager and the logs) and writes nothing.
 */
export class CorruptRowError extends Error {
  constructor(table: string, key: string, problems: string) {
    super(`The local store holds an unreadable ${table} row ${key}: ${problems}`);
    this.name = 'CorruptRowError';
  }
}
