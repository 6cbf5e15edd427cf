// reveal.js 6.0.2 has these at run time but leaves them out of its types (research/anchors.md, main findings 6).
import 'reveal.js';

declare module 'reveal.js' {
  interface RevealApi {
    isScrollView(): boolean;
    toggleScrollView(override?: boolean): void;
    isPrintView(): boolean;
  }
}
