import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Each layer's tsconfig gives it only its own libs and types. A probe file that touches the
 * browser (`window`), Node (`Buffer`, `process`) is compiled under each layer's options, and
 * exactly the foreign globals must be compile errors.
 */

const root = path.resolve(import.meta.dirname, '../..');

const probe = `
export const browser = typeof window;
export const node = Buffer.byteLength('x') + Object.keys(process.env).length;
`;

function undefinedNames(layer: string): string[] {
  const configPath = path.join(root, layer, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const probePath = path.join(root, layer, '__layer_probe__.ts');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => (path.resolve(file) === probePath ? probe : readFile(file));
  host.fileExists = (file) => path.resolve(file) === probePath || fileExists(file);
  const program = ts.createProgram({
    rootNames: [probePath],
    options: { ...config.options, noEmit: true, composite: false },
    host,
  });
  const probeFile = program.getSourceFile(probePath);
  return ts
    .getPreEmitDiagnostics(program, probeFile)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .flatMap((text) => /Cannot find name '(\w+)'/.exec(text)?.[1] ?? [])
    .sort();
}

describe('each layer compiles with only its own platform', () => {
  it.each([
    ['shared', ['Buffer', 'process', 'window']],
    ['renderer', ['Buffer', 'process']],
    ['electron', ['window']],
    ['server', ['window']],
  ])('%s/: these globals do not exist there: %j', (layer, missing) => {
    expect(undefinedNames(layer)).toEqual(missing);
  });
});
