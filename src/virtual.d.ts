declare module 'virtual:slides' {
  import type { Deck } from './build/assemble-deck';

  const deck: Deck;
  export default deck;
}
