/**
 * The interface strings. Each language's strings travel with its slides (src/deck/packs/), so a page loads only
 * its own language up front; `addStrings` hands a language to i18next when it arrives.
 */
import i18next, { type i18n } from 'i18next';
import { fallbackLng, type Lng, supportedLngs } from '../shared/languages';
import type enCharts from './locales/en/charts.json';
import type enMaps from './locales/en/maps.json';
import type enUi from './locales/en/ui.json';

export const namespaces = ['ui', 'charts', 'maps'] as const;
export const defaultNS = 'ui';

/** One language's strings, namespace by namespace (the build checks every language has every key). */
export interface LanguageStrings {
  ui: typeof enUi;
  charts: typeof enCharts;
  maps: typeof enMaps;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: LanguageStrings;
  }
}

/** Gives i18next a language's strings (a no-op when it has them). */
export function addStrings(instance: i18n, lng: Lng, strings: LanguageStrings): void {
  for (const ns of namespaces) {
    if (!instance.hasResourceBundle(lng, ns)) instance.addResourceBundle(lng, ns, strings[ns], true, true);
  }
}

/**
 * A private i18next instance (not the global): no backend, no network. It starts with the strings it is given
 * (all of them in tests; none in the page, which adds each language's as it loads).
 */
export function createI18n(lng: Lng, strings: Partial<Record<Lng, LanguageStrings>> = {}): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    resources: {},
    supportedLngs: [...supportedLngs],
    fallbackLng, // i18next 27 defaults to false: a missing zh string would otherwise show its key
    ns: [...namespaces],
    defaultNS,
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    // Strings are set with textContent or setAttribute, never innerHTML, so i18next need not escape them.
    interpolation: { escapeValue: false },
  });
  for (const code of supportedLngs) {
    const given = strings[code];
    if (given) addStrings(instance, code, given);
  }
  return instance;
}
