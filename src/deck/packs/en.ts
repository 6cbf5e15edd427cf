/** The English deck: slides with their notes, and the interface strings; one chunk. */
import slides from 'virtual:slides/en';
import charts from '../../i18n/locales/en/charts.json';
import maps from '../../i18n/locales/en/maps.json';
import ui from '../../i18n/locales/en/ui.json';
import { hotSlides, type LanguagePack } from './index';

const pack: LanguagePack = { slides, strings: { ui, charts, maps } };
export default pack;

if (import.meta.hot) {
  // A slide edit in `npm run dev`: the page swaps it in place (src/main.ts).
  import.meta.hot.accept('virtual:slides/en', (module) => {
    if (module) hotSlides('en', module.default);
  });
}
