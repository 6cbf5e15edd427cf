import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { checkLocales } from './src/build/check-locales';
import { validateData } from './src/build/validate-data';
import { cspPlugin } from './src/build/vite-plugin-csp';
import { deckPlugin } from './src/build/vite-plugin-deck';
import { fontsPlugin } from './src/build/vite-plugin-fonts';
import { slideLayout } from './src/deck/layout';
import { createFormatters } from './src/i18n/format';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [
    deckPlugin({
      root,
      checks: [() => validateData(`${root}data`), () => checkLocales(root)],
    }),
    cspPlugin({ layout: slideLayout }),
    // The subset fonts behind virtual:fonts.css; the chart formatters are run over the data for their characters.
    fontsPlugin({ root, format: createFormatters }),
  ],
  build: {
    target: 'es2022',
    // Fonts stay files (not data: URLs) so the Content-Security-Policy needs no data: source.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: { port: 5317, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4317, strictPort: true, host: '127.0.0.1' },
});
