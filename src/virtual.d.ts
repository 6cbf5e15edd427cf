declare module 'virtual:slides' {
  import type { Deck } from './build/assemble-deck';

  const deck: Deck;
  export default deck;
}

declare module 'virtual:data' {
  import type { ValidatedData } from './build/data-schema';

  /** data/*.json as validated by the build (src/build/validate-data.ts). */
  const data: ValidatedData;
  export default data;
}
