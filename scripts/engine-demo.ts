import { welcomeBonus } from '../shared/bonuses/welcome-bonus';
import { formatMoney, formatPoints } from '../shared/money/format';
import { money, points } from '../shared/money/money';
import { demoProgram } from '../shared/testing/demo-program';
import { rub, testAccount } from '../shared/testing/test-account';
import { dayAt, testTerminal } from '../shared/testing/test-terminal';

/**
 * `npm run demo:engine`: the loyalty engine on a demo day, in the console, for a newcomer who
 * wants to see the rules at work without the UI.
 */

const terminal = testTerminal();
const account = testAccount({ terminal });
const rubles = (kopecks: number): string => formatMoney(money(kopecks), 'ru');
const pts = (n: number): string => formatPoints(points(n), 'ru');

console.log(`Loyalty Terminal — ${demoProgram.name} (version ${demoProgram.version})`);
console.log('The engine behind the cashier screens, on a demo day:\n');

const welcome = welcomeBonus(demoProgram, account.customerId, terminal.at(dayAt(0, 9)));
if (welcome) account.entries.push(welcome);
console.log(`Enrolment: welcome bonus ${pts(welcome?.points ?? 0)} points.`);

const first = account.buy(dayAt(0, 10) + 30 * 60_000, rub(2_000));
console.log(
  `Monday 10:30, purchase ${rubles(first.quote.total)}: happy hours ×2 → +${pts(first.quote.accrual.points)} points, pending 14 days.`,
);

const second = account.buy(dayAt(3), rub(1_000), 200);
console.log(
  `Thursday, purchase ${rubles(second.quote.subtotal)}: next-purchase offer −${rubles(second.quote.discounts[0]?.amount ?? 0)}, ` +
    `${pts(second.quote.redemption.spent)} points spent (at most ${pts(second.quote.redemption.maxPoints)}), ` +
    `to pay ${rubles(second.quote.toPay)}, +${pts(second.quote.accrual.points)} points.`,
);

const refund = account.refund(dayAt(4), second, [rub(475)]);
console.log(
  `Friday, half of it returned: ${rubles(refund.moneyBack)} and ${pts(refund.pointsReturned)} points back, ${pts(refund.pointsReversed)} points taken back.`,
);

const balance = account.balance(dayAt(4, 18));
console.log(
  `\nBalance: ${pts(balance.available)} available, ${pts(balance.pending)} pending, tier ${balance.tier?.current.name ?? '—'}.`,
);
console.log('\nRun the tests: npm test');
