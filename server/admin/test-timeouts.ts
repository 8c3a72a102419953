/**
 * Setup of the database tests here (open, migrate, push a day of messages) takes a few
 * seconds on PGlite, and more when every test file runs at once: beyond Vitest's 10 s hook
 * default on a busy machine. A hook that times out skips its whole suite, so it gets room.
 */
export const SETUP_TIMEOUT_MS = 60_000;
