import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/time/zoned-time';
import { describeSignInError } from './sign-in-error';
import type { ApprovalError } from './sign-in-error';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const locked = (retryInMs: number): ApprovalError => ({
  kind: 'locked',
  until: T0 + retryInMs,
  retryInMs,
});

describe('describeSignInError', () => {
  it.each<[ApprovalError, string, string]>([
    [{ kind: 'pin-empty' }, 'Введите PIN-код.', 'Enter your PIN.'],
    [
      { kind: 'pin-not-digits' },
      'PIN-код состоит только из цифр — введите его ещё раз.',
      'A PIN has digits only — enter it again.',
    ],
    [
      { kind: 'pin-too-short', minLength: 4, maxLength: 8 },
      'В PIN-коде от 4 до 8 цифр — введите его ещё раз.',
      'A PIN has 4 to 8 digits — enter it again.',
    ],
    [
      { kind: 'wrong-pin', attemptsLeft: 1 },
      'Неверный PIN-код. Осталось попыток до блокировки: 1.',
      'Wrong PIN. 1 attempt left before sign-in is locked.',
    ],
    [
      { kind: 'wrong-pin', attemptsLeft: 4 },
      'Неверный PIN-код. Осталось попыток до блокировки: 4.',
      'Wrong PIN. 4 attempts left before sign-in is locked.',
    ],
    [
      { kind: 'locked-out', until: T0 + 5 * MINUTE_MS, lockedForMs: 5 * MINUTE_MS },
      'Неверный PIN-код. Слишком много ошибок: вход заблокирован на 5 минут. Если PIN-код забыт, обратитесь к менеджеру.',
      'Wrong PIN. Too many attempts: sign-in is locked for 5 minutes. If you forgot your PIN, ask a manager.',
    ],
    [
      locked(4 * MINUTE_MS),
      'Вход заблокирован после неверных PIN-кодов — попробуйте через 4 минуты или обратитесь к менеджеру.',
      'Sign-in is locked after wrong PINs — try again in 4 minutes or ask a manager.',
    ],
    [
      { kind: 'inactive' },
      'Эта учётная запись отключена — обратитесь к менеджеру.',
      'This staff account is switched off — ask a manager.',
    ],
    [
      { kind: 'role-required', role: 'manager' },
      'Это может подтвердить только менеджер — выберите его имя и введите его PIN-код.',
      'Only a manager can approve this — choose their name and have them enter their PIN.',
    ],
  ])('%j', (error, ru, en) => {
    expect(describeSignInError(error, 'ru')).toBe(ru);
    expect(describeSignInError(error, 'en')).toBe(en);
  });

  // Waits are rounded up to whole minutes, so "try again in" is never too early.
  it.each([
    [1, 'через 1 минуту', 'in 1 minute'],
    [59_000, 'через 1 минуту', 'in 1 minute'],
    [61_000, 'через 2 минуты', 'in 2 minutes'],
    [21 * MINUTE_MS, 'через 21 минуту', 'in 21 minutes'],
    [60 * MINUTE_MS, 'через 1 час', 'in 1 hour'],
    [80 * MINUTE_MS, 'через 1 час 20 минут', 'in 1 hour 20 minutes'],
    [1280 * MINUTE_MS, 'через 21 час 20 минут', 'in 21 hours 20 minutes'],
    [1440 * MINUTE_MS, 'через 24 часа', 'in 24 hours'],
  ])('a wait of %i ms reads %s / %s', (ms, ru, en) => {
    expect(describeSignInError(locked(ms), 'ru')).toContain(` ${ru} `);
    expect(describeSignInError(locked(ms), 'en')).toContain(` ${en} `);
  });
});
