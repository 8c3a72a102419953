import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml, read with the YAML parser electron-builder itself reads it with
 * (js-yaml, a dependency of app-builder-lib), and its option names checked against the JSON
 * schema of the installed electron-builder, so a misspelt fuse or option fails here rather
 * than in a packaging run on a connected machine.
 */
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
type SchemaObject = { properties?: Record<string, unknown> };
const schema = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as SchemaObject & { definitions: Record<string, SchemaObject> };

function section(name: string): Record<string, unknown> {
  const value = config[name];
  if (typeof value !== 'object' || value === null) throw new Error(`no ${name} section`);
  return value as Record<string, unknown>;
}

function optionNames(definition: string): string[] {
  return Object.keys(schema.definitions[definition]?.properties ?? {});
}

describe('electron-builder.yml', () => {
  it('flips every security fuse the checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only option names the installed electron-builder knows', () => {
    expect(Object.keys(config).filter((key) => !(key in (schema.properties ?? {})))).toEqual([]);
    const fuses = Object.keys(section('electronFuses'));
    expect(fuses.filter((name) => !optionNames('FuseOptionsV1').includes(name))).toEqual([]);
    const linux = Object.keys(section('linux'));
    expect(linux.filter((name) => !optionNames('LinuxConfiguration').includes(name))).toEqual([]);
    const win = Object.keys(section('win'));
    expect(win.filter((name) => !optionNames('WindowsConfiguration').includes(name))).toEqual([]);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
    expect(section('win').target).toEqual(['nsis']);
  });

  it('gives the deb what electron-builder requires of it: a homepage and a maintainer e-mail', () => {
    const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      homepage?: string;
    };
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(section('linux').maintainer).toMatch(/^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/);
  });

  it('never rebuilds native modules (N-API prebuilds) and packs into an asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
  });

  it('packs the built shell and renderer, and package.json "main" is inside them', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*']));
    expect(files.some((pattern) => pattern.startsWith('dist/packages'))).toBe(false);
    const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(packageJson.main).toBe('dist/electron/main.js');
  });

  it('finds its icons under resources/: a 512 px PNG set and an ICO with a 256 px image', () => {
    const buildResources = path.join(root, section('directories').buildResources as string);
    const iconSet = path.join(buildResources, section('linux').icon as string);
    const png = readFileSync(path.join(iconSet, '512x512.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'width × height').toEqual([512, 512]);

    const icoPath = path.join(buildResources, section('win').icon as string);
    expect(existsSync(icoPath), icoPath).toBe(true);
    const ico = readFileSync(icoPath);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)], 'ICO header').toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toContain(256);
  });
});
