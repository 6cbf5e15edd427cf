/**
 * The one way every export reaches the deck: build dist/ (always, unless --no-build: a warm build takes about a
 * second), serve it on 127.0.0.1 at a free port with Vite's own preview server, and start one headless Chromium
 * that every language and format share. `openPrintView` opens reveal's print view (`?print-pdf`) in one
 * language, waits until every chart is drawn at its page's step, and reports what it laid out; the PDF prints
 * that page, the PNG and PowerPoint exports photograph its slides.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { type Lng, languages } from '../../shared/languages.ts';
import { chromiumHelp, findChromium } from '../find-chromium.ts';
import { formatBuildError, formatSeconds, printViewPath, type Variant } from './names.ts';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const readyTimeout = 30_000;

/** An expected failure: its message is printed as is, without a stack trace. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

interface DeckStrings {
  deck: { title: string; description: string };
  speaker: { notes: string };
}

export const deckStrings = (lng: Lng): Promise<DeckStrings> =>
  readJson<DeckStrings>(join(projectRoot, `src/i18n/locales/${lng}/ui.json`));

/** Builds the deck into dist/ with the project's own Vite config; a failed build is an ExportError. */
export async function buildDeck(root = projectRoot): Promise<number> {
  const started = performance.now();
  const { build } = await import('vite');
  try {
    // Rolldown's note on slow plugins is about a loaded machine, not a problem with the deck.
    await build({
      root,
      logLevel: 'warn',
      clearScreen: false,
      build: { rolldownOptions: { checks: { bundlerTimings: false } } },
    });
  } catch (error) {
    throw new ExportError(`The build failed, so nothing was exported:\n\n${formatBuildError(error)}`);
  }
  return performance.now() - started;
}

export interface DistServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built deck (`dist/`) on loopback at a free port with Vite's preview server (the project's config is
 * not loaded: no plugin runs, nothing is rebuilt).
 */
export async function serveDist(dist = join(projectRoot, 'dist')): Promise<DistServer> {
  const { preview } = await import('vite');
  const server = await preview({
    root: dist,
    configFile: false,
    logLevel: 'silent',
    // A missing file is a 404, not the deck's page (a static host's answer, and what the tests expect).
    appType: 'mpa',
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no port');
  return { origin: `http://127.0.0.1:${(address satisfies AddressInfo).port}`, close: () => server.close() };
}

async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new ExportError(chromiumHelp);
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

export interface Session {
  browser: Browser;
  origin: string;
  /** What dist/ is: "dist/ (built in 1.2 s)" or "dist/ as it is". */
  source: string;
  close(): Promise<void>;
}

/** Builds (unless told not to) while Chromium starts, then serves dist/. One session serves every export. */
export async function openSession(build: boolean, say: (line: string) => void): Promise<Session> {
  if (!findChromium()) throw new ExportError(chromiumHelp);
  const launching = launch();
  launching.catch(() => undefined);
  let server: DistServer | undefined;
  try {
    let source = 'dist/ as it is (--no-build)';
    if (build) {
      say('Building the deck…');
      source = `dist/ (built in ${formatSeconds(await buildDeck())})`;
    } else {
      try {
        await readFile(join(projectRoot, 'dist/index.html'));
      } catch {
        throw new ExportError('dist/ is missing: run the export without --no-build.');
      }
    }
    server = await serveDist();
    const browser = await launching;
    const opened = server;
    return {
      browser,
      origin: opened.origin,
      source,
      close: async () => {
        await opened.close();
        await browser.close();
      },
    };
  } catch (error) {
    await server?.close();
    await (await launching.catch(() => null))?.close();
    throw error;
  }
}

/*
 * Functions run in the page are serialised: no named functions inside them, since tsx (esbuild keepNames)
 * wraps those in a `__name` helper that exists only in Node.
 */

/** One page of the print view: a slide (or one step of it with --steps). */
export interface PrintPage {
  /** The slide's id. */
  id: string;
  /** Its heading's text, or the id. */
  title: string;
  /** Its speaker notes as plain text, paragraphs separated by a blank line. */
  notes: string;
  /** With --steps: the step this page shows (0 = before the first fragment); otherwise null. */
  step: number | null;
}

export interface PrintViewInfo {
  title: string;
  lang: string;
  description: string;
  /** Slide pages plus separate notes pages, as laid out by reveal. */
  pages: number;
  slides: PrintPage[];
  /** One sheet, in CSS px. */
  sheet: { width: number; height: number };
  /** Slides whose content is taller than a page (reveal gives them more than one). */
  overflowing: string[];
  figures: { slide: string; chart: string; state: string; step: string; expected: number }[];
}

interface PrintViewSetup {
  /** "Notes" in the deck's language, for the notes pages' label. */
  notesLabel: string;
  /** Notes under each slide: print.css (html.notes-below) makes each page taller, and so the sheet. */
  notesBelow: boolean;
  steps: boolean;
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
  const seen = new Map<string, number>();
  return {
    title: document.title,
    lang: document.documentElement.lang,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    pages: document.querySelectorAll('.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf')
      .length,
    slides: slidePages.map((page) => {
      const section = page.querySelector('section');
      const id = section?.id ?? '';
      const step = seen.get(id) ?? 0;
      seen.set(id, step + 1);
      const heading = section?.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim();
      const aside = section?.querySelector('aside.notes');
      const blocks = aside ? Array.from(aside.querySelectorAll('p, li')) : [];
      const paragraphs = (blocks.length > 0 ? blocks : aside ? [aside] : [])
        .map((block) => block.textContent?.replace(/\s+/g, ' ').trim() ?? '')
        .filter(Boolean);
      return {
        id,
        title: heading || id,
        notes: paragraphs.join('\n\n'),
        step: setup.steps ? step : null,
      };
    }),
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

/** Until every font face the laid-out pages use has loaded (a slice requested late still counts). */
async function settleFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 20; round++) {
      void document.body.offsetHeight;
      for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
      await document.fonts.ready;
      if (document.fonts.status === 'loaded') return;
    }
  });
}

export interface PrintView {
  lng: Lng;
  page: Page;
  info: PrintViewInfo;
  /** Problems seen on the way: console errors, charts not drawn, overflowing slides. */
  warnings: string[];
  close(): Promise<void>;
}

export interface PrintViewOptions extends Variant {
  /** The speaker notes' language in the page (the deck's own when null). */
  notesLng: Lng | null;
  /** Device pixels per CSS pixel: 1.5 makes a 1280×720 slide a 1920×1080 image. */
  scale: number;
}

/** reveal's print view in one language, every chart drawn, fonts loaded: ready to print or photograph. */
export async function openPrintView(
  session: Session,
  lng: Lng,
  options: PrintViewOptions,
): Promise<PrintView> {
  const warnings: string[] = [];
  const context: BrowserContext = await session.browser.newContext({
    viewport: { width: 1331, height: 748 },
    deviceScaleFactor: options.scale,
    locale: languages[lng].intl,
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') warnings.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => warnings.push(`page error: ${error.message}`));
    // reveal's `pdf-ready` event, seen on its way down (capture) so no listener on the deck is needed; and the
    // notes language, as the deck remembers a presenter's choice (a `notes…` query would open the speaker view).
    await page.addInitScript((notesLng) => {
      window.addEventListener(
        'pdf-ready',
        () => {
          document.documentElement.dataset.pdfReady = 'true';
        },
        { capture: true, once: true },
      );
      if (notesLng) window.localStorage.setItem('chuhai.notesLng', notesLng);
    }, options.notesLng);
    await page.goto(session.origin + printViewPath(lng, options), {
      waitUntil: 'load',
      timeout: readyTimeout,
    });
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
    const info = await page.evaluate(preparePrintView, {
      notesLabel: (await deckStrings(lng)).speaker.notes,
      notesBelow: options.notes === 'below',
      steps: options.steps,
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
    return { lng, page, info, warnings, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * One slide of the print view as a PNG: its 1280×720 box, at the view's scale (1920×1080 at 1.5). `crop`
 * trims CSS px from the top and bottom (a 1200×630 link preview from a 16:9 slide).
 */
export async function photographSlide(view: PrintView, index: number, crop = 0): Promise<Buffer> {
  const section = view.page.locator('.reveal .slides > .pdf-page').nth(index).locator('> section');
  await section.scrollIntoViewIfNeeded();
  const box = await section.boundingBox();
  if (!box) throw new ExportError(`${view.lng}: slide ${index + 1} has no box to photograph`);
  return view.page.screenshot({
    clip: { x: Math.round(box.x), y: Math.round(box.y) + crop, width: 1280, height: 720 - 2 * crop },
    animations: 'disabled',
    caret: 'hide',
    scale: 'device',
  });
}

/** Writes a file or folder whole or not at all: a temporary name beside it, then a rename. */
export async function replaceAtomically(path: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await rm(temp, { recursive: true, force: true });
    await write(temp);
    await rm(path, { recursive: true, force: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
