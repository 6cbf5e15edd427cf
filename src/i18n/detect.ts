import { fallbackLng, isLng, type Lng } from '../shared/languages';

export interface DetectionInput {
  /** The page's query string, e.g. "?lng=zh". */
  search: string;
  /** The language of the page itself when it is not the default's (the build's zh.html): a link's choice. */
  page?: Lng | null;
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
 * The deck's language: `?lng=`, then a language page's own (zh.html), then the saved choice, then the
 * browser's languages, then English. src/node/first-slide.ts's inline script follows the same order.
 * An unknown or empty `?lng=` is ignored rather than trusted.
 */
export function detectLanguage(input: DetectionInput): Lng {
  const query = new URLSearchParams(input.search).get('lng');
  return (
    matchLanguage(query) ??
    (input.page && input.page !== fallbackLng ? input.page : null) ??
    matchLanguage(input.stored) ??
    input.browser.map(matchLanguage).find((lng): lng is Lng => lng !== null) ??
    fallbackLng
  );
}
