import { SCHEMA_VERSIONS } from '../../renderer/db/schema-versions';

/**
 * The comparison engine: a database opened with `indexedDB.open` directly, with the same
 * object stores and indexes as the terminal's (read from the same SCHEMA_VERSIONS, so the
 * two never drift apart), and the same strict durability for writes.
 */

type StoreSpec = {
  readonly name: string;
  readonly keyPath: string;
  readonly autoIncrement: boolean;
  readonly indexes: readonly {
    readonly name: string;
    readonly keyPath: string | string[];
    readonly unique: boolean;
    readonly multiEntry: boolean;
  }[];
};

/** Dexie's schema syntax (`++seq`, `&id`, `*words`, `[a+b]`) as IndexedDB store specs. */
export function rawStoreSpecs(): StoreSpec[] {
  const latest = new Map<string, string | null>();
  for (const version of SCHEMA_VERSIONS)
    for (const [name, spec] of Object.entries(version.stores)) latest.set(name, spec);
  const specs: StoreSpec[] = [];
  for (const [name, spec] of latest) {
    if (spec === null) continue;
    const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
    const keyPath = primary.replace(/^(\+\+|&)/, '');
    if (keyPath === '' || keyPath.startsWith('['))
      throw new Error(`store ${name}: only inline single-field primary keys are mirrored`);
    specs.push({
      name,
      keyPath,
      autoIncrement: primary.startsWith('++'),
      indexes: indexes.map((index) => {
        const unique = index.startsWith('&');
        const multiEntry = index.startsWith('*');
        const path = index.replace(/^[&*]/, '');
        return {
          name: path,
          keyPath: path.startsWith('[') ? path.slice(1, -1).split('+') : path,
          unique,
          multiEntry,
        };
      }),
    });
  }
  return specs;
}

export async function openRawDatabase(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    for (const store of rawStoreSpecs()) {
      const created = db.createObjectStore(store.name, {
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
      });
      for (const index of store.indexes)
        created.createIndex(index.name, index.keyPath, {
          unique: index.unique,
          multiEntry: index.multiEntry,
        });
    }
  };
  return requestDone(request);
}

export async function deleteDatabase(name: string): Promise<void> {
  await requestDone(indexedDB.deleteDatabase(name));
}

export function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });
}

export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onerror = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    };
  });
}
