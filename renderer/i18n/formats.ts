import type { Lang } from '../../shared/i18n/lang';
import { formatMoney, formatPoints } from '../../shared/money/format';
import { money, points } from '../../shared/money/money';
import { translator } from './messages';
import type { Translate } from './messages';

/** Texts and number/date formats in the terminal's language and the store's time zone. */
export type Formats = {
  readonly t: Translate;
  readonly rub: (kopecks: number) => string;
  readonly pts: (count: number) => string;
  readonly date: (epochMs: number) => string;
  readonly dateTime: (epochMs: number) => string;
};

/**
 * Built once per language and time zone, then shared: an Intl.DateTimeFormat is costly to
 * build, and every screen's components ask for the formats on every render, so building
 * them there put that cost on the scan-to-screen path (`npm run bench:scan`). Formats hold
 * no state, so sharing them is safe; a terminal sees one or two pairs in its life.
 */
const built = new Map<string, Formats>();

export function formatsFor(lang: Lang, timeZone: string): Formats {
  const key = `${lang} ${timeZone}`;
  const known = built.get(key);
  if (known) return known;
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const formats: Formats = {
    t: translator(lang),
    rub: (kopecks) => formatMoney(money(kopecks), lang),
    pts: (count) => formatPoints(points(count), lang),
    date: (epochMs) => date.format(epochMs),
    dateTime: (epochMs) => dateTime.format(epochMs),
  };
  built.set(key, formats);
  return formats;
}
