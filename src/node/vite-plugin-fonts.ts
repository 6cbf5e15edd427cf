import type { Plugin, ResolvedConfig } from 'vite';
import type { Lng } from '../shared/languages.ts';
import { loadDeck } from './assemble-deck.ts';
import { textOf } from './first-slide.ts';
import { collectCharacters, type FormatterFactory, readDeckSources } from './font-characters.ts';
import {
  buildFontSubset,
  bytesByFamily,
  cjkBudgetBytes,
  describeSubset,
  notoFamily,
  writeDevFontsCss,
} from './fonts.ts';
import { addQrCodes } from './qr.ts';

export const fontsModuleId = 'virtual:fonts.css';

export interface FontsPluginOptions {
  /** Project root (slides/, data/, src/i18n/locales and node_modules live there). */
  root: string;
  /** The deck's formatters (createFormatters from src/i18n/format.ts), run over the data at build time. */
  format: FormatterFactory;
  /** Where subsets are cached; default node_modules/.cache/chuhai-fonts. */
  cacheDir?: string;
  /**
   * The deck's QR codes, as the deck plugin adds them (its publicUrl and qrCaptions): the title slide shows one,
   * so its caption and address are part of each page's first paint.
   */
  qr?: { publicUrl: string; captions: Record<Lng, string> };
}

/**
 * Provides `virtual:fonts.css`. In `vite build` it is the @font-face CSS of the deck's own font subset: the
 * module resolves to the generated CSS file, so Vite emits the woff2 files it points to as assets (files, or
 * data: URLs when a build asks for everything inlined). In `vite` dev it imports the full fontsource slices,
 * so slide edits never wait for a re-subset.
 */
export function fontsPlugin(options: FontsPluginOptions): Plugin {
  let config: ResolvedConfig;
  let cssFile: string | undefined;
  return {
    name: 'deck:fonts',
    enforce: 'pre',
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      if (config.command !== 'build') return;
      const sources = readDeckSources(options.root);
      const characters = collectCharacters({ ...sources, format: options.format });
      // The English page's own characters: where Inter has no glyph (Chinese words, a few symbols), this subset
      // of Noto Sans SC draws them instead of the Chinese deck's slices.
      const uiCharacters = collectCharacters({
        ...sources,
        texts: sources.englishTexts,
        format: options.format,
      });
      // The Chinese page's first paint: its first slide as src/node/first-slide.ts writes it into zh.html, QR
      // code and caption included (without them the page preloaded the caption's whole slices, ~175 kB).
      const source = loadDeck(options.root);
      const deck = options.qr ? await addQrCodes(source, options.qr.publicUrl, options.qr.captions) : source;
      const firstCharacters = textOf(deck.zh[0]?.html ?? '');
      // The English page's: the few Chinese characters of its title come from the UI family.
      const uiFirstCharacters = textOf(deck.en[0]?.html ?? '');
      const subset = await buildFontSubset({
        root: options.root,
        characters,
        uiCharacters,
        firstCharacters,
        uiFirstCharacters,
        cacheDir: options.cacheDir,
      });
      cssFile = subset.cssFile;
      config.logger.info(describeSubset(subset, options.root));
      const cjk = bytesByFamily(subset.files)[notoFamily] ?? 0;
      if (cjk > cjkBudgetBytes) {
        config.logger.warn(
          `fonts: the Chinese font subset is ${(cjk / 1024).toFixed(1)} KiB, over its ${cjkBudgetBytes / 1024} KiB budget.`,
        );
      }
      if (subset.missing) {
        config.logger.warn(
          `fonts: no bundled font has ${JSON.stringify(subset.missing)}; the system's fonts will draw it.`,
        );
      }
    },
    resolveId(id) {
      if (id !== fontsModuleId) return undefined;
      if (config.command !== 'build') return writeDevFontsCss(options.root, options.cacheDir);
      if (!cssFile) throw new Error('fonts: the subset was not built (buildStart did not run).');
      return cssFile;
    },
  };
}
