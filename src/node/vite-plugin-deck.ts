import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { Deck } from '../shared/deck';
import type { Lng } from '../shared/languages';
import { loadDeck } from './assemble-deck';
import { addQrCodes } from './qr';

const virtualId = 'virtual:slides';
const resolvedId = `\0${virtualId}`;

export interface DeckPluginOptions {
  /** Project root (where slides/ and data/ live). */
  root: string;
  /** Extra checks run before the build starts (data schema, locale parity); each throws to stop the build. */
  checks?: ReadonlyArray<() => void>;
  /** The deck's public address: slides marked data-qr show it as a QR code. Empty: no QR codes. */
  publicUrl?: string;
  /** The line under the QR code, per language. */
  qrCaptions?: Record<Lng, string>;
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
  const compile = async (): Promise<Deck> => {
    const deck = loadDeck(options.root);
    return options.publicUrl && options.qrCaptions
      ? addQrCodes(deck, options.publicUrl, options.qrCaptions)
      : deck;
  };
  // Compiled once at build start, so bad content stops the build before anything is bundled or written.
  let compiled: Deck | undefined;
  return {
    name: 'chuhai-deck',
    async buildStart() {
      runChecks();
      compiled = await compile();
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      const deck = compiled ?? (await compile());
      compiled = undefined; // a later load (a slide edit in dev) compiles afresh
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
