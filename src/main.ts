import './styles/theme.css';
import content from 'virtual:slides';
import type { Deck } from './build/assemble-deck';
import { createChartsPlugin } from './charts/plugin';
import { createDeck, deckConfig } from './deck/create-deck';
import { applyDocumentLanguage, createLanguageController } from './deck/language';
import { mountSlides, swapSlides } from './deck/slides';
import { languageKey, readSetting } from './deck/storage';
import { createLanguageToggle } from './deck/toggle';
import { createI18n } from './i18n';
import { detectLanguage, matchLanguage } from './i18n/detect';

declare global {
  interface Window {
    /** reveal's ecosystem (PDF exporters, remote controls) looks for a global Reveal. */
    Reveal: import('reveal.js').RevealApi;
  }
}

let slides: Deck = content;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const lng = detectLanguage({
  search: window.location.search,
  stored: readSetting(languageKey),
  browser: navigator.languages,
});
const i18n = createI18n(lng);
const root = document.querySelector<HTMLElement>('.reveal')!;
const container = root.querySelector<HTMLElement>('.slides')!;
mountSlides(container, slides[lng], lng);
applyDocumentLanguage(lng, i18n);

const charts = createChartsPlugin({ getContext: () => language.context() });
const deck = createDeck(root, deckConfig(reducedMotion(), [charts]));
window.Reveal = deck;

const toggle = createLanguageToggle(document.querySelector<HTMLElement>('.deck-ui')!, i18n, (next) =>
  language.set(next),
);
const language = createLanguageController(
  {
    deck,
    i18n,
    content: () => slides,
    container,
    toggle,
    reducedMotion,
    relabelCharts: (ctx) => charts.setContext(ctx),
  },
  lng,
);
toggle.update(lng, false);

void deck.initialize().then(() => {
  deck.addKeyBinding({ keyCode: 76, key: 'L', description: i18n.t('ui:language.shortcut') }, () =>
    toggle.element.click(),
  );
});

// The speaker view's slide previews are copies of this page: they follow the audience's language through storage.
window.addEventListener('storage', (event) => {
  const next = event.key === languageKey ? matchLanguage(event.newValue) : null;
  if (next) language.set(next, { announce: false, remember: false });
});

if (import.meta.hot) {
  // A slide edit in `npm run dev` swaps the content in place: the current slide and step stay on screen.
  import.meta.hot.accept('virtual:slides', (module) => {
    if (!module) return;
    slides = (module as unknown as { default: Deck }).default;
    const ids = slides[language.current].map((s) => s.id).join();
    const mounted = Array.from(container.querySelectorAll('section[id]'), (s) => s.id).join();
    if (ids === mounted) swapSlides(container, slides[language.current], language.current);
    else mountSlides(container, slides[language.current], language.current);
    const state = deck.getState();
    deck.sync();
    deck.setState(state);
  });
}
