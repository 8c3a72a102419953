import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule that enforces ARCHITECTURE.md's layering, checked with the repo's real ESLint
 * config on probe sources placed (virtually) in each layer.
 */

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: root,
  // Only the layering rule: the probes are not part of any TypeScript project.
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function refusedImports(file: string, imports: readonly string[]): Promise<string[]> {
  const source = imports
    .map((from, i) => `import * as m${i} from '${from}';\nexport { m${i} };\n`)
    .join('');
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => {
    const line = imports[(m.line - 1) / 2]; // two lines per import: import, export
    if (m.ruleId !== 'no-restricted-imports' || line === undefined)
      throw new Error(`unexpected lint message: ${m.message}`);
    return line;
  });
}

describe('imports cross no layer boundary', () => {
  it.each([
    [
      'shared/money/probe.ts',
      [
        '../../renderer/x',
        '../../server/x',
        '../../electron/x',
        'node:fs',
        'fs',
        'react',
        'dexie',
        'electron',
      ],
    ],
    [
      'renderer/probe.ts',
      ['../server/x', '../electron/devices/x', 'node:fs', 'electron', 'serialport'],
    ],
    ['server/probe.ts', ['../renderer/x', '../electron/x', 'electron', 'dexie']],
    ['electron/probe.ts', ['../renderer/x', '../server/x', 'dexie']],
    ['electron/devices/probe.ts', ['electron', '../../renderer/x']],
  ])('%s may not import %j', async (file, forbidden) => {
    expect(await refusedImports(file, forbidden)).toEqual(forbidden);
  });

  it.each([
    ['shared/money/probe.ts', ['./money', '../util/result', 'zod']],
    ['renderer/probe.ts', ['../shared/money/money', 'react', 'dexie', 'zustand']],
    ['server/probe.ts', ['../shared/money/money', 'node:crypto']],
    ['electron/probe.ts', ['../shared/money/money', 'electron', 'node:path']],
    ['electron/devices/probe.ts', ['../../shared/money/money', 'serialport', 'node-hid']],
  ])('%s may import %j', async (file, allowed) => {
    expect(await refusedImports(file, allowed)).toEqual([]);
  });
});
