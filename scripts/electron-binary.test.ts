import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';
import type { ElectronBinaryProbe } from './electron-binary';

const packageDir = path.join('/repo', 'node_modules', 'electron');

function probe(files: Readonly<Record<string, string>>, env = {}): ElectronBinaryProbe {
  return {
    exists: (file) => file in files,
    readText: (file) => files[file] ?? null,
    env,
  };
}

describe('is the Electron binary installed? (without letting the package download it)', () => {
  it('finds the binary path.txt names inside dist/', () => {
    const binary = path.join(packageDir, 'dist', 'electron');
    expect(
      findElectronBinary(
        packageDir,
        probe({ [path.join(packageDir, 'path.txt')]: 'electron', [binary]: '' }),
      ),
    ).toEqual({ ok: true, path: binary });
  });

  it('an offline install: the package is there, path.txt is not', () => {
    expect(findElectronBinary(packageDir, probe({}))).toEqual({
      ok: false,
      reason:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    });
  });

  it('path.txt written but the binary removed', () => {
    const result = findElectronBinary(
      packageDir,
      probe({ [path.join(packageDir, 'path.txt')]: 'electron\n' }),
    );
    expect(result).toEqual({
      ok: false,
      reason: `the Electron binary is missing (${path.join(packageDir, 'dist', 'electron')})`,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the package does', () => {
    const binary = path.join('/opt/electron-45', 'electron');
    expect(
      findElectronBinary(
        packageDir,
        probe(
          { [path.join(packageDir, 'path.txt')]: 'electron', [binary]: '' },
          { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' },
        ),
      ),
    ).toEqual({ ok: true, path: binary });
  });

  it('no electron package at all', () => {
    expect(findElectronBinary(null, probe({}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not installed/) as unknown,
    });
  });
});
