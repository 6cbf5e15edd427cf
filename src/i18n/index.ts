import i18next, { type i18n } from 'i18next';
import { fallbackLng, type Lng, supportedLngs } from '../shared/languages';
import enCharts from './locales/en/charts.json';
import enMaps from './locales/en/maps.json';
import enUi from './locales/en/ui.json';
import zhCharts from './locales/zh/charts.json';
import zhMaps from './locales/zh/maps.json';
import zhUi from './locales/zh/ui.json';

export const namespaces = ['ui', 'charts', 'maps'] as const;
export const defaultNS = 'ui';

export const resources = {
  en: { ui: enUi, charts: enCharts, maps: enMaps },
  zh: { ui: zhUi, charts: zhCharts, maps: zhMaps },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['en'];
  }
}

/** A private i18next instance (not the global), bundled resources: no backend, no network. */
export function createI18n(lng: Lng): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    resources,
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
  return instance;
}
