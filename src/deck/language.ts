/**
 * The deck's language, as one operation with one event. The controller swaps what is mounted, keeps the slide
 * and step, and then tells its subscribers once: the charts, the toggle, the reading view, the speaker-view
 * bridge, reveal's labels and the room client each subscribe for themselves, so nothing else needs wiring.
 */
import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import type { ChartContext } from '../charts/types';
import type { Deck } from '../shared/deck';
import { createFormatters } from '../shared/format';
import { type Lng, languages } from '../shared/languages';
import { setNotes, swapSlides } from './slides';
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
}

export interface SetOptions {
  /** Announce the change to screen readers (default true). */
  announce?: boolean;
  /** Save the choice for the next visit (default true). */
  remember?: boolean;
}

export interface LanguageController extends LanguageSignal {
  set(lng: Lng, opts?: SetOptions): void;
  /** The presenter picks the notes language (null: follow the deck). */
  setNotesLng(lng: Lng | null): void;
  destroy(): void;
}

/** The part of reveal's API a switch uses (RevealApi fits it; so does a small fake in tests). */
export type SwitchableDeck = Pick<
  RevealApi,
  'getState' | 'setState' | 'isScrollView' | 'sync' | 'syncSlide' | 'getCurrentSlide' | 'dispatchEvent'
>;

export interface LanguageControllerOptions {
  deck: SwitchableDeck;
  i18n: i18n;
  /** The compiled deck; a function because a hot update in `npm run dev` replaces it. */
  content: () => Deck;
  container: HTMLElement;
  reducedMotion: () => boolean;
  /** The presenter's saved notes language, if any. */
  notesChoice: Lng | null;
}

/** Sets <html lang>, the title, and the URL's `lng`, so reloads, shared links and the speaker view keep it. */
export function applyDocumentLanguage(lng: Lng, i18n: i18n): void {
  document.documentElement.lang = languages[lng].htmlLang;
  document.title = i18n.t('ui:deck.title');
  const description = document.querySelector('meta[name="description"]');
  description?.setAttribute('content', i18n.t('ui:deck.description'));
  const url = new URL(window.location.href);
  if (url.searchParams.get('lng') !== lng) {
    url.searchParams.set('lng', lng);
    window.history.replaceState(window.history.state, '', url);
  }
}

/** The notes to mount for an audience language: the presenter's choice, else the audience's. */
export function notesSource(content: Deck, audience: Lng, choice: Lng | null) {
  const lng = choice ?? audience;
  return { lng, slides: content[lng] };
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
  const { deck, i18n, container } = options;
  let current = initial;
  let notesChoice = options.notesChoice;
  const listeners = new Set<LanguageListener>();

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

  // The notes plugin only re-sends notes on navigation events; "resumed" is a harmless one that makes the
  // speaker view pick up the new notes at once.
  const resendNotes = () => deck.dispatchEvent({ type: 'resumed', data: {} });

  return {
    get current() {
      return current;
    },
    get notesLng() {
      return notesChoice ?? current;
    },
    context,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(lng, { announce = true, remember = true } = {}) {
      if (lng === current) return;
      const state = deck.getState();
      current = lng;
      void i18n.changeLanguage(lng);
      swapSlides(container, options.content()[lng], lng, notesSource(options.content(), lng, notesChoice));
      applyDocumentLanguage(lng, i18n);
      if (deck.isScrollView()) {
        // The scroll view keeps references to each page's fragments: rebuild its pages.
        deck.sync();
        deck.setState(state);
      } else {
        // Same slides, same fragments, their classes copied over: only the slide on screen needs reveal's
        // attention (a full sync re-lays out every slide and costs most of a switch).
        deck.syncSlide(deck.getCurrentSlide());
        const now = deck.getState();
        if (now.indexh !== state.indexh || now.indexf !== state.indexf) deck.setState(state);
      }
      if (remember) writeSetting(languageKey, lng);
      resendNotes();
      emit('deck', announce);
    },
    setNotesLng(lng) {
      if (lng === notesChoice) return;
      notesChoice = lng;
      if (lng) writeSetting(notesLanguageKey, lng);
      setNotes(container, notesSource(options.content(), current, notesChoice));
      resendNotes();
      emit('notes', false);
    },
    destroy() {
      listeners.clear();
    },
  };
}
