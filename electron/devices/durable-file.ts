import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `dir/name` so that after a crash or a power cut it holds the old text or the new
 * one, never a part: the text goes to `dir/tempName`, is fsynced, renamed into place, and the
 * rename is made durable by fsyncing the folder, all before the promise resolves.
 */
export async function writeFileDurably(
  dir: string,
  name: string,
  text: string,
  tempName = `.tmp-${name}`,
): Promise<void> {
  const temp = join(dir, tempName);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, name));
  await syncDir(dir);
}

/** Makes a rename or unlink in `dir` durable (POSIX: fsync the folder). */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
