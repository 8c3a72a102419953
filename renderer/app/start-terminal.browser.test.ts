import { describe, expect, it } from 'vitest';
import { compareHlcStamps } from '../../shared/ids/hybrid-logical-clock';
import { points } from '../../shared/money/money';
import { DAY_MS } from '../../shared/time/zoned-time';
import { adjustBalance } from '../operations/adjust-balance';
import { enrolCustomer } from '../operations/enrol-customer';
import { plasticCard, testServices } from '../testing/test-services';
import { latestStamp } from './start-terminal';

describe('the clock after a restart', () => {
  it('continues after the newest stored stamp even if the wall clock went back', async () => {
    const services = await testServices();
    services.setNow(Date.now() + 365 * DAY_MS); // the clock ran a year ahead before the restart
    const enrolled = await enrolCustomer(services, {
      managerId: 'M1',
      name: 'Иван Петров',
      phone: '+7 916 000-11-22',
      birthday: null,
      email: null,
      marketingConsent: false,
      referrerId: null,
      card: { kind: 'plastic', scanned: plasticCard(5) },
    });
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));
    const adjusted = await adjustBalance(services, {
      cashierId: 'C1',
      customerId: enrolled.value.customer.id,
      points: points(10),
      reason: 'test entry',
      authorId: 'M1',
    });
    if (!adjusted.ok) throw new Error('refused');

    const stored = await latestStamp(services.db);
    expect(stored, 'the newest entry is the adjustment').toBe(adjusted.value.stamp);
    const { browserIdentitySources } = await import('../platform/terminal-identity-sources');
    const restarted = browserIdentitySources('T1', stored); // wall clock: real now, a year behind
    expect(
      compareHlcStamps(restarted.clock.tick(), adjusted.value.stamp),
      'the next stamp is later',
    ).toBe(1);
    await services.dispose();
  });

  it('has no stamp to continue from in an empty store', async () => {
    const services = await testServices();
    expect(await latestStamp(services.db)).toBeUndefined();
    await services.dispose();
  });
});
