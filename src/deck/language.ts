/**
 * The deck's language, as one operation with one event. The controller swaps what is mounted, keeps the slide
 * and step, and then tells its subscribers once: the charts, the toggle, the reading view, the speaker-view
 * bridge, reveal's labels and the room client each subscribe for themselves, so nothing else needs wiring.
 *
 * A switch costs about what a slide change costs: a language's slides and strings arrive as their own chunk
 * (src/deck/packs/), usually fetched while the browser was idle; the slide on screen is swapped at once, and
 * the others when the browser is next idle, or as they come up, whichever is first.
 */
import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import type { ChartContext } from '../charts/types';
import type { RenderedSlide } from '../shared/deck';
import { createFormatters } from '../shared/format';
import { afterFrames, type IdleBudget, whenBrowserIdle, whenIdleAfterFrames } from '../shared/idle';
import { type Lng, languages, otherLng } from '../shared/languages';
import {
  type NotesSource,
  type PreparedSlide,
  preparedFits,
  prepareSlide,
  sectionsOf,
  setNotes,
  swapSlides,
} from './slides';
import { languageKey, notesLanguageKey, writeSetting } from './storage';

export interface LanguageChange {
  /** The audience's language after the change. */
  lng: Lng;
  /** The presenter's notes language after the change. */
  notesLng: Lng;
  /** What changed: the deck's language (everything relabels) or only the presenter's notes. */
  kind: 'deck' | 'notes';
  /** Whether the toggle should announce it to screen readers (not for a change that came from elsewhere). */
  announce: boolean;
}

export type LanguageListener = (change: LanguageChange) => void;

/** What a part of the deck needs to follow the language: read it, and hear when it changes. */
export interface LanguageSignal {
  readonly current: Lng;
  /** The presenter's notes language: their choice, or the deck's language until they make one. */
  readonly notesLng: Lng;
  /** The context charts draw with in the current language. */
  context(): ChartContext;
  /** Calls `listener` after every change, in subscription order; returns the unsubscribe. */
  subscribe(listener: LanguageListener): () => void;
  /**
   * Brings every slide into the current language now. After a switch the slides off screen follow when the
   * browser is idle; a part that reads their text (the contents list) calls this first.
   */
  flush(): void;
}

export interface SetOptions {
  /** Announce the change to screen readers (default true). */
  announce?: boolean;
  /** Save the choice for the next visit (default true). */
  remember?: boolean;
}

export interface LanguageController extends LanguageSignal {
  /** The language last asked for: `current`, or one still loading. A toggle flips from this one. */
  readonly target: Lng;
  /**
   * Switches the deck. Synchronous when the language is loaded (it usually is: it is fetched when the browser is
   * idle); otherwise it loads first, and the last language asked for wins. Resolves once switched.
   */
  set(lng: Lng, opts?: SetOptions): Promise<void>;
  /** The presenter picks the notes language (null: follow the deck). */
  setNotesLng(lng: Lng | null): Promise<void>;
  /**
   * Parses the slide on screen in the other language when the browser is idle, so a switch only moves nodes in.
   * The controller does it after each switch and slide change; the page calls it once the other language arrives.
   */
  prepareAhead(): void;
  destroy(): void;
}

/** Where the languages' slides come from: loaded once each (src/deck/packs/), or a fixed set in tests. */
export interface SlideSource {
  /** The language's slides, if loaded. */
  get(lng: Lng): readonly RenderedSlide[] | undefined;
  /** Loads the language (slides, notes and interface strings) and resolves with its slides. */
  load(lng: Lng): Promise<readonly RenderedSlide[]>;
}

/** The part of reveal's API a switch uses (RevealApi fits it; so does a small fake in tests). */
export type SwitchableDeck = Pick<
  RevealApi,
  | 'getState'
  | 'setState'
  | 'isScrollView'
  | 'sync'
  | 'syncFragments'
  | 'getCurrentSlide'
  | 'dispatchEvent'
  | 'on'
  | 'off'
>;

export interface LanguageControllerOptions {
  deck: SwitchableDeck;
  i18n: i18n;
  /** The languages' slides; a hot update in `npm run dev` replaces what `get` returns. */
  slides: SlideSource;
  container: HTMLElement;
  reducedMotion: () => boolean;
  /** The presenter's saved notes language, if any. */
  notesChoice: Lng | null;
  /** Runs `work` when the browser is idle (default: whenBrowserIdle, src/shared/idle.ts). */
  whenIdle?: (work: (deadline: IdleBudget) => void) => void;
  /**
   * Runs `work` once a switch's or a slide change's frames are drawn (default: after two frames,
   * src/shared/idle.ts).
   */
  afterSwitchFrames?: (work: () => void) => void;
  /**
   * Runs `work` when the browser is idle once a switch's frames are drawn (default: whenIdleAfterFrames,
   * src/shared/idle.ts): what the switch leaves for later, like the URL.
   */
  afterSwitchIdle?: (work: () => void) => void;
}

/** Sets <html lang>, the title and the description. */
function setPageLanguage(lng: Lng, i18n: i18n): void {
  document.documentElement.lang = languages[lng].htmlLang;
  document.title = i18n.t('ui:deck.title');
  const description = document.querySelector('meta[name="description"]');
  description?.setAttribute('content', i18n.t('ui:deck.description'));
}

/** Sets the URL's `lng`, so reloads, shared links and the speaker view keep the language. */
export function writeUrlLanguage(lng: Lng): void {
  const url = new URL(window.location.href);
  if (url.searchParams.get('lng') !== lng) {
    url.searchParams.set('lng', lng);
    window.history.replaceState(window.history.state, '', url);
  }
}

/** Sets <html lang>, the title, and the URL's `lng`, so reloads, shared links and the speaker view keep it. */
export function applyDocumentLanguage(lng: Lng, i18n: i18n): void {
  setPageLanguage(lng, i18n);
  writeUrlLanguage(lng);
}

/** The languages to have loaded for an audience language and a notes choice. */
export function neededLanguages(audience: Lng, choice: Lng | null): Lng[] {
  return choice && choice !== audience ? [audience, choice] : [audience];
}

/** The notes to mount for an audience language: the presenter's choice, else the audience's. */
export function notesSource(slides: SlideSource['get'], audience: Lng, choice: Lng | null): NotesSource {
  const lng = choice ?? audience;
  return { lng, slides: slides(lng) ?? [] };
}

/** An idle period is spent swapping slides until this little of it is left (ms)… */
const idleReserve = 3;
/**
 * …besides what a swap is expected to take: the longest swap seen lately, decaying by this factor per swap. A
 * slide with a long text or its notes can take several ms to parse; started with too little of the period left,
 * it would run into the next frame and hold it back.
 */
const swapCostDecay = 0.8;

/**
 * The order to bring stale slides into the language: nearest the slide on screen first, the next before the
 * previous at the same distance, since a reader is likelier to go forward. `here` is -1 when unknown.
 */
export function nearestFirst<T>(items: readonly T[], indexOf: (item: T) => number, here: number): T[] {
  if (here < 0) return [...items];
  const rank = (item: T): number => {
    const offset = indexOf(item) - here;
    return offset >= 0 ? 2 * offset : -2 * offset + 1;
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/**
 * Switches the whole deck in place: the same slide and fragment stay on screen; then one event tells every
 * subscriber. Charts relabel at their step (not replayed), because they subscribe before anything that reads
 * the slide's text.
 */
export function createLanguageController(
  options: LanguageControllerOptions,
  initial: Lng,
): LanguageController {
  const { deck, i18n, container, slides } = options;
  const whenIdle = options.whenIdle ?? ((work: (deadline: IdleBudget) => void) => void whenBrowserIdle(work));
  const afterSwitchFrames = options.afterSwitchFrames ?? ((work: () => void) => afterFrames(2, work));
  const afterSwitchIdle =
    options.afterSwitchIdle ?? ((work: () => void) => void whenIdleAfterFrames(2, work));
  let current = initial;
  /** The language last asked for: a load that finishes after another request does not switch. */
  let wanted = initial;
  let notesChoice = options.notesChoice;
  const listeners = new Set<LanguageListener>();
  /** Slides still showing the previous language after a switch, and what to swap them to. */
  const stale = new Set<HTMLElement>();
  let idleScheduled = false;
  /**
   * Changes whose first frames are still being drawn (a switch, a slide change): idle swaps wait for them. The
   * main thread idles there while the new text is rastered, and on two cores a swap parsing a slide would take
   * CPU from the raster, whether it was queued by this change or is left over from the last one.
   */
  let holds = 0;
  /** What an idle swap is expected to cost (ms): see swapCostDecay. */
  let swapCost = 0;

  const context = (): ChartContext => ({
    lng: current,
    // Bound to i18next's current language, typed to the chart namespaces.
    t: i18n.getFixedT(null, ['charts', 'maps']),
    format: createFormatters(current),
    reducedMotion: options.reducedMotion(),
    // The slides' frame; the phone article asks for its own width class.
    width: 'wide',
  });

  const emit = (kind: LanguageChange['kind'], announce: boolean): void => {
    const change: LanguageChange = { lng: current, notesLng: notesChoice ?? current, kind, announce };
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One part failing to follow must not leave the others in the old language.
        console.warn('[language] a subscriber failed', error);
      }
    }
  };

  const notes = () => notesSource((lng) => slides.get(lng), current, notesChoice);

  /**
   * The slide on screen parsed in the other language, for the next switch (see prepareAhead), and the slides it
   * was parsed from: a hot update in `npm run dev` replaces them, and then it is not used.
   */
  let prepared: { slide: PreparedSlide; from: readonly RenderedSlide[] } | null = null;
  let preparing = false;

  /** Swaps these stale slides to the current language, with the slide parsed ahead if it is one of them. */
  const swap = (sections: readonly HTMLElement[]): void => {
    const own = slides.get(current);
    if (!own || sections.length === 0) return;
    for (const section of sections) stale.delete(section);
    const ahead = prepared?.from === own ? prepared.slide : null;
    // Its nodes move into the slide: used once.
    if (swapSlides(container, own, current, notes(), sections, ahead)) prepared = null;
  };

  const prepareAhead = (): void => {
    if (preparing) return;
    preparing = true;
    afterSwitchIdle(() => {
      preparing = false;
      const lng = otherLng(current);
      const own = slides.get(lng);
      const here = deck.getCurrentSlide()?.closest<HTMLElement>('section[id]');
      if (!own || !here || deck.isScrollView()) return;
      const notesFor = notesSource((l) => slides.get(l), lng, notesChoice);
      if (prepared?.from === own && preparedFits(prepared.slide, here.id, lng, notesFor)) return;
      const slide = prepareSlide(own, lng, notesFor, here.id);
      prepared = slide ? { slide, from: own } : null;
    });
  };

  const flush = (): void => swap([...stale]);

  const swapWhenIdle = (): void => {
    if (holds > 0 || idleScheduled || stale.size === 0) return;
    idleScheduled = true;
    whenIdle((deadline) => {
      idleScheduled = false;
      // Queued before a change whose frames are not drawn yet: the change's release queues the swaps again.
      if (holds > 0) return;
      const index = new Map(Array.from(sectionsOf(container), (section, i) => [section, i]));
      const here = deck.getCurrentSlide()?.closest<HTMLElement>('section[id]');
      const at = (section: HTMLElement) => index.get(section) ?? -1;
      const order = nearestFirst([...stale], at, here ? at(here) : -1);
      for (const section of order) {
        if (deadline.timeRemaining() <= idleReserve + swapCost) break;
        const started = performance.now();
        swap([section]);
        swapCost = Math.max(performance.now() - started, swapCost * swapCostDecay);
      }
      swapWhenIdle();
    });
  };

  /** Holds the idle swaps until this change's frames are drawn, then lets them go on. */
  const holdForFrames = (): void => {
    holds++;
    afterSwitchFrames(() => {
      holds--;
      swapWhenIdle();
    });
  };

  // A slide coming up is brought into the language before it is drawn: reveal's slide events fire before paint.
  const onSlideChanged = (): void => {
    const slide = deck.getCurrentSlide();
    if (slide && stale.has(slide)) swap([slide]);
    if (stale.size > 0) holdForFrames();
    prepareAhead();
  };
  deck.on('slidechanged', onSlideChanged);
  deck.on('overviewshown', flush);

  // The notes plugin only re-sends notes on navigation events; "resumed" is a harmless one that makes the
  // speaker view pick up the new notes at once.
  const resendNotes = () => deck.dispatchEvent({ type: 'resumed', data: {} });

  const apply = (lng: Lng, announce: boolean, remember: boolean): void => {
    const own = slides.get(lng);
    if (!own) return;
    const state = deck.getState();
    current = lng;
    void i18n.changeLanguage(lng);
    const all = Array.from(sectionsOf(container));
    if (deck.isScrollView()) {
      // Every page is on screen in the scroll view, which keeps references to their fragments: swap all and
      // rebuild its pages.
      stale.clear();
      swapSlides(container, own, lng, notes(), all);
      applyDocumentLanguage(lng, i18n);
      deck.sync();
      deck.setState(state);
    } else {
      // Same slides, same fragments, their classes copied over: only the slide on screen needs swapping now, and
      // reveal only needs to re-read its fragments (a full sync re-lays out every slide; even syncSlide re-reads
      // the background's computed style, forcing a style pass before the frame).
      const here = deck.getCurrentSlide();
      for (const section of all) stale.add(section);
      const onScreen = here ? [here.closest<HTMLElement>('section[id]') ?? here] : [];
      swap(onScreen.filter((section) => stale.has(section)));
      setPageLanguage(lng, i18n);
      if (here) deck.syncFragments(here);
      const now = deck.getState();
      if (now.indexh !== state.indexh || now.indexf !== state.indexf) deck.setState(state);
      // The others when the browser is idle, but not between the switch's two frames (see `holds`).
      holdForFrames();
      // The URL too: replacing the history entry took 2–3 ms of the click (history.replaceState and the
      // same-document navigation it makes). Nothing reads it before then; a second switch writes its own.
      afterSwitchIdle(() => writeUrlLanguage(current));
      prepareAhead();
    }
    if (remember) writeSetting(languageKey, lng);
    resendNotes();
    emit('deck', announce);
  };

  const loadAll = (needed: readonly Lng[]): Promise<unknown> =>
    Promise.all(needed.filter((lng) => !slides.get(lng)).map((lng) => slides.load(lng)));

  return {
    get current() {
      return current;
    },
    get notesLng() {
      return notesChoice ?? current;
    },
    get target() {
      return wanted;
    },
    context,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    prepareAhead,
    set(lng, { announce = true, remember = true } = {}) {
      wanted = lng;
      if (lng === current) return Promise.resolve();
      const needed = neededLanguages(lng, notesChoice);
      if (needed.every((l) => slides.get(l))) {
        apply(lng, announce, remember);
        return Promise.resolve();
      }
      return loadAll(needed).then(
        () => {
          if (wanted === lng && lng !== current) apply(lng, announce, remember);
        },
        (error: unknown) => {
          if (wanted === lng) wanted = current;
          // The chunk did not arrive (a dropped connection): the deck stays as it is, and the next try reloads.
          console.warn(`[language] "${lng}" could not load; the deck stays in "${current}".`, error);
        },
      );
    },
    setNotesLng(lng) {
      if (lng === notesChoice) return Promise.resolve();
      const change = () => {
        notesChoice = lng;
        if (lng) writeSetting(notesLanguageKey, lng);
        flush();
        setNotes(container, notes());
        resendNotes();
        emit('notes', false);
      };
      if (!lng || slides.get(lng)) {
        change();
        return Promise.resolve();
      }
      return loadAll([lng]).then(change, (error: unknown) =>
        console.warn(`[language] notes in "${lng}" could not load.`, error),
      );
    },
    destroy() {
      listeners.clear();
      deck.off('slidechanged', onSlideChanged);
      deck.off('overviewshown', flush);
    },
  };
}
