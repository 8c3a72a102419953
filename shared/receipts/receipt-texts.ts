import type { Lang } from '../i18n/lang';
import { assertNever } from '../util/assert-never';

/**
 * The words a printed receipt uses, in each language of the terminal. They follow the
 * on-screen slip (renderer/i18n messages `slip.*`) so a customer comparing the screen and the
 * paper reads the same labels. Every text stays in the receipt repertoire (print-text.ts).
 */
export type ReceiptTexts = {
  readonly receipt: string;
  readonly dateTime: string;
  readonly terminal: string;
  readonly customer: string;
  readonly card: string;
  readonly purchase: string;
  readonly discount: string;
  readonly pointsSpent: string;
  readonly toPay: string;
  readonly refundOf: (number: string) => string;
  readonly moneyBack: string;
  readonly pointsEarned: string;
  readonly availableFrom: (date: string) => string;
  readonly pointsReturned: string;
  readonly pointsReversed: string;
  readonly available: string;
  readonly pending: string;
  readonly virtualCard: string;
  /** Replaces the ₽ sign, which neither CP866 nor Windows-1251 can print. */
  readonly currency: string;
};

const RU: ReceiptTexts = {
  receipt: 'Чек',
  dateTime: 'Дата',
  terminal: 'Касса',
  customer: 'Покупатель',
  card: 'Карта',
  purchase: 'Покупка',
  discount: 'Скидка',
  pointsSpent: 'Списано баллов',
  toPay: 'К оплате',
  refundOf: (number) => `Возврат по чеку ${number}`,
  moneyBack: 'Вернуть деньгами',
  pointsEarned: 'Начислено баллов',
  availableFrom: (date) => `доступны с ${date}`,
  pointsReturned: 'Возвращено баллов',
  pointsReversed: 'Списано начисленных',
  available: 'Доступно баллов',
  pending: 'Ожидает баллов',
  virtualCard: 'Ваша карта: покажите код на кассе',
  currency: 'руб.',
};

const EN: ReceiptTexts = {
  receipt: 'Receipt',
  dateTime: 'Date',
  terminal: 'Till',
  customer: 'Customer',
  card: 'Card',
  purchase: 'Purchase',
  discount: 'Discount',
  pointsSpent: 'Points spent',
  toPay: 'To pay',
  refundOf: (number) => `Refund of receipt ${number}`,
  moneyBack: 'Money back',
  pointsEarned: 'Points earned',
  availableFrom: (date) => `available from ${date}`,
  pointsReturned: 'Points returned',
  pointsReversed: 'Earned points taken back',
  available: 'Points available',
  pending: 'Points pending',
  virtualCard: 'Your card: show this code at the till',
  currency: 'RUB',
};

export function receiptTexts(lang: Lang): ReceiptTexts {
  switch (lang) {
    case 'ru':
      return RU;
    case 'en':
      return EN;
    default:
      return assertNever(lang, 'language');
  }
}
