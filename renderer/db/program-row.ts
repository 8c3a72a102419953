import type { Program } from '../../shared/program/program-schema';

/** A published program version as received; parsed with parseProgram whenever read. */
export type ProgramRow = {
  readonly version: number;
  readonly program: Program;
  readonly receivedAt: number;
};
