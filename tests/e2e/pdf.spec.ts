import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { pdfLang } from '../../src/cli/pdf-metadata';
import { expect, openDeck, slideIds, test } from './fixtures';
import { copyWithBrokenSlide } from './project-copy';

/*
 * `npm run export:pdf`, end to end: the CLI is run as a user runs it (its own server and Chromium, a fresh --out
 * under test-results/, --no-build: Playwright's web server has just built dist/), and the PDFs are read with
 * poppler (pdfinfo, pdffonts, pdftotext) and pdf-lib. The print view itself is checked in the page.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const lngs = ['en', 'zh'] as const;
type Lng = (typeof lngs)[number];
interface Ui {
  deck: { title: string };
  speaker: { notes: string };
}
interface Maps {
  voyages: { steps: Record<string, string> };
  expansion: { steps: Record<string, string> };
}
const locale = <T>(lng: Lng, ns: string): T =>
  JSON.parse(readFileSync(join(root, `src/i18n/locales/${lng}/${ns}.json`), 'utf8')) as T;
const ui = { en: locale<Ui>('en', 'ui'), zh: locale<Ui>('zh', 'ui') };
const maps = { en: locale<Maps>('en', 'maps'), zh: locale<Maps>('zh', 'maps') };
const htmlLang = { en: 'en', zh: 'zh-CN' };
const stem = 'chuhai-going-global';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExport(args: string[], script = join(root, 'src/cli/export.ts'), cwd = root): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, 'pdf', ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function tool(command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`${command} exited with ${code}`))));
  });
}

async function pdfinfo(file: string): Promise<Record<string, string>> {
  const out = await tool('pdfinfo', [file]);
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** pdffonts' table as rows of named columns (the dashes line gives the column widths). */
async function pdffonts(file: string): Promise<Record<string, string>[]> {
  const [header = '', dashes = '', ...rows] = (await tool('pdffonts', [file])).split('\n');
  const spans = Array.from(dashes.matchAll(/-+/g), (m) => [m.index, m.index + m[0].length] as const);
  const names = spans.map(([a, b]) => header.slice(a, b).trim());
  return rows
    .filter((row) => row.trim())
    .map((row) => Object.fromEntries(spans.map(([a, b], i) => [names[i], row.slice(a, b).trim()])));
}

const squash = (text: string) => text.replace(/\s+/g, '');
const pdftotext = async (file: string) => squash(await tool('pdftotext', [file, '-']));

/** Every link annotation: its URI, or its destination inside the document. */
async function pdfLinks(bytes: Uint8Array): Promise<{ uris: string[]; internal: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const uris: string[] = [];
  let internal = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (annot.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString);
      if (uri) uris.push(uri.decodeText());
      else if (annot.get(PDFName.of('Dest'))) internal++;
    }
  }
  return { uris, internal };
}

async function slideCount(page: Page, lng: Lng): Promise<number> {
  await openDeck(page, `/?lng=${lng}`);
  return (await slideIds(page)).length;
}

/** The title slide's visible text, from the deck itself. */
async function titleSlideText(page: Page, lng: Lng): Promise<string> {
  await openDeck(page, `/?lng=${lng}#/title`);
  return squash(
    await page.locator('section#title').evaluate((s) => {
      const heading = s.querySelector('h1')?.textContent ?? '';
      const lead = s.querySelector('h1 + p')?.textContent ?? '';
      return heading + lead;
    }),
  );
}

async function openPrintView(page: Page, query: string): Promise<void> {
  await page.goto(`/?print-pdf&${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.chartsPrinted === 'true', null, {
    timeout: 30_000,
  });
}

/** Each figure of the print view: its drawing state and step, and how many steps its page shows. */
const figureSteps = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.pdf-page figure[data-chart]'), (figure) => {
      const pdfPage = figure.closest('.pdf-page')!;
      return {
        chart: figure.dataset.chart,
        state: figure.dataset.chartState,
        step: Number(figure.dataset.step),
        visible: pdfPage.querySelectorAll('.fragment.visible').length,
        fragments: pdfPage.querySelectorAll('.fragment').length,
      };
    }),
  );

test.describe('PDF export', () => {
  test.describe.configure({ timeout: 150_000 });

  test('export:pdf writes one PDF per language: a page per slide, fonts embedded, text, metadata, links', async ({
    page,
  }, testInfo) => {
    const out = testInfo.outputPath('pdf');
    const run = await runExport(['--no-build', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr, 'no warnings').toBe('');
    for (const lng of lngs) {
      expect(run.stdout).toMatch(new RegExp(`^${lng}: slide (\\d+)/\\1 in [\\d.]+ s$`, 'm'));
      expect(run.stdout).toMatch(
        new RegExp(`^  PDF   \\d+ pages, [\\d.]+ (kB|MB) → .*${stem}-${lng}\\.pdf$`, 'm'),
      );
    }
    expect(run.stdout).toMatch(/^Done: 2 files, [\d.]+ (kB|MB) in [\d.]+ s/m);

    for (const lng of lngs) {
      const file = join(out, `${stem}-${lng}.pdf`);
      expect(existsSync(file), file).toBe(true);
      const slides = await slideCount(page, lng);
      expect(slides).toBeGreaterThanOrEqual(20);

      const info = await pdfinfo(file);
      expect(Number(info.Pages), `${lng}: one page per slide`).toBe(slides);
      expect(info.Title).toBe(ui[lng].deck.title);
      // reveal's page: the slide (1280×720) plus its 4% margin, 16:9; not Letter or A4.
      const [width, height] = (info['Page size'] ?? '').split(/\s*x\s*|\s+/).map(Number);
      expect(width).toBeCloseTo(998, -1);
      expect(width! / height!).toBeCloseTo(1280 / 720, 2);

      const fonts = await pdffonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(
        fonts.filter((f) => f.emb !== 'yes'),
        'every font embedded',
      ).toEqual([]);

      const text = await pdftotext(file);
      expect(text, 'title slide text').toContain(await titleSlideText(page, lng));
      // The voyages map's header names its step: only the last step's may be in the PDF.
      const steps = Object.values(maps[lng].voyages.steps);
      expect(text, 'the map at its final step').toContain(squash(steps.at(-1)!));
      for (const earlier of steps.slice(0, -1)) expect(text).not.toContain(squash(earlier));
      expect(text, 'the expansion map at its final step').toContain(
        squash(Object.values(maps[lng].expansion.steps).at(-1)!),
      );
      if (lng === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]{20}/);

      const bytes = new Uint8Array(await readFile(file));
      expect(await pdfLang(bytes)).toBe(htmlLang[lng]);
      const links = await pdfLinks(bytes);
      expect(
        links.uris.filter((u) => /127\.0\.0\.1|localhost/.test(u)),
        'no links to the export server',
      ).toEqual([]);
      expect(links.uris.filter((u) => u.startsWith('https://')).length, 'source links').toBeGreaterThan(10);
      expect(links.internal, 'in-deck links jump inside the PDF').toBeGreaterThan(0);
    }
  });

  for (const lng of lngs) {
    test(`print view (${lng}): one page per slide, each chart at its final step, no UI chrome`, async ({
      page,
    }) => {
      const slides = await slideCount(page, lng);
      await openPrintView(page, `lng=${lng}`);
      await expect(page.locator('html')).toHaveClass(/\breveal-print\b/);
      await expect(page.locator('.reveal .slides > .pdf-page')).toHaveCount(slides);
      await expect(page.locator('.deck-ui')).toBeHidden();
      await expect(page.locator('.lang-toggle')).toBeHidden();
      await expect(page.locator('.reveal .controls')).toBeHidden();
      await expect(page.locator('.reveal .progress')).toBeHidden();
      const figures = await figureSteps(page);
      expect(figures.length).toBeGreaterThanOrEqual(8);
      for (const figure of figures) {
        expect(figure, `${figure.chart} drawn at its last step`).toMatchObject({
          state: 'ready',
          step: figure.fragments,
          visible: figure.fragments,
        });
      }
    });
  }

  test('every glyph of the print view, notes included, comes from the bundled fonts', async ({ page }) => {
    for (const lng of lngs) {
      await openPrintView(page, `lng=${lng}&showNotes=separate-page`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1 });
      type Node = {
        nodeId: number;
        nodeType: number;
        nodeName: string;
        nodeValue: string;
        attributes?: string[];
        children?: Node[];
      };
      const withText: number[] = [];
      /** Text for screen readers only (.sr-only, clipped to nothing) is never drawn, so it has no glyphs. */
      const neverDrawn = (node: Node): boolean => {
        const at = node.attributes?.indexOf('class') ?? -1;
        return at >= 0 && /\bsr-only\b/.test(node.attributes?.[at + 1] ?? '');
      };
      const walk = (node: Node): void => {
        if (neverDrawn(node)) return;
        const text = node.children?.some((c) => c.nodeType === 3 && c.nodeValue.trim());
        if (node.nodeType === 1 && text && !['TITLE', 'STYLE', 'SCRIPT'].includes(node.nodeName)) {
          withText.push(node.nodeId);
        }
        for (const child of node.children ?? []) walk(child);
      };
      walk(doc as Node);
      expect(withText.length).toBeGreaterThan(200);
      const used = await Promise.all(
        withText.map((nodeId) => cdp.send('CSS.getPlatformFontsForNode', { nodeId })),
      );
      const system = new Set(
        used.flatMap((u) => u.fonts.filter((f) => !f.isCustomFont).map((f) => f.familyName)),
      );
      expect([...system], `${lng}: text drawn with the machine's own fonts`).toEqual([]);
      await cdp.detach();
    }
  });

  test('--steps: a page per fragment step, each chart at its page step', async ({ page }, testInfo) => {
    await openPrintView(page, 'lng=en&pdfSeparateFragments=true');
    const pages = await page.locator('.reveal .slides > .pdf-page').count();
    const figures = await figureSteps(page);
    for (const figure of figures) {
      expect(figure, `${figure.chart} at its page's step`).toMatchObject({
        state: 'ready',
        step: figure.visible,
      });
    }
    // Every step of every chart is on some page.
    const voyages = figures.filter((f) => f.chart === 'voyages-map').map((f) => f.step);
    expect(voyages).toEqual([0, 1, 2, 3]);

    const out = testInfo.outputPath('pdf');
    const run = await runExport(['--no-build', '--lng', 'en', '--steps', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const file = join(out, `${stem}-steps-en.pdf`);
    expect(Number((await pdfinfo(file)).Pages)).toBe(pages);
    const text = await pdftotext(file);
    for (const label of Object.values(maps.en.voyages.steps)) expect(text).toContain(squash(label));
  });

  test('--notes: notes on their own pages, or below each slide', async ({ page }, testInfo) => {
    const slides = await slideCount(page, 'zh');
    const out = testInfo.outputPath('pdf');
    const pages = await runExport(['--no-build', '--lng', 'zh', '--notes', '--out', out]);
    expect(pages.code, pages.stderr).toBe(0);
    const notesFile = join(out, `${stem}-notes-zh.pdf`);
    expect(Number((await pdfinfo(notesFile)).Pages), 'a notes page after each slide').toBe(2 * slides);
    expect(await pdftotext(notesFile)).toContain(squash(ui.zh.speaker.notes));

    const below = await runExport(['--no-build', '--lng', 'en', '--notes', 'below', '--out', out]);
    expect(below.code, below.stderr).toBe(0);
    const handout = await pdfinfo(join(out, `${stem}-handout-en.pdf`));
    expect(Number(handout.Pages)).toBe(await slideCount(page, 'en'));
    const [width, height] = (handout['Page size'] ?? '').split(/\s*x\s*|\s+/).map(Number);
    expect(height! / width!, 'a taller page: slide, then notes').toBeGreaterThan(0.8);
  });

  test('a build that fails: the problems, readable, no stack trace, no PDF', async ({
    browserName: _,
  }, testInfo) => {
    // A copy of the project with one broken slide; node_modules is shared.
    const copy = await copyWithBrokenSlide('export-pdf-broken-', 'slides/en/00-title.md');
    try {
      const out = testInfo.outputPath('pdf');
      const run = await runExport(['--lng', 'en', '--out', out], join(copy, 'src/cli/export.ts'), copy);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The build failed, so nothing was exported');
      expect(run.stderr).toContain('slides/en/00-title.md:1');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(out, `${stem}-en.pdf`))).toBe(false);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
