import { resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Deck } from '../shared/deck.ts';
import type { Lng } from '../shared/languages.ts';
import { loadDeck } from './assemble-deck.ts';
import { addQrCodes } from './qr.ts';

const virtualId = 'virtual:slides';
const resolvedId = `\0${virtualId}`;

export interface DeckPluginOptions {
  /** Project root (where slides/ and data/ live). */
  root: string;
  /** Extra checks run before the build starts (data schema, locale parity, prose lint); each throws (or rejects)
   * to stop the build. */
  checks?: ReadonlyArray<() => void | Promise<void>>;
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
  // Content whose edits `npm run dev` re-checks: slides, data and locale files.
  const contentDirs = [
    slidesDir,
    resolve(options.root, 'data') + sep,
    resolve(options.root, 'src/i18n/locales') + sep,
  ];
  const isContent = (file: string) =>
    contentDirs.some((dir) => file.startsWith(dir)) && (file.endsWith('.md') || file.endsWith('.json'));
  const runChecks = async () => {
    for (const check of options.checks ?? []) await check();
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
    name: 'deck:slides',
    async buildStart() {
      await runChecks();
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
    async handleHotUpdate({ file, server }) {
      if (!isContent(file)) return undefined;
      // The same checks as the build, on every edit: a broken edit shows the build's file:line message in the
      // terminal and the browser overlay, and does not reach the page; the next good edit clears it.
      try {
        await runChecks();
        await compile();
      } catch (error) {
        reportInDev(server, error, file);
        return [];
      }
      if (!file.startsWith(slidesDir)) return undefined;
      const module = server.moduleGraph.getModuleById(resolvedId);
      if (!module) return undefined;
      server.moduleGraph.invalidateModule(module);
      return [module];
    },
  };
}

/** Shows a content problem the way Vite shows a compile error: in the terminal and as the browser overlay. */
function reportInDev(server: ViteDevServer, error: unknown, file: string): void {
  const message = error instanceof Error ? error.message : String(error);
  // Every message starts "<file>:<line>: …"; the overlay opens that place.
  const at = /(?:^|\n)([^\s:]+):(\d+):/.exec(message);
  server.config.logger.error(message, { timestamp: true, clear: false });
  server.ws.send({
    type: 'error',
    err: {
      message,
      stack: '',
      plugin: 'deck',
      id: at?.[1] ?? file,
      loc: at ? { file: at[1] ?? file, line: Number(at[2]), column: 1 } : undefined,
    },
  });
}
