/**
 * The characters the deck can show, per language: every character of the slides, notes, locale strings, data
 * strings and Intl-formatted chart labels. src/node/fonts.ts subsets the fonts to them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Formatters } from '../shared/format.ts';
import { type Lng, supportedLngs } from '../shared/languages.ts';

/** Creates the deck's formatters for a language (src/i18n/format.ts's createFormatters, passed in). */
export type FormatterFactory = (lng: Lng) => Formatters;

export const printableAscii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Characters the deck may print whatever the content: digits, Chinese number units, CJK and Latin punctuation. */
export const typographySet = `0123456789亿万千年月日美元、，。：；“”‘’（）《》—–…%$US.,+-·|/${printableAscii}`;

export interface CharacterSources {
  /** Any text the deck shows: slide Markdown, locale strings, data strings. */
  texts: Iterable<string>;
  /** Numbers the charts format (with every formatter, in every language). */
  numbers?: readonly number[];
  /** ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) the charts format. */
  dates?: readonly string[];
  /** The deck's formatters; without them only the texts and the typography set are collected. */
  format?: FormatterFactory;
}

const isoDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * What Intl prints for the given numbers and dates in every language, plus a sweep of magnitudes so every
 * compact unit (万, 亿, 万亿, K, M, B, T) and every month name is covered.
 */
export function formatterSamples(
  format: FormatterFactory,
  numbers: readonly number[] = [],
  dates: readonly string[] = [],
): string[] {
  const sweep: number[] = [0, 0.05, 0.5, 1];
  for (let exponent = 0; exponent <= 13; exponent++) {
    for (const mantissa of [1, 1.5, 2.34, 9.99]) sweep.push(mantissa * 10 ** exponent);
  }
  const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
  const out: string[] = [];
  for (const lng of supportedLngs) {
    const f = format(lng);
    for (const n of [...numbers, ...sweep]) {
      out.push(f.number(n), f.compact(n), f.usd(n), f.percent(n));
      out.push(f.number(n, { style: 'percent', maximumFractionDigits: 1 }));
    }
    for (const date of [...dates, ...months, '2024', '2024-03-05']) {
      if (isoDate.test(date)) out.push(f.date(date));
    }
    out.push(f.years(1405, 1433), f.list(['A', 'B']), f.list(['A', 'B', 'C']));
  }
  return out;
}

/**
 * Every character the deck can show, as one string of unique code points in code point order: the texts,
 * the Intl outputs for the numbers and dates, and the typography set. Control characters are left out. Pure.
 */
export function collectCharacters(sources: CharacterSources): string {
  const seen = new Set<number>();
  const add = (text: string) => {
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f)) seen.add(cp);
    }
  };
  for (const text of sources.texts) add(text);
  if (sources.format) {
    for (const text of formatterSamples(sources.format, sources.numbers, sources.dates)) add(text);
  }
  add(typographySet);
  return String.fromCodePoint(...[...seen].sort((a, b) => a - b));
}

function filesUnder(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path, extension);
      return entry.name.endsWith(extension) ? [path] : [];
    })
    .sort();
}

/** Calls back with every string and number inside a parsed JSON value (object keys are not shown). */
function walkJson(value: unknown, onString: (s: string) => void, onNumber: (n: number) => void): void {
  if (typeof value === 'string') onString(value);
  else if (typeof value === 'number') onNumber(value);
  else if (Array.isArray(value)) for (const item of value) walkJson(item, onString, onNumber);
  else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) walkJson(item, onString, onNumber);
  }
}

/**
 * Reads what the deck shows from the project: slides/**\/*.md (body and notes), the locale JSON values,
 * every string in data/*.json (and its numbers and ISO dates, for the formatters), and the browser code and
 * index.html (for the few characters the code writes itself, such as ■).
 */
export function readDeckSources(root: string): {
  texts: string[];
  numbers: number[];
  dates: string[];
  /** What the English deck itself shows: its slides, its locale strings, the language names, the data. */
  englishTexts: string[];
} {
  const texts: string[] = [];
  const englishTexts: string[] = [];
  for (const file of filesUnder(join(root, 'slides', 'en'), '.md'))
    englishTexts.push(readFileSync(file, 'utf8'));
  for (const file of filesUnder(join(root, 'src', 'i18n', 'locales', 'en'), '.json')) {
    englishTexts.push(readFileSync(file, 'utf8'));
  }
  const languagesFile = join(root, 'src', 'shared', 'languages.ts');
  if (existsSync(languagesFile)) englishTexts.push(readFileSync(languagesFile, 'utf8'));
  const numbers: number[] = [];
  const dates: string[] = [];
  for (const file of filesUnder(join(root, 'slides'), '.md')) texts.push(readFileSync(file, 'utf8'));
  for (const file of filesUnder(join(root, 'src', 'i18n', 'locales'), '.json')) {
    walkJson(
      JSON.parse(readFileSync(file, 'utf8')),
      (s) => texts.push(s),
      () => {},
    );
  }
  for (const file of filesUnder(join(root, 'data'), '.json')) {
    walkJson(
      JSON.parse(readFileSync(file, 'utf8')),
      (s) => {
        texts.push(s);
        // Charts may show a Chinese name in the English deck too.
        englishTexts.push(s);
        if (isoDate.test(s)) dates.push(s);
      },
      (n) => numbers.push(n),
    );
  }
  const code = [join(root, 'index.html'), join(root, 'src', 'main.ts')];
  for (const dir of ['charts', 'deck', 'i18n']) code.push(...filesUnder(join(root, 'src', dir), '.ts'));
  for (const file of code) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    texts.push(text);
    englishTexts.push(text); // the characters the code writes itself (■) show in English too
  }
  return { texts, numbers: [...new Set(numbers)], dates: [...new Set(dates)], englishTexts };
}
