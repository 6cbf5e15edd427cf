import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import enUi from './src/i18n/locales/en/ui.json' with { type: 'json' };
import zhUi from './src/i18n/locales/zh/ui.json' with { type: 'json' };
import { checkLocales } from './src/node/check-locales.ts';
import { bootScript, criticalCss, languageRedirectScript } from './src/node/first-slide.ts';
import { interFamily, notoFamily, notoUiFamily } from './src/node/fonts.ts';
import { checkProse } from './src/node/prose-lint.ts';
import { compressPlugin } from './src/node/vite-plugin-compress.ts';
import { cspPlugin } from './src/node/vite-plugin-csp.ts';
import { dataPlugin } from './src/node/vite-plugin-data.ts';
import { deckPlugin } from './src/node/vite-plugin-deck.ts';
import { fontsPlugin } from './src/node/vite-plugin-fonts.ts';
import { ogPlugin } from './src/node/vite-plugin-og.ts';
import { createFormatters } from './src/shared/format.ts';
import { languageStorageKey } from './src/shared/languages.ts';
import { slideLayout } from './src/shared/layout.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where the deck is published (package.json "deck.publicUrl", or DECK_PUBLIC_URL): the title and closing slides
// show it as a QR code so the audience can follow on their phones. Empty: no QR codes.
const publicUrl = process.env.DECK_PUBLIC_URL ?? pkg.deck.publicUrl;
const qrCaptions = { en: enUi.qr.caption, zh: zhUi.qr.caption };
// data/, validated once per build (a deck check) and served to the charts as virtual:data.
const data = dataPlugin({ dir: `${root}data` });
// The first slide of each language is written into its page, laid out by this inline CSS; the inline script
// sends a visitor to their language's page (src/node/first-slide.ts). Both are allowed by hash in the CSP.
const firstPaint = { css: criticalCss(slideLayout), script: languageRedirectScript(languageStorageKey) };

export default defineConfig({
  plugins: [
    data,
    // Before the deck plugin: its pages are written from the page with the policy already in it.
    cspPlugin({
      layout: slideLayout,
      inline: { scripts: [firstPaint.script, bootScript], styles: [firstPaint.css] },
    }),
    deckPlugin({
      // DECK_CONTENT_ROOT: read slides/ from another folder (the hot-reload test edits a copy, not the real slides).
      root: process.env.DECK_CONTENT_ROOT ?? root,
      checks: [data.check, () => checkLocales(root), () => checkProse(root)],
      publicUrl,
      qrCaptions,
      pages: {
        strings: {
          en: { title: enUi.deck.title, description: enUi.deck.description },
          zh: { title: zhUi.deck.title, description: zhUi.deck.description },
        },
        ...firstPaint,
        fontOrder: { en: [interFamily, notoUiFamily], zh: [notoFamily, interFamily] },
      },
    }),
    // Link previews (Open Graph, Twitter card); their images come from `npm run export:og` (part of `npm run build`).
    ogPlugin({ publicUrl, lng: 'en', text: { en: enUi.deck, zh: zhUi.deck } }),
    // The subset fonts behind virtual:fonts.css; the chart formatters are run over the data for their characters.
    fontsPlugin({
      root,
      format: createFormatters,
      qr: publicUrl ? { publicUrl, captions: qrCaptions } : undefined,
    }),
    // .br and .gz twins of the built text files, and `npm run preview` serving them with the cache policy.
    compressPlugin(),
  ],
  build: {
    // Rolldown's timing notice appears only on a loaded machine and names our slowest plugin; the build's own
    // output is the list of files. Keep `vite build` quiet so a shared CI box prints the same as a quiet one.
    rolldownOptions: { checks: { bundlerTimings: false } },
    target: 'es2022',
    // Fonts stay files (not data: URLs) so the Content-Security-Policy needs no data: source.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: { port: 5317, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4317, strictPort: true, host: '127.0.0.1' },
});
