// reveal.js 6.0.2 has these at run time but leaves them out of its types (its js/reveal.js exports them on the API object).
import 'reveal.js';

declare module 'reveal.js' {
  interface RevealApi {
    isScrollView(): boolean;
    toggleScrollView(override?: boolean): void;
    isPrintView(): boolean;
    /** Our charts plugin, registered under its id; tests await `whenIdle()` for a settled deck. */
    getPlugin(id: 'charts'): import('./charts/plugin').ChartsPlugin | undefined;
  }
}
