import { type Lng, languages } from '../../shared/languages';

/**
 * Where an ISO date of any precision sits on a time axis: a year or a month is drawn at its middle,
 * a day at noon, so "2024-05" and "2024-05-15" land together.
 */
export function isoMidpoint(iso: string): Date {
  const [year = 'NaN', month, day] = iso.split('-');
  const y = Number(year);
  if (day !== undefined) return new Date(Date.UTC(y, Number(month) - 1, Number(day), 12));
  if (month !== undefined) {
    const start = Date.UTC(y, Number(month) - 1, 1);
    const end = Date.UTC(y, Number(month), 1);
    return new Date((start + end) / 2);
  }
  return new Date((Date.UTC(y, 0, 1) + Date.UTC(y + 1, 0, 1)) / 2);
}

const monthFormats = new Map<Lng, Intl.DateTimeFormat>();

/** A month name for axis ticks ("Mar" / "3月"); Formatters has no month-only form. */
export function monthLabel(lng: Lng, date: Date): string {
  let format = monthFormats.get(lng);
  if (!format) {
    format = new Intl.DateTimeFormat(languages[lng].intl, { month: 'short', timeZone: 'UTC' });
    monthFormats.set(lng, format);
  }
  return format.format(date);
}
