/**
 * `npm run export:html`: the deck as one self-contained HTML file per language, to open by double-click from
 * file:// with no network. Vite builds the deck into a temporary folder with everything in one script (the
 * chart chunks and the map data too) and every asset as a data: URL (the subset fonts); the page's script and
 * stylesheet are then written inline, and its Content-Security-Policy gets their hashes. Each file names its
 * language in <meta name="deck-default-lng">, which src/main.ts reads; the toggle still switches in place.
 *
 *   npm run export:html                      both languages into exports/
 *   npm run export:html -- --lng zh --out /tmp/deck
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { isLng, type Lng, languages, supportedLngs } from '../shared/languages.ts';
import { formatBuildError, formatBytes, titleSlug } from './export-pdf-args.ts';
import { inlineBuild, withLanguage, withSingleFilePolicy } from './single-file.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface HtmlExportOptions {
  out: string;
  lngs: Lng[];
}

export const htmlUsage = `Usage: npm run export:html -- [--out DIR] [--lng en|zh]

  --out DIR   where the files go (default: exports/)
  --lng LNG   only this language (en or zh; may be given twice); default: every language`;

class UsageError extends Error {
  override name = 'UsageError';
}

export function parseHtmlExportArgs(argv: readonly string[]): HtmlExportOptions | 'help' {
  let values: { out?: string; lng?: string[]; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        lng: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const lngs = values.lng ?? [...supportedLngs];
  for (const lng of lngs) {
    if (!isLng(lng)) throw new UsageError(`--lng must be one of ${supportedLngs.join(', ')}, not "${lng}".`);
  }
  return { out: values.out ?? 'exports', lngs: [...new Set(lngs as Lng[])] };
}

/** `chuhai-going-global-en.html`, from the English deck title like the PDF export. */
export function htmlFileName(title: string, lng: Lng): string {
  return `${titleSlug(title)}-${lng}.html`;
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
  // Vite's note about its future config loader says nothing about this export; keep the output readable.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
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
        rolldownOptions: { output: { codeSplitting: false } },
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

export async function exportHtml(options: HtmlExportOptions): Promise<HtmlExportResult[]> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  say('Building the deck as a single file…');
  const page = await buildSingleFile();
  say(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  const outDir = resolve(options.out);
  mkdirSync(outDir, { recursive: true });
  const stem = readStrings('en').deck.title;
  const results: HtmlExportResult[] = [];
  for (const [index, lng] of options.lngs.entries()) {
    const strings = readStrings(lng);
    const html = withLanguage(page, {
      lng,
      htmlLang: languages[lng].htmlLang,
      title: strings.deck.title,
      description: strings.deck.description,
    });
    const file = join(outDir, htmlFileName(stem, lng));
    writeFileSync(file, html);
    const bytes = Buffer.byteLength(html);
    results.push({ lng, file, bytes });
    say(
      `[${index + 1}/${options.lngs.length}] ${languages[lng].label}: ${displayPath(file)} (${formatBytes(bytes)})`,
    );
  }
  say('');
  say('Single-file decks (open by double-click; no network needed):');
  for (const r of results) say(`  ${r.lng}  ${formatBytes(r.bytes).padStart(8)}  ${displayPath(r.file)}`);
  return results;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

async function main(): Promise<number> {
  let options: HtmlExportOptions | 'help';
  try {
    options = parseHtmlExportArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${htmlUsage}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${htmlUsage}\n`);
    return 0;
  }
  try {
    await exportHtml(options);
    return 0;
  } catch (error) {
    process.stderr.write(`export:html failed:\n${formatBuildError(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((code) => process.exit(code));
}
