// Boot order, nothing else: each part below subscribes to the language controller for itself.
// The deck's fonts: a build-time subset of Inter and Noto Sans SC (src/node/vite-plugin-fonts.ts).
import 'virtual:fonts.css';
import './styles/theme.css';
import { createChartsPlugin } from './charts/plugin';
import { createDeck, deckConfig } from './deck/create-deck';
import { createIdleControls } from './deck/idle-controls';
import {
  applyDocumentLanguage,
  createLanguageController,
  neededLanguages,
  notesSource,
} from './deck/language';
import { createLanguagePacks } from './deck/packs/index';
import { afterNextPaint } from './deck/paint';
import { type ArticleSource, prerenderedArticle } from './deck/phone/article';
import { createPhoneMode, hiddenDeckConfig, startsAsPhone } from './deck/phone/phone-mode';
import { createReaderControls, type ReaderControls, readerNotesKey } from './deck/reader';
import { createRevealLabels } from './deck/reveal-labels';
import { startRoom } from './deck/room';
import { mountSlides, swapSlides } from './deck/slides';
import { createSpeakerViewBridge, followPresenterLanguage, reportOwnMoves } from './deck/speaker-view';
import { languageKey, notesLanguageKey, readSetting } from './deck/storage';
import { createLanguageToggle } from './deck/toggle';
import { createI18n } from './i18n';
import { detectLanguage, matchLanguage } from './i18n/detect';
import { prepareFormatters } from './shared/format';
import { whenBrowserIdle } from './shared/idle';
import { type Lng, supportedLngs } from './shared/languages';

declare global {
  interface Window {
    /** reveal's ecosystem (PDF exporters, remote controls) looks for a global Reveal. */
    Reveal: import('reveal.js').RevealApi;
    /** The phone article, for whoever drives the page (the live room, tests): `deckPhone.view()?.show(id, step)`. */
    deckPhone?: import('./deck/phone/phone-mode').PhoneMode;
  }
}

const params = new URLSearchParams(window.location.search);
const initialHash = window.location.hash;
// The speaker view's two slide previews are copies of this page, loaded with ?receiver.
const isReceiver = params.has('receiver');
document.documentElement.classList.toggle('is-receiver', isReceiver);
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// 1. Language: a single-file export (npm run export:html) names its own, which wins over a choice saved by
//    another file. The presenter may read notes in another language: ?notes-lng=, then the saved choice.
const fileLng = document.querySelector<HTMLMetaElement>('meta[name="deck-default-lng"]')?.content;
const lng = detectLanguage({
  search: window.location.search,
  page: matchLanguage(document.documentElement.dataset.pageLng),
  stored: fileLng ?? readSetting(languageKey),
  browser: navigator.languages,
});
const notesChoice = matchLanguage(params.get('notes-lng')) ?? matchLanguage(readSetting(notesLanguageKey));
const i18n = createI18n(lng);
// Only this language's slides, notes and strings (and the notes language's, if the presenter chose another).
const packs = createLanguagePacks(i18n);
const slidesOf = (l: Lng) => packs.get(l) ?? [];
const loadingPacks = Promise.all(neededLanguages(lng, notesChoice).map((l) => packs.load(l)));

// 2. The slides of that language, mounted before reveal sees them. The build painted the first slide from
//    the HTML (src/node/first-slide.ts): the browser shows that frame before the deck's start-up work runs.
const root = document.querySelector<HTMLElement>('.reveal')!;
const container = root.querySelector<HTMLElement>('.slides')!;
if (container.querySelector(':scope > section[data-prerendered]')) await afterNextPaint();
await loadingPacks;
const ui = document.querySelector<HTMLElement>('.deck-ui')!;
mountSlides(container, slidesOf(lng), lng, notesSource(slidesOf, lng, notesChoice));
applyDocumentLanguage(lng, i18n);

// 3. reveal, the language controller, and the parts that follow it.
// On a phone the reading view is an article (src/deck/phone/); reveal runs hidden under it.
const startPhone = !isReceiver && startsAsPhone();
document.documentElement.classList.toggle('phone-layout', startPhone);
// The phone's first paint (src/node/first-slide.ts) is not wanted when the slides are the view.
if (!startPhone) prerenderedArticle(document)?.remove();
const deck = createDeck(root, { ...deckConfig(reducedMotion()), ...(startPhone ? hiddenDeckConfig : {}) });
window.Reveal = deck;
const language = createLanguageController(
  { deck, i18n, slides: packs, container, reducedMotion, notesChoice },
  lng,
);
deck.registerPlugin(createChartsPlugin({ getContext: language.context, subscribe: language.subscribe }));
const toggle = createLanguageToggle(ui, i18n, language);
createSpeakerViewBridge({ tFor: (l) => i18n.getFixedT(l), language });
if (isReceiver) followPresenterLanguage(language);
// The current-slide preview (the view's other preview reports nothing) tells the view only the presenter's moves.
if (isReceiver && params.has('postMessageEvents')) deck.registerPlugin(reportOwnMoves());
let reader: ReaderControls | undefined;
const articleSource = (): ArticleSource => ({
  lng: language.current,
  slides: slidesOf(language.current),
  notes: notesSource(slidesOf, language.current, language.notesLng),
  notesLabel: i18n.getFixedT(language.current)('reader.notesLabel'),
});
if (!isReceiver) {
  window.deckPhone = createPhoneMode({
    deck,
    host: ui,
    source: articleSource,
    context: language.context,
    language,
    notesOn: () => readSetting(readerNotesKey) === 'on',
    onChange: () => reader?.update(),
    onPosition: () => reader?.refresh(),
    initialHash,
  });
}

/** Makes a language's Intl formats over as many idle periods as it takes. */
function prepareFormatsWhenIdle(l: Lng): void {
  whenBrowserIdle((deadline) => {
    if (!prepareFormatters(l, () => deadline.timeRemaining())) prepareFormatsWhenIdle(l);
  });
}

// 4. Start; then the parts that need reveal's own elements.
deck
  .initialize()
  .then(() => {
    createRevealLabels(root, i18n, language);
    if (!isReceiver) {
      reader = createReaderControls(deck, i18n, ui, language, initialHash, () => window.deckPhone?.view());
      // On the slides the bar fades when the mouse rests, with reveal's cursor; the reading view, the phone and a
      // follower in the live room (whose bar shows the room's state) keep it.
      const html = document.documentElement;
      createIdleControls(ui, {
        delay: deck.getConfig().hideCursorTime ?? 5000,
        mayHide: () =>
          !deck.isScrollView() && !html.classList.contains('phone-layout') && html.dataset.room !== 'remote',
      });
    }
    deck.addKeyBinding({ keyCode: 84, key: 'T', description: i18n.t('ui:language.shortcut') }, () =>
      toggle.element.click(),
    );
    // The other languages, fetched while the browser is idle so a switch does not wait for the network, and
    // every language's number and date formats made ahead, so neither a switch nor a chart's first draw does.
    whenBrowserIdle(() => {
      prepareFormatsWhenIdle(lng);
      for (const other of supportedLngs) {
        if (other !== lng)
          packs.load(other).then(
            () => {
              prepareFormatsWhenIdle(other);
              language.prepareAhead();
            },
            () => undefined,
          );
      }
    });
  })
  .catch((error: unknown) => {
    // reveal could not start: the slides are still in the page, readable as a plain document.
    document.documentElement.classList.add('deck-failed');
    console.error('[deck] reveal.js failed to start', error);
  });

// 5. The live room (npm run present): wakes only on a page served with the relay; it subscribes for itself.
startRoom({ deck, i18n, language });

if (import.meta.hot) {
  // A slide edit in `npm run dev` swaps the content in place: the current slide and step stay on screen.
  packs.onHotUpdate((edited) => {
    const current = language.current;
    if (edited !== current && edited !== language.notesLng) return;
    const notes = notesSource(slidesOf, current, language.notesLng === current ? null : language.notesLng);
    const ids = slidesOf(current)
      .map((s) => s.id)
      .join();
    const mounted = Array.from(container.querySelectorAll('section[id]'), (s) => s.id).join();
    const state = deck.getState();
    if (ids === mounted) swapSlides(container, slidesOf(current), current, notes);
    else mountSlides(container, slidesOf(current), current, notes);
    deck.sync();
    deck.setState(state);
  });
}
