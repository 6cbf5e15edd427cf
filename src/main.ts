// The deck's fonts: a build-time subset of Inter and Noto Sans SC (src/build/vite-plugin-fonts.ts).
import 'virtual:fonts.css';
import './styles/theme.css';
import content from 'virtual:slides';
import type { Deck } from './build/assemble-deck';
import { createChartsPlugin } from './charts/plugin';
import { createDeck, deckConfig } from './deck/create-deck';
import { applyDocumentLanguage, createLanguageController } from './deck/language';
import type { ArticleSource } from './deck/phone/article';
import { createPhoneMode, hiddenDeckConfig, type PhoneMode, startsAsPhone } from './deck/phone/phone-mode';
import { createReaderControls, type ReaderControls, readerNotesKey } from './deck/reader';
import { localizeRevealLabels } from './deck/reveal-labels';
import { mountSlides, type NotesSource, setNotes, swapSlides } from './deck/slides';
import { createSpeakerViewBridge, parseLanguageMessage } from './deck/speaker-view';
import { languageKey, notesLanguageKey, readSetting, writeSetting } from './deck/storage';
import { createLanguageToggle } from './deck/toggle';
import { createI18n } from './i18n';
import { detectLanguage, matchLanguage } from './i18n/detect';
import type { Lng } from './i18n/languages';

declare global {
  interface Window {
    /** reveal's ecosystem (PDF exporters, remote controls) looks for a global Reveal. */
    Reveal: import('reveal.js').RevealApi;
    /** The phone article, for whoever drives the page (the live room, tests): `deckPhone.view()?.show(id, step)`. */
    deckPhone?: PhoneMode;
  }
}

let slides: Deck = content;
const params = new URLSearchParams(window.location.search);
const initialHash = window.location.hash;
// The speaker view's two slide previews are copies of this page, loaded with ?receiver.
const isReceiver = params.has('receiver');
document.documentElement.classList.toggle('is-receiver', isReceiver);
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// A single-file export (npm run export:html) names its language; it wins over a choice saved by another file.
const fileLng = document.querySelector<HTMLMetaElement>('meta[name="deck-default-lng"]')?.content;
const lng = detectLanguage({
  search: window.location.search,
  stored: fileLng ?? readSetting(languageKey),
  browser: navigator.languages,
});
const i18n = createI18n(lng);
// The presenter may read notes in another language than the room sees: ?notes-lng=, then the saved choice;
// without either, the notes follow the deck.
let chosenNotesLng: Lng | null =
  matchLanguage(params.get('notes-lng')) ?? matchLanguage(readSetting(notesLanguageKey));
const notesLng = (audience: Lng): Lng => chosenNotesLng ?? audience;
const notesFor = (audience: Lng): NotesSource => ({
  lng: notesLng(audience),
  slides: slides[notesLng(audience)],
});

const root = document.querySelector<HTMLElement>('.reveal')!;
const container = root.querySelector<HTMLElement>('.slides')!;
mountSlides(container, slides[lng], lng, notesFor(lng));
applyDocumentLanguage(lng, i18n);

const charts = createChartsPlugin({ getContext: () => language.context() });
const speakerView = createSpeakerViewBridge({
  tFor: (l) => i18n.getFixedT(l),
  notesLng: () => notesLng(language.current),
  setNotesLng: (l) => {
    chosenNotesLng = l;
    writeSetting(notesLanguageKey, l);
    setNotes(container, notesFor(language.current));
    deck.dispatchEvent({ type: 'resumed', data: {} });
    speakerView.relabel();
  },
});
// On a phone the reading view is an article (src/deck/phone/); reveal runs hidden under it.
const startPhone = !isReceiver && startsAsPhone();
document.documentElement.classList.toggle('phone-layout', startPhone);
const deck = createDeck(root, {
  ...deckConfig(reducedMotion(), [charts]),
  ...(startPhone ? hiddenDeckConfig : {}),
});
window.Reveal = deck;
const articleSource = (lng: Lng): ArticleSource => ({
  lng,
  slides: slides[lng],
  notes: notesFor(lng),
  notesLabel: i18n.getFixedT(lng)('reader.notesLabel'),
});

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
    notesLng,
    onChange: (next) => {
      speakerView.audienceLanguageChanged(next);
      speakerView.relabel();
      localizeRevealLabels(root, i18n.getFixedT(next));
      phone?.update();
      reader?.update();
    },
  },
  lng,
);
toggle.update(lng, false);
let reader: ReaderControls | undefined;
const phone: PhoneMode | undefined = isReceiver
  ? undefined
  : createPhoneMode({
      deck,
      host: document.querySelector<HTMLElement>('.deck-ui')!,
      source: () => articleSource(language.current),
      context: () => language.context(),
      notesOn: () => readSetting(readerNotesKey) === 'on',
      onChange: () => reader?.update(),
      onPosition: () => reader?.refresh(),
      initialHash,
    });
window.deckPhone = phone;

void deck.initialize().then(() => {
  localizeRevealLabels(root, i18n.getFixedT(language.current));
  if (!isReceiver)
    reader = createReaderControls(
      deck,
      i18n,
      document.querySelector<HTMLElement>('.deck-ui')!,
      initialHash,
      () => phone?.view(),
    );
  deck.addKeyBinding({ keyCode: 84, key: 'T', description: i18n.t('ui:language.shortcut') }, () =>
    toggle.element.click(),
  );
});

if (isReceiver) {
  // The main window tells the previews directly; the storage event is the fallback after a reload.
  window.addEventListener('message', (event) => {
    const next = event.origin === window.location.origin ? parseLanguageMessage(event.data) : null;
    if (next) language.set(next, { announce: false, remember: false });
  });
  window.addEventListener('storage', (event) => {
    const next = event.key === languageKey ? matchLanguage(event.newValue) : null;
    if (next) language.set(next, { announce: false, remember: false });
  });
}

if (import.meta.hot) {
  // A slide edit in `npm run dev` swaps the content in place: the current slide and step stay on screen.
  import.meta.hot.accept('virtual:slides', (module) => {
    if (!module) return;
    slides = (module as unknown as { default: Deck }).default;
    const current = language.current;
    const ids = slides[current].map((s) => s.id).join();
    const mounted = Array.from(container.querySelectorAll('section[id]'), (s) => s.id).join();
    const state = deck.getState();
    if (ids === mounted) swapSlides(container, slides[current], current, notesFor(current));
    else mountSlides(container, slides[current], current, notesFor(current));
    deck.sync();
    deck.setState(state);
  });
}
