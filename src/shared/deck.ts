/**
 * The deck as the build hands it to the browser (virtual:slides): both sides use these types, neither side's
 * code.
 */
import type { Lng } from './languages.ts';

/** A slide as the browser receives it: safe HTML, ready to mount. */
export interface RenderedSlide {
  id: string;
  file: string;
  line: number;
  /** Attributes for the <section>, without `id`. */
  attrs: Record<string, string>;
  html: string;
  notes: string;
  fragments: number;
  charts: string[];
}

/** Every language's slides, in order. */
export type Deck = Record<Lng, RenderedSlide[]>;
