import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export type ElectronBinaryProbe = {
  readonly exists: (file: string) => boolean;
  readonly readText: (file: string) => string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
};

/**
 * Where the `electron` npm package would start its binary, without starting a download:
 * requiring the package itself tries to download a missing binary, which an offline machine
 * cannot. Same rule as the package's index.js: `path.txt` (written by its install script) names
 * the executable inside `dist/`, or inside ELECTRON_OVERRIDE_DIST_PATH when that is set.
 * `packageDir` is node_modules/electron, or `null` when the package is not installed.
 */
export function findElectronBinary(
  packageDir: string | null,
  probe: ElectronBinaryProbe,
): ElectronBinary {
  if (packageDir === null)
    return { ok: false, reason: 'the electron package is not installed (npm install)' };
  const executable = probe.readText(path.join(packageDir, 'path.txt'))?.trim();
  if (!executable)
    return {
      ok: false,
      reason:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = path.join(override ? override : path.join(packageDir, 'dist'), executable);
  return probe.exists(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `the Electron binary is missing (${binary})` };
}

/** node_modules/electron as Node resolves it from this project, or null. */
export function electronPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export const diskProbe: ElectronBinaryProbe = {
  exists: existsSync,
  readText: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  env: process.env,
};
