/**
 * `npm run export:pdf`: the deck as PDF, one file per language, through reveal.js's own print view
 * (`?print-pdf`) in one headless Chromium. Builds dist/ when it is missing or older than the sources, serves it
 * on 127.0.0.1 at a free port, prints each language in turn (measured: on two cores, two pages at once are no
 * faster), then sets the PDF's language and title with pdf-lib and writes each file whole.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { distState } from './dist-state.ts';
import {
  type ExportLng,
  type ExportOptions,
  formatBuildError,
  formatBytes,
  formatSeconds,
  parseExportArgs,
  pdfFileName,
  printViewPath,
  titleSlug,
  UsageError,
  usage,
} from './export-pdf-args.ts';
import { chromiumHelp, findChromium } from './find-chromium.ts';
import { withMetadata, writeFileAtomic } from './pdf-metadata.ts';
import { serveStatic } from './static-server.ts';

/** An expected failure: its message is printed as is, without a stack trace. */
class ExportError extends Error {
  override name = 'ExportError';
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const readyTimeout = 30_000;

interface PrintViewInfo {
  title: string;
  lang: string;
  description: string;
  /** Slide pages plus separate notes pages, as laid out by reveal. */
  pages: number;
  /** One sheet, in CSS px. */
  sheet: { width: number; height: number };
  /** Slides whose content is taller than a page (reveal gives them more than one). */
  overflowing: string[];
  figures: { slide: string; chart: string; state: string; step: string; expected: number }[];
}

export interface LanguageResult {
  lng: ExportLng;
  file: string;
  pages: number;
  bytes: number;
  ms: number;
  warnings: string[];
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const complain = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
/** A path as the user would type it: relative to where they are, absolute when that is shorter to read. */
const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

interface Producer {
  /** package.json's `author`, when the project names one. */
  author?: string;
  /** What made the file: the project, the exporter, reveal's print view, Chromium. */
  creator: string;
}

async function producer(browser: Browser): Promise<Producer> {
  type Pkg = { name?: string; version?: string; author?: string | { name?: string } };
  const pkg = await readJson<Pkg>(join(projectRoot, 'package.json'));
  const reveal = await readJson<Pkg>(join(projectRoot, 'node_modules/reveal.js/package.json')).catch(
    () => ({}) as Pkg,
  );
  return {
    author: typeof pkg.author === 'string' ? pkg.author : pkg.author?.name,
    creator: `${pkg.name ?? 'deck'} export:pdf (reveal.js ${reveal.version ?? ''} print view, Chromium ${browser.version()})`,
  };
}

async function ensureBuilt(options: ExportOptions): Promise<string> {
  const state = await distState(projectRoot);
  if (options.build === false) {
    if (state === 'missing')
      throw new ExportError('dist/ is missing: run `npm run export:pdf` without --no-build.');
    return state === 'stale' ? 'dist/ as it is (--no-build; older than the sources)' : 'dist/ (up to date)';
  }
  if (options.build === null && state === 'fresh') return 'dist/ (up to date)';
  const why = options.build ? '--build' : state === 'missing' ? 'dist/ is missing' : 'the sources changed';
  say(`Building the deck (${why})…`);
  const started = performance.now();
  // Vite 8's notice about its future config loader concerns vite.config.ts, not the export: `npm run build` shows it.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  try {
    await build({ root: projectRoot, logLevel: 'warn', clearScreen: false });
  } catch (error) {
    throw new ExportError(`The build failed, so nothing was exported:\n\n${formatBuildError(error)}`);
  }
  return `dist/ (built in ${formatSeconds(performance.now() - started)})`;
}

/*
 * Functions run in the page are serialised: no named functions inside them, since tsx (esbuild keepNames)
 * wraps those in a `__name` helper that exists only in Node.
 */

/** Until every font face the laid-out pages use has loaded (a slice requested late still counts). */
async function settleFonts(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 20; round++) {
      void document.body.offsetHeight;
      for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
      await document.fonts.ready;
      if (document.fonts.status === 'loaded') return;
    }
  });
}

interface PrintViewSetup {
  /** "Notes" in the deck's language, for the notes pages' label. */
  notesLabel: string;
  /** Notes under each slide: print.css (html.notes-below) makes each page taller, and so the sheet. */
  notesBelow: boolean;
}

/**
 * Makes in-deck links (#/<slide-id>) jump inside the PDF, labels the notes, and reports what the print view
 * laid out.
 */
function preparePrintView(setup: PrintViewSetup): PrintViewInfo {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const id = decodeURIComponent(link.getAttribute('href')?.slice(2) ?? '').split('/')[0] ?? '';
    if (id && document.getElementById(id)) link.setAttribute('href', `#${id}`);
  }
  for (const notes of document.querySelectorAll<HTMLElement>('.speaker-notes-pdf')) {
    notes.dataset.label = setup.notesLabel;
  }
  document.documentElement.classList.toggle('notes-below', setup.notesBelow);
  const slidePages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));
  const heights = slidePages.map((page) => page.offsetHeight);
  const pageHeight = Math.min(...heights);
  const sheet = { width: slidePages[0]?.offsetWidth ?? 0, height: pageHeight };
  if (setup.notesBelow) {
    // A taller sheet: reveal's @page rule, changed through the CSSOM (the CSP forbids a new <style>, not this).
    for (const styleSheet of document.styleSheets) {
      for (const rule of styleSheet.cssRules) {
        if (rule instanceof CSSPageRule && rule.style.getPropertyValue('size')) {
          rule.style.setProperty('size', `${sheet.width}px ${sheet.height}px`);
        }
      }
    }
  }
  return {
    title: document.title,
    lang: document.documentElement.lang,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    pages: document.querySelectorAll('.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf')
      .length,
    sheet,
    overflowing: slidePages
      .filter((_, i) => (heights[i] ?? 0) > pageHeight * 1.5)
      .map((page) => page.querySelector('section')?.id ?? '?'),
    figures: Array.from(document.querySelectorAll<HTMLElement>('.pdf-page figure[data-chart]'), (figure) => ({
      slide: figure.closest('section')?.id ?? '?',
      chart: figure.dataset.chart ?? '',
      state: figure.dataset.chartState ?? '',
      step: figure.dataset.step ?? '',
      expected: figure.closest('.pdf-page')?.querySelectorAll('.fragment.visible').length ?? 0,
    })),
  };
}

async function exportLanguage(
  browser: Browser,
  origin: string,
  lng: ExportLng,
  options: ExportOptions,
  file: string,
  made: Producer,
): Promise<LanguageResult> {
  const started = performance.now();
  const warnings: string[] = [];
  const context = await browser.newContext({
    viewport: { width: 1331, height: 748 },
    locale: lng === 'zh' ? 'zh-CN' : 'en-US',
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') warnings.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => warnings.push(`page error: ${error.message}`));
    // reveal's `pdf-ready` event, seen on its way down (capture) so no listener on the deck is needed.
    await page.addInitScript(() => {
      window.addEventListener(
        'pdf-ready',
        () => {
          document.documentElement.dataset.pdfReady = 'true';
        },
        { capture: true, once: true },
      );
    });
    await page.goto(origin + printViewPath(lng, options), { waitUntil: 'load', timeout: readyTimeout });
    try {
      // The charts plugin sets chartsPrinted once every page's charts are drawn at that page's step.
      await page.waitForFunction(
        () =>
          document.documentElement.dataset.pdfReady === 'true' &&
          document.documentElement.dataset.chartsPrinted === 'true',
        null,
        { timeout: readyTimeout, polling: 50 },
      );
    } catch {
      const why = warnings.length > 0 ? `\n  ${warnings.join('\n  ')}` : '';
      throw new ExportError(`${lng}: the print view was not ready after ${readyTimeout / 1000} s.${why}`);
    }
    const ui = await readJson<{ speaker: { notes: string } }>(
      join(projectRoot, `src/i18n/locales/${lng}/ui.json`),
    );
    const info = await page.evaluate(preparePrintView, {
      notesLabel: ui.speaker.notes,
      notesBelow: options.notes === 'below',
    });
    await settleFonts(page);
    for (const figure of info.figures) {
      if (figure.state !== 'ready') {
        warnings.push(`chart "${figure.chart}" on #${figure.slide} printed as "${figure.state}", not drawn`);
      } else if (figure.step !== String(figure.expected)) {
        warnings.push(
          `chart "${figure.chart}" on #${figure.slide} at step ${figure.step}, page shows ${figure.expected}`,
        );
      }
    }
    for (const id of info.overflowing)
      warnings.push(`slide #${id} is taller than a page and runs onto the next`);

    const pdf = await page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
    const { bytes, pages } = await withMetadata(pdf, {
      title: info.title,
      lang: info.lang,
      subject: info.description,
      author: made.author,
      creator: made.creator,
    });
    if (pages !== info.pages)
      warnings.push(`${pages} PDF pages for ${info.pages} laid out: check the page size`);
    await writeFileAtomic(file, bytes);
    return { lng, file, pages, bytes: bytes.byteLength, ms: performance.now() - started, warnings };
  } finally {
    await context.close();
  }
}

async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  try {
    return await chromium.launch({
      executablePath,
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'],
    });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ExportError(
      `Chromium at ${executablePath} did not start (${first}).\n` +
        `Check that \`${executablePath} --headless --version\` runs, or point CHROMIUM_PATH at another Chrome/Chromium.`,
    );
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: ExportOptions;
  try {
    options = parseExportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    complain(`${error.message}\nSee the options: npm run export:pdf -- --help`);
    return 2;
  }
  if (options.help) {
    say(usage);
    return 0;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    complain(chromiumHelp);
    return 1;
  }

  const started = performance.now();
  // Chromium starts while the deck builds (if it must); a failed start is reported when it is needed.
  const launching = launch(executablePath);
  launching.catch(() => undefined);
  const outDir = resolve(options.out);
  try {
    const results: LanguageResult[] = [];
    try {
      const source = await ensureBuilt(options);
      const title = (
        await readJson<{ deck: { title: string } }>(join(projectRoot, 'src/i18n/locales/en/ui.json'))
      ).deck.title;
      const stem = titleSlug(title);
      await mkdir(outDir, { recursive: true });
      const server = await serveStatic(join(projectRoot, 'dist'));
      try {
        const browser = await launching;
        const made = await producer(browser);
        say(`Printing ${source} with Chromium ${browser.version()}`);
        for (const lng of options.lngs) {
          const file = join(outDir, pdfFileName(stem, lng, options));
          const result = await exportLanguage(browser, server.origin, lng, options, file, made);
          results.push(result);
          say(
            `${lng}: ${result.pages} pages, ${formatBytes(result.bytes)}, ${formatSeconds(result.ms)} → ${shown(file)}`,
          );
          for (const warning of result.warnings) complain(`  warning (${lng}): ${warning}`);
        }
      } finally {
        await server.close();
      }
    } finally {
      await (await launching.catch(() => null))?.close();
    }

    const pages = results.reduce((sum, r) => sum + r.pages, 0);
    const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
    const files = results.length === 1 ? '1 PDF' : `${results.length} PDFs`;
    say(
      `Done: ${files}, ${pages} pages, ${formatBytes(bytes)} in ${formatSeconds(performance.now() - started)} → ${shown(outDir)}/`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportError) {
      complain(error.message);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    complain(`export:pdf failed: ${message}`);
    if (process.env.DEBUG && error instanceof Error && error.stack) complain(error.stack);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      complain(`export:pdf failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
