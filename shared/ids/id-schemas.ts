import { z } from 'zod';
import { isHlcStamp } from './hybrid-logical-clock';
import type { HlcStamp } from './hybrid-logical-clock';
import { isUuidV7 } from './uuidv7';

/** Schemas of the identifiers and instants that every stored or received record carries. */

export const uuidV7Schema = z.string().refine(isUuidV7, 'must be a UUIDv7');

/** Terminal, store and staff ids: short, safe in file names, URLs and HLC node ids. */
export const entityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,36}$/, 'must be 1–36 letters, digits, _ or -');

export const epochMsSchema = z.int().min(0);

/** A check and a brand in one step, with no transform: rows carry many stamps (isHlcStamp). */
export const hlcStampSchema = z.custom<HlcStamp>(
  (value) => typeof value === 'string' && isHlcStamp(value),
  'must be a hybrid-logical-clock stamp',
);
