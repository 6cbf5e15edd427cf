import Reveal, { type RevealApi, type RevealConfig, type RevealPlugin } from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import { slideLayout } from '../shared/layout';
import { lazyNotesPlugin } from './lazy-notes';

/** Options reveal.js reads at run time but its 6.0.2 types leave out (reveal.js js/config.js has them). */
export interface DeckConfig extends RevealConfig {
  totalTime?: number;
  minimumTimePerSlide?: number;
}

export const slideSize = { width: slideLayout.width, height: slideLayout.height } as const;

/** The deck's reveal.js configuration. Query parameters (?view=scroll, ?print-pdf…) still override it. */
export function deckConfig(reducedMotion: boolean, plugins: RevealPlugin[] = []): DeckConfig {
  return {
    ...slideSize,
    margin: slideLayout.margin,
    hash: true, // #/<slide-id> deep links, kept across language switches
    respondToHashChanges: true,
    // Narrow screens get the phone article (src/deck/phone/), not reveal's scaled scroll view.
    scrollActivationWidth: 0,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    center: false,
    // reveal.js has no prefers-reduced-motion handling of its own.
    transition: reducedMotion ? 'none' : 'slide',
    backgroundTransition: reducedMotion ? 'none' : 'fade',
    transitionSpeed: 'default',
    // The slide on screen and one either side are kept laid out (reveal counts the current slide as 1); the rest
    // are display: none until they come near.
    viewDistance: 2,
    // What reveal writes inline on the slides it keeps ready: each layout's own box (layouts.css).
    display: 'var(--layout-display, block)',
    // Printing shows each slide once, every step shown, so each chart prints at its final state.
    pdfSeparateFragments: false,
    // A 25-minute talk: the speaker view's pacing compares against it.
    totalTime: 25 * 60,
    plugins: [lazyNotesPlugin(), Search, Zoom, ...plugins],
  };
}

export function createDeck(root: HTMLElement, config: DeckConfig): RevealApi {
  return new Reveal(root, config);
}
