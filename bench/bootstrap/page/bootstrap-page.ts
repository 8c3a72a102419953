import Dexie from 'dexie';
import { inspect, runBootstrap } from './page-bootstrap';
import { fetchOnly, jsonOnly, transportOnly } from './page-probes';
import { PAGE_API } from './page-api';
import type { PageApi } from './page-api';

// Dexie turns on its debug mode (a console task per operation) on any 127.0.0.1 page. The
// terminal runs from a custom protocol in production, without it, so measure it without.
Dexie.debug = false;

/** Progress goes to the console; the Node script prints it. */
const log = (line: string): void => {
  console.log(`[bootstrap-bench] ${line}`);
};

const api: PageApi = {
  fetchOnly,
  jsonOnly,
  transportOnly,
  bootstrap: (target, chunkSize) => runBootstrap(target, chunkSize, log),
  inspect,
  environment: () => ({
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated,
  }),
};

Object.assign(globalThis, { [PAGE_API]: api });
