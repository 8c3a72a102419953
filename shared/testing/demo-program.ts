import demoProgramJson from '../../resources/programs/demo-program.json';
import { parseProgramOrThrow } from '../program/parse-program';
import type { Program } from '../program/program-schema';

/** The demo program of DOMAIN.md, as shipped in resources/ and validated by the schema. */
export const demoProgram: Program = parseProgramOrThrow(demoProgramJson);

/** The demo program with some settings replaced (still validated). */
export function demoProgramWith(changes: Record<string, unknown>): Program {
  return parseProgramOrThrow({ ...demoProgramJson, ...changes });
}
