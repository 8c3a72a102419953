import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DEVICE_SETTINGS, deviceSettingsSchema } from '../../shared/bridge/device-settings';
import type { DeviceSettings } from '../../shared/bridge/device-settings';
import { describeSchemaProblems, schemaProblems } from '../../shared/util/schema-problems';
import { writeFileDurably } from './durable-file';

/**
 * The device settings on disk (`device-settings.json` in the device side's data folder).
 *
 * - Missing file: the defaults (no printer, HID scanners looked for).
 * - A file that is not JSON or not of the schema (hand-edited, cut short): set aside as
 *   `device-settings.json.bad` and the defaults used, with the reason returned for the log;
 *   the terminal starts either way and the manager picks the devices again.
 * - Saved atomically (durable-file.ts): a crash or power cut leaves the old or the new settings.
 */
export const DEVICE_SETTINGS_FILE = 'device-settings.json';

export type LoadedDeviceSettings = {
  readonly settings: DeviceSettings;
  /** Why the file was set aside, when it was. */
  readonly problem?: string;
};

export async function loadDeviceSettings(dir: string): Promise<LoadedDeviceSettings> {
  const file = path.join(dir, DEVICE_SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: DEFAULT_DEVICE_SETTINGS };
    throw error;
  }
  let problem: string;
  try {
    const parsed = deviceSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data };
    problem = describeSchemaProblems(schemaProblems(parsed.error));
  } catch {
    problem = 'not JSON';
  }
  await rename(file, `${file}.bad`);
  return {
    settings: DEFAULT_DEVICE_SETTINGS,
    problem: `${file} was unreadable (${problem}); set aside as ${DEVICE_SETTINGS_FILE}.bad, defaults used`,
  };
}

export async function saveDeviceSettings(dir: string, settings: DeviceSettings): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = `${DEVICE_SETTINGS_FILE}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFileDurably(dir, DEVICE_SETTINGS_FILE, `${JSON.stringify(settings, null, 2)}\n`, temp);
}
