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
