/**
 * One language at a time: each language's slides, notes and interface strings are one chunk, and a page loads
 * only its own up front (its page preloads it: src/node/vite-plugin-deck.ts). The other language is fetched
 * when the browser is idle, or on the first switch, whichever comes first.
 */
import type { i18n } from 'i18next';
import { addStrings, type LanguageStrings } from '../../i18n/index';
import type { RenderedSlide } from '../../shared/deck';
import type { Lng } from '../../shared/languages';
import type { SlideSource } from '../language';

export interface LanguagePack {
  slides: readonly RenderedSlide[];
  strings: LanguageStrings;
}

/** Written out literally: the bundler can only split imports it can see. */
const loaders: Record<Lng, () => Promise<{ default: LanguagePack }>> = {
  en: () => import('./en'),
  zh: () => import('./zh'),
};

type HotListener = (lng: Lng, slides: readonly RenderedSlide[]) => void;
const hotListeners = new Set<HotListener>();

/** `npm run dev` only: a language's slides were edited (called by the pack modules' hot-update handlers). */
export function hotSlides(lng: Lng, slides: readonly RenderedSlide[]): void {
  for (const listener of hotListeners) listener(lng, slides);
}

export interface LanguagePacks extends SlideSource {
  /** Hears slide edits in `npm run dev` (after the source has taken them); returns the unsubscribe. */
  onHotUpdate(listener: HotListener): () => void;
}

/**
 * The languages' slides, loaded once each; each language's strings go to `i18n` as it arrives. A failed load
 * (a dropped connection) is forgotten, so the next call asks again.
 */
export function createLanguagePacks(
  i18n: i18n,
  load: (lng: Lng) => Promise<{ default: LanguagePack }> = (lng) => loaders[lng](),
): LanguagePacks {
  const loaded = new Map<Lng, readonly RenderedSlide[]>();
  const loading = new Map<Lng, Promise<readonly RenderedSlide[]>>();
  return {
    get: (lng) => loaded.get(lng),
    load(lng) {
      const have = loaded.get(lng);
      if (have) return Promise.resolve(have);
      let pending = loading.get(lng);
      if (!pending) {
        pending = load(lng).then(
          ({ default: pack }) => {
            addStrings(i18n, lng, pack.strings);
            loaded.set(lng, pack.slides);
            loading.delete(lng);
            return pack.slides;
          },
          (error: unknown) => {
            loading.delete(lng);
            throw error;
          },
        );
        loading.set(lng, pending);
      }
      return pending;
    },
    onHotUpdate(listener) {
      const hear: HotListener = (lng, slides) => {
        loaded.set(lng, slides);
        listener(lng, slides);
      };
      hotListeners.add(hear);
      return () => hotListeners.delete(hear);
    },
  };
}
