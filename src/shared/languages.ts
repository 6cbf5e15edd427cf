/**
 * The deck's languages, keyed by the code URLs, storage and i18next use. `htmlLang` goes on <html lang>, `intl`
 * formats numbers and dates, `mark` is the language's name on the toggle and the speaker view's notes switch.
 */
export const languages = {
  en: { htmlLang: 'en', intl: 'en-US', label: 'English', mark: 'EN' },
  zh: { htmlLang: 'zh-CN', intl: 'zh-CN', label: '中文', mark: '中文' },
} as const;

export type Lng = keyof typeof languages;
export const supportedLngs: readonly Lng[] = ['en', 'zh'];
export const fallbackLng: Lng = 'en';

export function isLng(value: unknown): value is Lng {
  return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value);
}

/** The other language: what the toggle switches to. */
export function otherLng(lng: Lng): Lng {
  return lng === 'en' ? 'zh' : 'en';
}

/** Where the deck saves the chosen language (localStorage); the built pages' inline script reads it too. */
export const languageStorageKey = 'chuhai.lng';
