import type { RevealApi } from 'reveal.js';
import type { ChartContext } from '../../charts/types';
import type { LanguageSignal } from '../language';
import type { ArticleSource } from './article';
import { phoneQuery, wantsPhoneLayout } from './layout-mode';
import { createPhoneView, type PhonePosition, type PhoneView } from './phone-view';

/**
 * Switches between the slides and the phone article as the screen crosses the breakpoint (a tablet turned
 * upright, a window narrowed). reveal keeps running, hidden, under the article: the language controller, the
 * speaker bridge and the room client keep one deck to talk to, and turning back lands on the same slide.
 */
export interface PhoneMode {
  /** The article, while it is the view. */
  view(): PhoneView | undefined;
  /** Re-render after a language switch. */
  update(): void;
  /**
   * Follow reveal: while on, the article shows reveal's current slide at its step whenever reveal moves (the
   * live room's audience phones drive the hidden deck with the presenter's state, e.g. `Reveal.setState`).
   */
  follow(on: boolean): void;
  destroy(): void;
}

export interface PhoneModeOptions {
  deck: RevealApi;
  host: HTMLElement;
  source: () => ArticleSource;
  context: () => Omit<ChartContext, 'width'>;
  /** A language switch (or the notes language) re-renders the article in place. */
  language: Pick<LanguageSignal, 'subscribe'>;
  notesOn: () => boolean;
  onChange?: () => void;
  onPosition?: (position: PhonePosition) => void;
  initialHash: string;
}

/** reveal's options while the article is the view: the hidden slides take no keys, swipes or hash. */
export const hiddenDeckConfig = { hash: false, keyboard: false, touch: false } as const;
const shownDeckConfig = { hash: true, keyboard: true, touch: true } as const;

/** Whether the page starts as the phone article (before reveal is created, to configure it). */
export function startsAsPhone(): boolean {
  return wantsPhoneLayout(window.location.search, window.matchMedia(phoneQuery).matches);
}

export function createPhoneMode(options: PhoneModeOptions): PhoneMode {
  const { deck } = options;
  const media = window.matchMedia(phoneQuery);
  let view: PhoneView | undefined;

  const enter = (hash: string) => {
    if (view) return;
    view = createPhoneView({
      host: options.host,
      source: options.source(),
      context: options.context,
      initialHash: hash,
      notesOn: options.notesOn(),
      onPosition: options.onPosition,
    });
    if (deck.isReady()) deck.configure(hiddenDeckConfig);
  };

  const leave = () => {
    if (!view) return;
    const { id, step } = view.position();
    view.destroy();
    view = undefined;
    deck.configure(shownDeckConfig);
    const index = Array.from(deck.getSlides()).findIndex((s) => s.id === id);
    deck.layout();
    if (index >= 0) deck.slide(index, 0, step - 1);
  };

  if (wantsPhoneLayout(window.location.search, media.matches)) enter(options.initialHash);

  const onMedia = () => {
    const want = wantsPhoneLayout(window.location.search, media.matches);
    if (want && !view) enter(`#/${deck.getCurrentSlide()?.id ?? ''}`);
    else if (!want && view) leave();
    else return;
    options.onChange?.();
  };
  media.addEventListener('change', onMedia);
  // Subscribed before the reader, so the reader's links see the re-rendered article.
  const unsubscribe = options.language.subscribe(() => view?.update(options.source()));

  const followDeck = () => {
    const slide = deck.getCurrentSlide();
    if (view && slide?.id) view.show(slide.id, (deck.getIndices().f ?? -1) + 1);
  };
  const followed = ['slidechanged', 'fragmentshown', 'fragmenthidden'];
  let following = false;

  return {
    view: () => view,
    update: () => view?.update(options.source()),
    follow(on) {
      if (on === following) return;
      following = on;
      for (const type of followed) (on ? deck.on : deck.off).call(deck, type, followDeck);
      if (on) followDeck();
    },
    destroy() {
      media.removeEventListener('change', onMedia);
      unsubscribe();
      if (following) for (const type of followed) deck.off(type, followDeck);
      view?.destroy();
      view = undefined;
    },
  };
}
