/**
 * Every export, one engine: `npm run export[:pdf|:png|:pptx|:html|:og] -- [options]`
 * (`tsx src/cli/export.ts <format> [options]`). One build, one 127.0.0.1 server, one Chromium for both
 * languages; per language one print view (reveal's `?print-pdf`), which the PDF prints and the PNG, PowerPoint
 * and link-preview exports photograph slide by slide, so every format shows the same pages. A progress line
 * per language (`en: slide 7/23`), a line per file, then the total and the time.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Lng, languages } from '../shared/languages.ts';
import { exportFileName, formatBuildError, formatBytes, formatSeconds, titleSlug } from './export/names.ts';
import { writeLinkPreview } from './export/og.ts';
import {
  type ExportFormat,
  type ExportOptions,
  isExportFormat,
  parseExportArgs,
  UsageError,
  usage,
} from './export/options.ts';
import { producer, type Written, writePdf } from './export/pdf.ts';
import { pngDirName, type Shot, writePngs } from './export/png.ts';
import { writePptx } from './export/pptx.ts';
import {
  deckStrings,
  ExportError,
  openPrintView,
  openSession,
  photographSlide,
  projectRoot,
  readJson,
} from './export/session.ts';
import { exportHtml } from './export-html.ts';

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

/** The deck's public address, as the build reads it (vite.config.ts). */
async function publicUrl(): Promise<string> {
  const pkg = await readJson<{ deck?: { publicUrl?: string } }>(join(projectRoot, 'package.json'));
  return process.env.DECK_PUBLIC_URL ?? pkg.deck?.publicUrl ?? '';
}

/**
 * `en: slide 7/23`, rewritten in place on a terminal; elsewhere (CI, a pipe) written once, when the language
 * is done, so logs get one line per language.
 */
function progressLine(lng: Lng): { step(done: number, total: number): void; end(text: string): void } {
  const tty = process.stdout.isTTY === true;
  return {
    step(done, total) {
      if (tty) process.stdout.write(`\r${lng}: slide ${done}/${total}`);
    },
    end(text) {
      process.stdout.write(`${tty ? '\r\x1b[K' : ''}${lng}: ${text}\n`);
    },
  };
}

const kinds: Record<Exclude<ExportFormat, 'all'>, string> = {
  pdf: 'PDF ',
  png: 'PNG ',
  pptx: 'PPTX',
  html: 'HTML',
  og: 'card',
};
const units: Record<Exclude<ExportFormat, 'all'>, string> = {
  pdf: 'pages',
  png: 'images + contact sheet',
  pptx: 'slides',
  html: 'file',
  og: 'image 1200×630',
};

interface Reported extends Written {
  lng: Lng;
  format: Exclude<ExportFormat, 'all'>;
}

function report(written: Reported): void {
  const count = written.format === 'html' ? '' : `${written.count} `;
  say(
    `  ${kinds[written.format]}  ${count}${units[written.format]}, ${formatBytes(written.bytes)} → ${shown(written.file)}`,
  );
}

/** The formats drawn from the print view, per language, in one session. */
async function exportFromBrowser(
  formats: readonly Exclude<ExportFormat, 'all' | 'html'>[],
  options: ExportOptions,
): Promise<Reported[]> {
  const outDir = resolve(options.out);
  const session = await openSession(options.build, say);
  const results: Reported[] = [];
  try {
    const made = await producer(
      session.browser,
      options.format === 'all' ? 'export' : `export:${options.format}`,
    );
    say(`Exporting ${session.source} with Chromium ${session.browser.version()}`);
    const stem = titleSlug((await deckStrings('en')).deck.title);
    const variant = { steps: options.steps, notes: formats.includes('pdf') ? options.notes : null };
    const photographs = formats.some((f) => f !== 'pdf');
    await mkdir(outDir, { recursive: true });
    for (const lng of options.lngs) {
      const started = performance.now();
      const progress = progressLine(lng);
      const view = await openPrintView(session, lng, {
        ...variant,
        notesLng: formats.includes('pptx') ? options.notesLng : null,
        scale: photographs ? 1.5 : 1,
      });
      try {
        const slides = view.info.slides;
        const written: Reported[] = [];
        const wants = (format: Exclude<ExportFormat, 'all' | 'html'>) => formats.includes(format);
        if (wants('pdf')) {
          written.push({ lng, format: 'pdf', ...(await writePdf(view, outDir, stem, variant, made)) });
        }
        const shots: Shot[] = [];
        const needed = wants('png') || wants('pptx') ? slides.length : wants('og') ? 1 : 0;
        for (const [i, page] of slides.slice(0, needed).entries()) {
          shots.push({ page, png: await photographSlide(view, i) });
          progress.step(i + 1, slides.length);
        }
        if (wants('png')) {
          const dir = join(outDir, pngDirName(stem, lng, variant));
          written.push({
            lng,
            format: 'png',
            ...(await writePngs(session.browser, shots, view.info.lang, dir)),
          });
        }
        if (wants('pptx')) {
          const strings = await deckStrings(lng);
          const notesLng = options.notesLng ?? lng;
          const file = exportFileName(stem, lng, 'pptx', { steps: options.steps, notes: null });
          const deck = {
            title: strings.deck.title,
            subject: strings.deck.description,
            author: made.author ?? made.name,
            lang: languages[lng].intl,
            notesLang: languages[notesLng].intl,
          };
          written.push({ lng, format: 'pptx', ...(await writePptx(shots, deck, outDir, file)) });
        }
        if (wants('og') && shots[0]) {
          written.push({
            lng,
            format: 'og',
            ...(await writeLinkPreview(session.browser, shots[0].png, lng, outDir)),
          });
        }
        const what =
          needed === 1 && !wants('pdf') ? 'the title slide' : `slide ${slides.length}/${slides.length}`;
        progress.end(`${what} in ${formatSeconds(performance.now() - started)}`);
        for (const item of written) report(item);
        for (const warning of view.warnings) complain(`  warning (${lng}): ${warning}`);
        results.push(...written);
      } finally {
        await view.close();
      }
    }
  } finally {
    await session.close();
  }
  return results;
}

async function run(options: ExportOptions): Promise<Reported[]> {
  const formats: Exclude<ExportFormat, 'all'>[] =
    options.format === 'all' ? ['pdf', 'png', 'pptx', 'html'] : [options.format];
  const browserFormats = formats.filter((f): f is Exclude<ExportFormat, 'all' | 'html'> => f !== 'html');
  const results: Reported[] = [];
  if (browserFormats.length > 0) results.push(...(await exportFromBrowser(browserFormats, options)));
  if (formats.includes('html')) {
    say('Building the deck as a single file…');
    const started = performance.now();
    let written: Awaited<ReturnType<typeof exportHtml>>;
    try {
      written = await exportHtml(resolve(options.out), options.lngs);
    } catch (error) {
      throw new ExportError(
        `The single-file build failed, so no HTML was exported:\n\n${formatBuildError(error)}`,
      );
    }
    say(
      `Single-file decks (open by double-click; no network needed), built in ${formatSeconds(performance.now() - started)}:`,
    );
    for (const item of written) {
      const reported: Reported = {
        lng: item.lng,
        format: 'html',
        file: item.file,
        count: 1,
        bytes: item.bytes,
      };
      report(reported);
      results.push(reported);
    }
  }
  return results;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [format = '', ...rest] = argv;
  if (!isExportFormat(format)) {
    complain(`Say what to export: one of pdf, png, pptx, html, og or all (not "${format}").`);
    return 2;
  }
  const command = format === 'all' ? 'npm run export' : `npm run export:${format}`;
  let options: ExportOptions;
  try {
    options = parseExportArgs(format, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    complain(`${error.message}\nSee the options: ${command} -- --help`);
    return 2;
  }
  if (options.help) {
    say(usage(format));
    return 0;
  }
  const started = performance.now();
  try {
    // No public address, no image in the card (the build has said so once): nothing to render.
    if (format === 'og' && !(await publicUrl()).trim()) return 0;
    const results = await run(options);
    const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
    const files = results.length === 1 ? '1 file' : `${results.length} files`;
    say(
      `Done: ${files}, ${formatBytes(bytes)} in ${formatSeconds(performance.now() - started)} → ${shown(resolve(options.out))}/`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportError) {
      complain(error.message);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    complain(`${command} failed: ${message}`);
    if (process.env.DEBUG && error instanceof Error && error.stack) complain(error.stack);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      complain(`export failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
