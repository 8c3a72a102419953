import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileDurably } from './durable-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'durable-'));
  dirs.push(dir);
  return dir;
}

describe('writeFileDurably', () => {
  it('puts the whole text in place and leaves no temp file behind', async () => {
    const dir = freshDir();
    await writeFileDurably(dir, 'a.json', 'first');
    await writeFileDurably(dir, 'a.json', 'second', 'a.json.1234.tmp');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('rejects when the folder is gone, and writes nothing', async () => {
    const dir = freshDir();
    await expect(writeFileDurably(join(dir, 'missing'), 'a.json', 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
