import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { loadDeck } from './assemble-deck';

const virtualId = 'virtual:slides';
const resolvedId = `\0${virtualId}`;

export interface DeckPluginOptions {
  /** Project root (where slides/ and data/ live). */
  root: string;
  /** Extra checks run before the build starts (data schema, locale parity); each throws to stop the build. */
  checks?: ReadonlyArray<() => void>;
}

/**
 * A thin adapter: compiles slides/<lng>/*.md into the `virtual:slides` module at build time (no Markdown
 * parser ships to the browser), stops the build with the content's problems, and hot-updates slide edits.
 */
export function deckPlugin(options: DeckPluginOptions): Plugin {
  const slidesDir = resolve(options.root, 'slides') + sep;
  const runChecks = () => {
    for (const check of options.checks ?? []) check();
  };
  return {
    name: 'chuhai-deck',
    buildStart() {
      runChecks();
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      const deck = loadDeck(options.root);
      for (const slide of [...deck.en, ...deck.zh]) this.addWatchFile(resolve(options.root, slide.file));
      return `export default ${JSON.stringify(deck)};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(slidesDir) || !file.endsWith('.md')) return undefined;
      const module = server.moduleGraph.getModuleById(resolvedId);
      if (!module) return undefined;
      server.moduleGraph.invalidateModule(module);
      return [module];
    },
  };
}
