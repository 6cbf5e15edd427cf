declare module 'virtual:slides' {
  import type { Deck } from './shared/deck';

  const deck: Deck;
  export default deck;
}

declare module 'virtual:data' {
  import type { ValidatedData } from './shared/data-schema';

  /** data/*.json as validated by the build (src/node/validate-data.ts). */
  const data: ValidatedData;
  export default data;
}

declare module 'virtual:slides/en' {
  import type { RenderedSlide } from './shared/deck';

  /** The English slides and notes (src/node/vite-plugin-deck.ts). */
  const slides: RenderedSlide[];
  export default slides;
}

declare module 'virtual:slides/zh' {
  import type { RenderedSlide } from './shared/deck';

  /** The Chinese slides and notes (src/node/vite-plugin-deck.ts). */
  const slides: RenderedSlide[];
  export default slides;
}
