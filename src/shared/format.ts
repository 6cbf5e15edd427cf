import { type Lng, languages } from './languages.ts';

/**
 * Number and date formatting for the current language, all through Intl, so that one value gives
 * 44亿美元 in Chinese and US$4.4B in English. Never store a formatted number in data or locale files.
 */
export interface Formatters {
  /** Plain grouped number: 78,612 / 78,612. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Compact number: 7.86万 / 78.6K, 3亿 / 300M. */
  compact(value: number): string;
  /** Compact US dollars: 44亿美元 / US$4.4B. */
  usd(value: number): string;
  /** A fraction as a percentage: 0.7 → 70%. */
  percent(fraction: number): string;
  /** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision it has: 2024年3月 / Mar 2024. */
  date(iso: string): string;
  /** A year range with the language's dash: 1405–1433 / 1405—1433年. */
  years(from: number, to: number): string;
  /** A conjunction list: A、B和C / A, B, and C. */
  list(items: readonly string[]): string;
}

const cache = new Map<string, Formatters>();
/** Per language, the makers of its Intl objects not made yet (see prepareFormatters). */
const unmade = new Map<string, Set<() => unknown>>();

export function createFormatters(lng: Lng): Formatters {
  const hit = cache.get(lng);
  if (hit) return hit;
  const locale = languages[lng].intl;
  // Each Intl object is made on first use: making them (and loading the locale's data) is a large part of a
  // phone's start-up, and most slides use one or two of them.
  const pending = new Set<() => unknown>();
  unmade.set(lng, pending);
  const lazy = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    const get = (): T => {
      pending.delete(get);
      made ??= make();
      return made;
    };
    pending.add(get);
    return get;
  };
  const grouped = lazy(() => new Intl.NumberFormat(locale));
  const compact = lazy(
    () => new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }),
  );
  const usd = lazy(
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'USD',
        notation: 'compact',
        maximumSignificantDigits: 3,
        currencyDisplay: lng === 'zh' ? 'name' : 'symbol',
      }),
  );
  const percent = lazy(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
  const list = lazy(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  const dateFormats = {
    year: lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' })),
    month: lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })),
    day: lazy(
      () =>
        new Intl.DateTimeFormat(locale, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          timeZone: 'UTC',
        }),
    ),
  };

  const formatters: Formatters = {
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : grouped()).format(value),
    compact: (value) => compact().format(value),
    usd: (value) =>
      usd()
        .formatToParts(value)
        // en-US writes a bare "$"; the deck's style is "US$" so the currency is never ambiguous.
        .map((part) => (part.type === 'currency' && part.value === '$' ? 'US$' : part.value))
        .join(''),
    percent: (fraction) => percent().format(fraction),
    date: (iso) => {
      const parts = iso.split('-');
      const precision = parts.length === 1 ? 'year' : parts.length === 2 ? 'month' : 'day';
      const date = new Date(`${parts[0]}-${parts[1] ?? '01'}-${parts[2] ?? '01'}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO date: "${iso}"`);
      return dateFormats[precision]().format(date);
    },
    years: (from, to) => (lng === 'zh' ? `${from}—${to} 年` : `${from}–${to}`),
    list: (items) => list().format(items),
  };
  cache.set(lng, formatters);
  return formatters;
}

/**
 * Makes a language's Intl objects ahead of use, one at a time while `timeLeft()` says there is room (ms), and
 * tells whether all are made. The first object of a locale loads its data, which takes a few ms: done while the
 * browser is idle, it is not done in a language switch's frame.
 */
export function prepareFormatters(lng: Lng, timeLeft: () => number, reserve = 4): boolean {
  createFormatters(lng);
  const pending = unmade.get(lng);
  if (!pending) return true;
  for (const make of [...pending]) {
    if (timeLeft() <= reserve) break;
    make();
  }
  return pending.size === 0;
}
