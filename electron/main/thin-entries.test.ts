import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(electronDir, path.join(entry.parentPath, entry.name)));
}

describe('the Electron shell keeps Electron in its two entry files', () => {
  it("imports 'electron' only in main/main.ts and preload/preload.ts", () => {
    const importers = sourceFiles(electronDir).filter((file) =>
      /\bfrom\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(
        readFileSync(path.join(electronDir, file), 'utf8'),
      ),
    );
    expect(importers.sort()).toEqual([
      path.join('main', 'main.ts'),
      path.join('preload', 'preload.ts'),
    ]);
  });
});
