/** Every language's strings at once, for the tests and the build; the page loads one language at a time. */
import type { Lng } from '../shared/languages';
import type { LanguageStrings } from './index';
import enCharts from './locales/en/charts.json';
import enMaps from './locales/en/maps.json';
import enUi from './locales/en/ui.json';
import zhCharts from './locales/zh/charts.json';
import zhMaps from './locales/zh/maps.json';
import zhUi from './locales/zh/ui.json';

export const allStrings: Record<Lng, LanguageStrings> = {
  en: { ui: enUi, charts: enCharts, maps: enMaps },
  zh: { ui: zhUi, charts: zhCharts, maps: zhMaps },
};
