import { describe, expect, it } from 'vitest';
import { testServices } from '../testing/test-services';
import type { Program } from '../../shared/program/program-schema';
import { followProgramUpdates, newerProgram } from './program-updates';

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

describe('following program updates after each sync', () => {
  it('checks once per sync success, takes a newer version once, and reports a broken one once', async () => {
    const services = await testServices();
    let current: Program = services.program;
    const taken: number[] = [];
    const problems: string[] = [];
    const afterSync = followProgramUpdates(services.db, {
      current: () => current,
      onNewer: (program) => {
        taken.push(program.version);
        current = program;
      },
      onBroken: (problem) => problems.push(problem),
    });
    const next = { ...current, version: current.version + 1, name: 'Spring program' };
    await services.db.programs.put({ version: next.version, program: next, receivedAt: 1 });

    await afterSync(null);
    expect(taken, 'no sync has succeeded yet').toEqual([]);
    // Two quick successes: the checks run one after the other, so the version is taken once.
    await Promise.all([afterSync(1000), afterSync(2000)]);
    expect(taken).toEqual([next.version]);
    expect(current.name).toBe('Spring program');

    const broken = next.version + 1;
    await services.db.programs.put({
      version: broken,
      program: { ...next, version: broken, baseRatePercent: 'lots' } as never,
      receivedAt: 2,
    });
    await afterSync(2000);
    expect(problems, 'the same sync success is not checked again').toEqual([]);
    await afterSync(3000);
    await afterSync(4000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`version ${String(broken)} is unreadable`));
    expect(taken, 'the broken version is never taken').toEqual([next.version]);
  });

  it('lets a failed check reject and checks again after the next sync', async () => {
    const services = await testServices();
    const next = { ...services.program, version: services.program.version + 1 };
    await services.db.programs.put({ version: next.version, program: next, receivedAt: 1 });
    let failing = true;
    const taken: number[] = [];
    const afterSync = followProgramUpdates(services.db, {
      current: () => {
        if (failing) throw new Error('disk unreadable');
        return services.program;
      },
      onNewer: (program) => taken.push(program.version),
      onBroken: () => undefined,
    });
    await expect(afterSync(1000)).rejects.toThrow('disk unreadable');
    failing = false;
    await afterSync(2000);
    expect(taken).toEqual([next.version]);
  });
});
