import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The card lookup and the everyday sale bypass Dexie (renderer/db/raw-transaction.ts), so
 * nothing in the renderer may observe tables through Dexie: the repo's lint config refuses
 * hooks, middleware and liveQuery there. Checked on probe sources placed (virtually) in it.
 */

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function refusals(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the renderer has no Dexie observers', () => {
  it.each([
    ['a creating hook', "db.outbox.hook('creating', () => {});"],
    ['DBCore middleware', "db.use({ stack: 'dbcore', name: 'x', create: (down) => down });"],
    ['liveQuery', "import { liveQuery } from 'dexie';\nexport const q = liveQuery(() => 1);"],
    ['useLiveQuery', "import { useLiveQuery } from 'dexie-react-hooks';\nexport { useLiveQuery };"],
  ])('refuses %s', async (_, source) => {
    expect(await refusals('renderer/probe.ts', `declare const db: any;\n${source}`)).toEqual([
      expect.stringContaining('No Dexie hooks, middleware or liveQuery'),
    ]);
  });

  it('still refuses a default export there, and allows the rest', async () => {
    expect(await refusals('renderer/probe.ts', 'export default 1;')).toEqual([
      'Use named exports.',
    ]);
    expect(await refusals('renderer/probe.ts', 'export const x = [1].map((n) => n);')).toEqual([]);
  });
});
