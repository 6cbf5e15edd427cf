import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import type { Deck } from '../build/assemble-deck';
import type { ChartContext } from '../charts/types';
import { createFormatters } from '../i18n/format';
import { type Lng, languages } from '../i18n/languages';
import { swapSlides } from './slides';
import { languageKey, writeSetting } from './storage';
import type { LanguageToggle } from './toggle';

export interface LanguageControllerOptions {
  deck: RevealApi;
  i18n: i18n;
  content: () => Deck;
  container: HTMLElement;
  toggle: LanguageToggle;
  reducedMotion: () => boolean;
  /** Relabels live charts at their current step. */
  relabelCharts: (ctx: ChartContext) => void;
  /** The presenter's notes language for a given audience language. */
  notesLng: (audience: Lng) => Lng;
  /** Called after every switch (the speaker view follows). */
  onChange?: (lng: Lng) => void;
}

export interface LanguageController {
  readonly current: Lng;
  context(): ChartContext;
  set(lng: Lng, opts?: { announce?: boolean; remember?: boolean }): void;
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

/**
 * Switches the whole deck in place: the same slide and fragment stay on screen, charts are relabelled at their
 * step (not replayed), and the speaker view is told so its notes follow.
 */
export function createLanguageController(
  options: LanguageControllerOptions,
  initial: Lng,
): LanguageController {
  const { deck, i18n, container, toggle } = options;
  let current = initial;

  const context = (): ChartContext => ({
    lng: current,
    t: i18n.t,
    format: createFormatters(current),
    reducedMotion: options.reducedMotion(),
    // The slides' frame; the phone article asks for its own width class.
    width: 'wide',
  });

  return {
    get current() {
      return current;
    },
    context,
    set(lng, { announce = true, remember = true } = {}) {
      if (lng === current) return;
      const state = deck.getState();
      current = lng;
      void i18n.changeLanguage(lng);
      const notesLng = options.notesLng(lng);
      swapSlides(container, options.content()[lng], lng, {
        lng: notesLng,
        slides: options.content()[notesLng],
      });
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
      options.relabelCharts(context());
      toggle.update(lng, announce);
      if (remember) writeSetting(languageKey, lng);
      // The notes plugin only re-sends notes on navigation events; "resumed" is a harmless one that makes the
      // speaker view pick up the new language's notes at once.
      deck.dispatchEvent({ type: 'resumed', data: {} });
      options.onChange?.(lng);
    },
  };
}
