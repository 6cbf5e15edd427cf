/**
 * `npm run export:html`: the deck as one self-contained HTML file per language, to open by double-click from
 * file:// with no network. Vite builds the deck into a temporary folder with everything in one script (the
 * chart chunks and the map data too) and every asset as a data: URL (the subset fonts); the page's script and
 * stylesheet are then written inline, and its Content-Security-Policy gets their hashes. Each file names its
 * language in <meta name="deck-default-lng">, which src/main.ts reads; the toggle still switches in place.
 * The command line (src/cli/export.ts) is shared with the other exports.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { type Lng, languages } from '../shared/languages.ts';
import { exportFileName, titleSlug } from './export/names.ts';
import { writeFileAtomic } from './pdf-metadata.ts';
import { inlineBuild, withLanguage, withSingleFilePolicy } from './single-file.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `chuhai-going-global-en.html`, from the English deck title like the other exports. */
export function htmlFileName(title: string, lng: Lng): string {
  return exportFileName(titleSlug(title), lng, 'html');
}

interface DeckStrings {
  deck: { title: string; description: string };
}

const readStrings = (lng: Lng) =>
  JSON.parse(
    readFileSync(join(projectRoot, 'src', 'i18n', 'locales', lng, 'ui.json'), 'utf8'),
  ) as DeckStrings;

/** Builds the deck with everything in one script and every asset inline; returns the inlined page. */
async function buildSingleFile(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'chuhai-export-html-'));
  try {
    await build({
      root: projectRoot,
      configFile: join(projectRoot, 'vite.config.ts'),
      mode: 'production',
      base: './',
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        // Every asset (the subset fonts) as a data: URL, in this build only.
        assetsInlineLimit: () => true,
        cssCodeSplit: false,
        modulePreload: false,
        chunkSizeWarningLimit: 100_000,
        // One script: the chart chunks (dynamic imports) and the map data go into it.
        rolldownOptions: { output: { codeSplitting: false }, checks: { bundlerTimings: false } },
      },
    });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const single = inlineBuild(html, (ref) => {
      const path = resolve(outDir, ref.replace(/^\//, './'));
      if (!path.startsWith(outDir + sep) || !existsSync(path)) return null;
      return readFileSync(path);
    });
    return withSingleFilePolicy(single);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export interface HtmlExportResult {
  lng: Lng;
  file: string;
  bytes: number;
}

/** Builds the single-file deck once and writes it per language, each file whole. */
export async function exportHtml(outDir: string, lngs: readonly Lng[]): Promise<HtmlExportResult[]> {
  const page = await buildSingleFile();
  await mkdir(outDir, { recursive: true });
  const stem = readStrings('en').deck.title;
  const results: HtmlExportResult[] = [];
  for (const lng of lngs) {
    const strings = readStrings(lng);
    const html = withLanguage(page, {
      lng,
      htmlLang: languages[lng].htmlLang,
      title: strings.deck.title,
      description: strings.deck.description,
    });
    const file = join(outDir, htmlFileName(stem, lng));
    const bytes = Buffer.from(html);
    await writeFileAtomic(file, bytes);
    results.push({ lng, file, bytes: bytes.byteLength });
  }
  return results;
}
