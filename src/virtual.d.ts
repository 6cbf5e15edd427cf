declare module 'virtual:slides' {
  import type { Deck } from './shared/deck';

  const deck: Deck;
  export default deck;
}
