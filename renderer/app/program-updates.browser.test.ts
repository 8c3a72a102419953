import { describe, expect, it } from 'vitest';
import { testServices } from '../testing/test-services';
import { newerProgram } from './program-updates';

describe('a program version pulled from the server', () => {
  it('is taken when newer than the one in force, and only then', async () => {
    const services = await testServices();
    const current = services.program;
    expect(await newerProgram(services.db, current), 'nothing newer stored').toBe(null);
    const next = { ...current, version: current.version + 1, name: 'Spring program' };
    await services.db.programs.put({ version: next.version, program: next, receivedAt: 1 });
    const found = await newerProgram(services.db, current);
    expect(found && 'program' in found ? found.program.name : found).toBe('Spring program');
    expect(await newerProgram(services.db, next), 'already in force').toBe(null);
  });

  it('keeps the one in force when the newer one stored is unreadable', async () => {
    const services = await testServices();
    const current = services.program;
    await services.db.programs.put({
      version: current.version + 1,
      program: { ...current, version: current.version + 1, baseRatePercent: 'lots' } as never,
      receivedAt: 1,
    });
    const found = await newerProgram(services.db, current);
    expect(found && 'problem' in found ? found.problem : found).toMatch(
      /unreadable; version \d+ stays in force/,
    );
  });
});
