import { fallbackLng, isLng, type Lng } from '../shared/languages';

export interface DetectionInput {
  /** The page's query string, e.g. "?lng=zh". */
  search: string;
  /** The saved choice, or null when none (or storage is unavailable). */
  stored: string | null;
  /** navigator.languages, most preferred first. */
  browser: readonly string[];
}

/** Maps any language tag to a deck language: zh-TW, zh-Hans-CN and zh all read the Chinese deck. */
export function matchLanguage(tag: string | null | undefined): Lng | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLng(primary) ? primary : null;
}

/**
 * The deck's language: `?lng=`, then the saved choice, then the browser's languages, then English.
 * An unknown or empty `?lng=` is ignored rather than trusted.
 */
export function detectLanguage(input: DetectionInput): Lng {
  const query = new URLSearchParams(input.search).get('lng');
  return (
    matchLanguage(query) ??
    matchLanguage(input.stored) ??
    input.browser.map(matchLanguage).find((lng): lng is Lng => lng !== null) ??
    fallbackLng
  );
}
