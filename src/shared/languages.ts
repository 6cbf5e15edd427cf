/** The deck's languages. `code` is what URLs, storage and i18next use; `htmlLang` goes on <html lang>. */
export const languages = {
  en: { code: 'en', htmlLang: 'en', intl: 'en-US', label: 'English', short: 'EN' },
  zh: { code: 'zh', htmlLang: 'zh-CN', intl: 'zh-CN', label: '中文', short: '中' },
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
