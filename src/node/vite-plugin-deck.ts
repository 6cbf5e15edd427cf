import { resolve, sep } from 'node:path';
import type { Plugin, Rolldown, ViteDevServer } from 'vite';
import type { Deck } from '../shared/deck.ts';
import { fallbackLng, type Lng, supportedLngs } from '../shared/languages.ts';
import { loadDeck } from './assemble-deck.ts';
import {
  deferScripts,
  fontFacesOf,
  fontPreloads,
  type PageStrings,
  pageFile,
  prerenderPage,
  textOf,
} from './first-slide.ts';
import { addQrCodes } from './qr.ts';

/**
 * `virtual:slides/<lng>`: one language's slides and notes, so a page loads only its own language up front
 * (src/deck/packs/). `virtual:slides`: every language, for the remote, which lists titles in any language.
 */
const virtualId = 'virtual:slides';
const resolvedId = `\0${virtualId}`;
const languageId = (lng: Lng) => `${virtualId}/${lng}`;
const resolvedLanguageId = (lng: Lng) => `\0${languageId(lng)}`;
const languageOf = (id: string): Lng | undefined =>
  supportedLngs.find((lng) => id === resolvedLanguageId(lng));

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
  /**
   * Build only: write each language's first slide into its page (index.html for the default language,
   * <lng>.html for the others) with the critical CSS and the language script (src/node/first-slide.ts).
   */
  pages?: {
    strings: Record<Lng, PageStrings>;
    css: string;
    script: string;
    /** The font families each language's text tries first (src/styles/tokens.css --font-latin/--font-cjk). */
    fontOrder: Record<Lng, readonly string[]>;
  };
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
  // The deck of this build, for the prerendered pages.
  let built: Deck | undefined;
  let isBuild = false;
  let base = '/';
  const page = (html: string, lng: Lng, deck: Deck, preloads: string[]) =>
    options.pages
      ? prerenderPage({
          html,
          lng,
          deck,
          strings: options.pages.strings[lng],
          css: options.pages.css,
          script: options.pages.script,
          preloads,
        })
      : html;
  return {
    name: 'deck:slides',
    configResolved(config) {
      isBuild = config.command === 'build';
      base = config.base;
    },
    async buildStart() {
      await runChecks();
      compiled = await compile();
      built = compiled;
    },
    generateBundle: {
      // After Vite has written index.html (its transformIndexHtml hooks, the CSP's included, run in its own
      // generateBundle): every language's page is written from it, with the fonts its first slide needs.
      order: 'post',
      handler(_options, bundle) {
        if (!isBuild || !options.pages || !built) return;
        const index = bundle['index.html'];
        if (index?.type !== 'asset' || typeof index.source !== 'string') return;
        const css = Object.values(bundle)
          .map((file) => (file.type === 'asset' && file.fileName.endsWith('.css') ? String(file.source) : ''))
          .join('\n');
        const faces = fontFacesOf(css);
        const template = index.source;
        for (const lng of supportedLngs) {
          const first = built[lng][0];
          // What the first paint draws: the slide (the page's <title> is not drawn).
          const text = first ? textOf(first.html) : '';
          const preloads = fontPreloads(faces, text, options.pages.fontOrder[lng]);
          // The script waits for the first paint (deferScripts); its language's chunks are preloaded with it.
          const html = deferScripts(
            withModulePreloads(page(template, lng, built, preloads), packChunks(bundle, lng), base),
          );
          if (lng === fallbackLng) index.source = html;
          else this.emitFile({ type: 'asset', fileName: pageFile(lng), source: html });
        }
      },
    },
    resolveId(id) {
      if (id === virtualId) return resolvedId;
      return supportedLngs.find((lng) => id === languageId(lng)) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (id === resolvedId) {
        // Every language, from the per-language modules (so the content is bundled once).
        const imports = supportedLngs.map(
          (lng, i) => `import l${i} from ${JSON.stringify(languageId(lng))};`,
        );
        const entries = supportedLngs.map((lng, i) => `${JSON.stringify(lng)}: l${i}`);
        return `${imports.join('\n')}\nexport default { ${entries.join(', ')} };`;
      }
      const lng = languageOf(id);
      if (!lng) return undefined;
      // Compiled once per build (at its start) and once per edit in dev, shared by the languages' modules.
      compiled ??= await compile();
      const slides = compiled[lng];
      for (const slide of slides) this.addWatchFile(resolve(options.root, slide.file));
      return `export default ${JSON.stringify(slides)};`;
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
      compiled = undefined; // the languages' modules compile the edit afresh
      // Only the edited language's module (slides/<lng>/…) reloads, and the module of every language with it.
      const edited = supportedLngs.filter((lng) => file.startsWith(`${slidesDir}${lng}${sep}`));
      const modules = [resolvedId, ...(edited.length > 0 ? edited : supportedLngs).map(resolvedLanguageId)]
        .map((id) => server.moduleGraph.getModuleById(id))
        .filter((module) => module !== undefined);
      for (const module of modules) server.moduleGraph.invalidateModule(module);
      return modules;
    },
  };
}

/** The fields of Rolldown's output bundle that `packChunks` reads. */
export type BundleFiles = Record<
  string,
  { type: 'chunk' | 'asset'; fileName: string } & Partial<
    Pick<Rolldown.OutputChunk, 'facadeModuleId' | 'imports' | 'isEntry'>
  >
>;

/**
 * The chunks of a language's pack (src/deck/packs/<lng>.ts) and what it imports, except what the page loads
 * anyway: its page preloads them, so the slides arrive with the main script rather than after it.
 */
export function packChunks(bundle: BundleFiles, lng: Lng): string[] {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const pack = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(`/src/deck/packs/${lng}.ts`));
  if (!pack) return [];
  // The entry and its static imports: the page has them already.
  const loaded = new Set(
    chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...(chunk.imports ?? [])]),
  );
  return [pack.fileName, ...(pack.imports ?? [])].filter((file) => !loaded.has(file));
}

/** Adds `<link rel="modulepreload">` for these files before the page's </head>. */
export function withModulePreloads(html: string, files: readonly string[], base: string): string {
  if (files.length === 0) return html;
  const links = files
    .map((file) => `    <link rel="modulepreload" crossorigin href="${base}${file}">\n`)
    .join('');
  return html.replace('</head>', `${links}  </head>`);
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
