import type { Lang } from '../../shared/i18n/lang';
import { russianPluralForm } from '../../shared/money/format';
import type { RussianPluralForm } from '../../shared/money/format';
import { MINUTE_MS } from '../../shared/time/zoned-time';
import { assertNever } from '../../shared/util/assert-never';
import type { PinFormatError } from './pin-hash';
import type { StaffRole } from './staff-member';

/**
 * Why a PIN did not sign someone in or approve an action, each with the person's next step:
 *
 * | kind                          | next step                                               |
 * |-------------------------------|---------------------------------------------------------|
 * | pin-empty, pin-not-digits,    | type the PIN again (4–8 digits); not counted as a wrong |
 * | pin-too-short, pin-too-long   | PIN                                                     |
 * | wrong-pin                     | try again; the message says how many tries are left     |
 * | locked-out                    | this wrong PIN started a lockout: wait, or ask a manager |
 * | locked                        | a lockout is running: wait, or ask a manager            |
 * | inactive                      | ask a manager (the account is switched off)             |
 * | role-required                 | choose a staff member with that role (approval only)    |
 *
 * No message repeats the typed PIN or tells anything about another person's PIN.
 */
export type SignInError =
  | PinFormatError
  | { readonly kind: 'wrong-pin'; readonly attemptsLeft: number }
  | { readonly kind: 'locked-out'; readonly until: number; readonly lockedForMs: number }
  | { readonly kind: 'locked'; readonly until: number; readonly retryInMs: number }
  | { readonly kind: 'inactive' };

export type ApprovalError =
  SignInError | { readonly kind: 'role-required'; readonly role: StaffRole };

/** One or two short sentences for the cashier or manager at the keypad. */
export function describeSignInError(error: ApprovalError, lang: Lang): string {
  switch (lang) {
    case 'ru':
      return describeInRussian(error);
    case 'en':
      return describeInEnglish(error);
    default:
      return assertNever(lang, 'language');
  }
}

function describeInRussian(error: ApprovalError): string {
  switch (error.kind) {
    case 'pin-empty':
      return 'Введите PIN-код.';
    case 'pin-not-digits':
      return 'PIN-код состоит только из цифр — введите его ещё раз.';
    case 'pin-too-short':
    case 'pin-too-long':
      return `В PIN-коде от ${error.minLength} до ${error.maxLength} цифр — введите его ещё раз.`;
    case 'wrong-pin':
      return `Неверный PIN-код. Осталось попыток до блокировки: ${error.attemptsLeft}.`;
    case 'locked-out':
      return `Неверный PIN-код. Слишком много ошибок: вход заблокирован на ${russianDuration(error.lockedForMs)}. Если PIN-код забыт, обратитесь к менеджеру.`;
    case 'locked':
      return `Вход заблокирован после неверных PIN-кодов — попробуйте через ${russianDuration(error.retryInMs)} или обратитесь к менеджеру.`;
    case 'inactive':
      return 'Эта учётная запись отключена — обратитесь к менеджеру.';
    case 'role-required':
      return `Это может подтвердить только ${russianRole(error.role)} — выберите его имя и введите его PIN-код.`;
    default:
      return assertNever(error, 'sign-in error');
  }
}

function describeInEnglish(error: ApprovalError): string {
  switch (error.kind) {
    case 'pin-empty':
      return 'Enter your PIN.';
    case 'pin-not-digits':
      return 'A PIN has digits only — enter it again.';
    case 'pin-too-short':
    case 'pin-too-long':
      return `A PIN has ${error.minLength} to ${error.maxLength} digits — enter it again.`;
    case 'wrong-pin':
      return `Wrong PIN. ${error.attemptsLeft} ${error.attemptsLeft === 1 ? 'attempt' : 'attempts'} left before sign-in is locked.`;
    case 'locked-out':
      return `Wrong PIN. Too many attempts: sign-in is locked for ${englishDuration(error.lockedForMs)}. If you forgot your PIN, ask a manager.`;
    case 'locked':
      return `Sign-in is locked after wrong PINs — try again in ${englishDuration(error.retryInMs)} or ask a manager.`;
    case 'inactive':
      return 'This staff account is switched off — ask a manager.';
    case 'role-required':
      return `Only a ${englishRole(error.role)} can approve this — choose their name and have them enter their PIN.`;
    default:
      return assertNever(error, 'sign-in error');
  }
}

/** Whole minutes, rounded up so "try again in" is never too early: 61 s → 2 minutes. */
function splitDuration(ms: number): { readonly hours: number; readonly minutes: number } {
  const totalMinutes = Math.max(1, Math.ceil(ms / MINUTE_MS));
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** «5 минут», «1 час 20 минут», «21 час»: accusative, as after «на» and «через». */
function russianDuration(ms: number): string {
  const { hours, minutes } = splitDuration(ms);
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${russianForm(hours, ['час', 'часа', 'часов'])}`);
  if (minutes > 0) parts.push(`${minutes} ${russianForm(minutes, ['минуту', 'минуты', 'минут'])}`);
  return parts.join(' ');
}

function russianForm(count: number, [one, few, many]: readonly [string, string, string]): string {
  const form: RussianPluralForm = russianPluralForm(count);
  switch (form) {
    case 'one':
      return one;
    case 'few':
      return few;
    case 'many':
      return many;
    default:
      return assertNever(form, 'plural form');
  }
}

function englishDuration(ms: number): string {
  const { hours, minutes } = splitDuration(ms);
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

/** In the nominative, after «только». */
function russianRole(role: StaffRole): string {
  switch (role) {
    case 'cashier':
      return 'кассир';
    case 'manager':
      return 'менеджер';
    default:
      return assertNever(role, 'staff role');
  }
}

function englishRole(role: StaffRole): string {
  switch (role) {
    case 'cashier':
      return 'cashier';
    case 'manager':
      return 'manager';
    default:
      return assertNever(role, 'staff role');
  }
}
