import { describe, expect, it } from 'vitest';
import { formatsFor } from './formats';

// 2026-11-24 21:05 in Moscow (UTC+3), 18:05 UTC.
const AT = Date.UTC(2026, 10, 24, 18, 5);

describe('formats for a language and a time zone', () => {
  it('are built once per pair and shared', () => {
    expect(formatsFor('ru', 'Europe/Moscow')).toBe(formatsFor('ru', 'Europe/Moscow'));
    expect(formatsFor('ru', 'Europe/Moscow')).not.toBe(formatsFor('en', 'Europe/Moscow'));
    expect(formatsFor('ru', 'Europe/Moscow')).not.toBe(formatsFor('ru', 'Asia/Yekaterinburg'));
  });

  it('show dates in the store’s time zone and amounts in the language', () => {
    const ru = formatsFor('ru', 'Europe/Moscow');
    expect(ru.date(AT)).toBe('24 ноября 2026 г.');
    expect(ru.dateTime(AT)).toBe('24.11.2026, 21:05');
    expect(ru.rub(170_000)).toBe('1\u00A0700,00\u00A0₽');
    expect(ru.pts(1700)).toBe('1\u00A0700');
    expect(ru.t('nav.scan')).not.toBe(formatsFor('en', 'Europe/Moscow').t('nav.scan'));
    // Past midnight in Yekaterinburg (UTC+5): the next day there.
    expect(formatsFor('en', 'Asia/Yekaterinburg').dateTime(AT)).toBe('24/11/2026, 23:05');
    expect(formatsFor('en', 'Asia/Yekaterinburg').date(Date.UTC(2026, 10, 24, 19, 30))).toBe(
      '25 November 2026',
    );
  });
});
