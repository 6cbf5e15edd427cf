import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { imageSize } from 'image-size';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { expect, openDeck, test } from './fixtures';
import { copyWithBrokenSlide } from './project-copy';

/*
 * `npm run export`, `export:pptx` and `export:og`, end to end, run as a user runs them (their own server and
 * Chromium, --no-build: Playwright's web server has just built dist/). Three runs in all, made once and read
 * by every test: the Chinese deck in every format; the Chinese PowerPoint with English notes; the Chinese
 * link-preview image. The PPTX is read as the ZIP it is, the PNGs by their headers.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const stem = 'chuhai-going-global';
const publicUrl = 'https://deck.example.org/chuhai/';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExport(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const cwd = options.cwd ?? root;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(cwd, 'src/cli/export.ts'), ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
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

const squash = (text: string) => text.replace(/\s+/g, '');

/** Each slide of the deck as the browser shows it: id, heading and notes. */
async function deckSlides(page: Page, lng: 'en' | 'zh') {
  await openDeck(page, `/?lng=${lng}`);
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section'), (section) => ({
      id: section.id,
      title: section.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      notes: section.querySelector('aside.notes')?.textContent ?? '',
    })),
  );
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The text of every <a:t> run in a part of the PPTX, XML entities decoded. */
const runsText = (xml: string): string =>
  Array.from(xml.matchAll(/<a:t>([^<]*)<\/a:t>/g), (m) => m[1] ?? '')
    .join('')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '');

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing from the PPTX`);
  return file.async('string');
}

/** The notes page's text: its body placeholder only (not the slide-number field). */
const notesText = (xml: string): string =>
  runsText(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="body"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '');

const numbered = (zip: JSZip, folder: string, base: string) =>
  Object.keys(zip.files)
    .filter((name) => new RegExp(`^ppt/${folder}/${base}\\d+\\.xml$`).test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));

test.describe('PowerPoint, PNG and link-preview exports', () => {
  test.describe.configure({ timeout: 90_000 });
  let out = '';
  const runs: Record<'all' | 'notes' | 'og', Run> = {
    all: { code: null, stdout: '', stderr: '' },
    notes: { code: null, stdout: '', stderr: '' },
    og: { code: null, stdout: '', stderr: '' },
  };

  test.beforeAll(async ({ browserName: _ }, testInfo) => {
    // Three exports: about a minute on a quiet two-core machine; far longer when it is shared.
    testInfo.setTimeout(600_000);
    out = testInfo.outputPath('exports');
    runs.all = await runExport(['all', '--no-build', '--lng', 'zh', '--out', out]);
    runs.notes = await runExport([
      'pptx',
      '--no-build',
      '--lng=zh',
      '--notes-lng',
      'en',
      '--out',
      join(out, 'notes'),
    ]);
    runs.og = await runExport(['og', '--no-build', '--lng', 'zh', '--out', join(out, 'og')], {
      env: { DECK_PUBLIC_URL: publicUrl },
    });
  });

  test('npm run export: every format, one progress line per language, and the counts agree', async ({
    page,
  }) => {
    const run = runs.all;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr, 'no warnings').toBe('');
    const slides = await deckSlides(page, 'zh');
    expect(slides.length).toBeGreaterThanOrEqual(20);
    expect(run.stdout).toContain(`zh: slide ${slides.length}/${slides.length} in `);
    expect(run.stdout).toMatch(/^ {2}PDF {3}\d+ pages, /m);
    expect(run.stdout).toMatch(/^Done: 4 files, [\d.]+ MB in [\d.]+ s/m);

    const pdf = await PDFDocument.load(await readFile(join(out, `${stem}-zh.pdf`)), {
      updateMetadata: false,
    });
    const pngDir = join(out, `${stem}-zh-png`);
    const pngs = (await readdir(pngDir)).filter((name) => name !== 'contact-sheet.png').sort();
    const pptx = await JSZip.loadAsync(await readFile(join(out, `${stem}-zh.pptx`)));
    expect(existsSync(join(out, `${stem}-zh.html`)), 'the single-file deck').toBe(true);

    expect(pdf.getPageCount(), 'PDF pages').toBe(slides.length);
    expect(pngs, 'a PNG per slide, named by number and id').toEqual(
      slides.map((slide, i) => `${String(i + 1).padStart(2, '0')}-${slide.id}.png`),
    );
    expect(numbered(pptx, 'slides', 'slide'), 'PPTX slides').toHaveLength(slides.length);

    for (const name of pngs) {
      expect(imageSize(await readFile(join(pngDir, name))), name).toMatchObject({
        width: 1920,
        height: 1080,
      });
    }
    const sheet = imageSize(await readFile(join(pngDir, 'contact-sheet.png')));
    expect(sheet.width, 'contact sheet: five thumbnails a row').toBeGreaterThan(5 * 384);
    expect(sheet.height).toBeGreaterThan(Math.ceil(slides.length / 5) * 216);
  });

  test('PPTX: a picture per slide, the title as title text, the notes in Chinese, the document properties', async ({
    page,
  }) => {
    const slides = await deckSlides(page, 'zh');
    const pptx = await JSZip.loadAsync(await readFile(join(out, `${stem}-zh.pptx`)));
    expect(await part(pptx, 'ppt/presentation.xml'), '16:9').toContain('<p:sldSz cx="9144000" cy="5143500"');
    const slideParts = numbered(pptx, 'slides', 'slide');
    const notesParts = numbered(pptx, 'notesSlides', 'notesSlide');
    expect(notesParts).toHaveLength(slides.length);
    for (const [i, slide] of slides.entries()) {
      const xml = await part(pptx, slideParts[i] ?? '');
      expect(xml, `${slide.id}: a full-bleed picture`).toMatch(
        /<p:pic>[\s\S]*<a:off x="0" y="0"\/>\s*<a:ext cx="9144000" cy="5143500"\/>/,
      );
      const rels = await part(
        pptx,
        (slideParts[i] ?? '').replace('slides/', 'slides/_rels/').concat('.rels'),
      );
      expect(rels, `${slide.id}: its picture`).toMatch(/Target="\.\.\/media\/[^"]+\.png"/);
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
      expect(runsText(title), `${slide.id}: title text`).toBe(slide.title);
      const notes = notesText(await part(pptx, notesParts[i] ?? ''));
      expect(squash(notes), `${slide.id}: its notes`).toContain(squash(slide.notes));
      expect(notes).toMatch(/[\u4e00-\u9fff]{4}/);
    }
    const core = await part(pptx, 'docProps/core.xml');
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
    expect(core).toMatch(/<dc:title>出海 · Going Global —— [^<]+<\/dc:title>/);
    expect(core).toMatch(/<dc:creator>[^<]+<\/dc:creator>/);
    expect(core).not.toContain('<dc:creator>PptxGenJS</dc:creator>');
    expect(await part(pptx, notesParts[0] ?? ''), 'the notes language').toContain('lang="zh-CN"');
  });

  test('PPTX --notes-lng en: English notes on the Chinese deck', async ({ page }) => {
    const run = runs.notes;
    expect(run.code, run.stderr).toBe(0);
    const english = await deckSlides(page, 'en');
    const pptx = await JSZip.loadAsync(await readFile(join(out, 'notes', `${stem}-zh.pptx`)));
    const notesParts = numbered(pptx, 'notesSlides', 'notesSlide');
    expect(numbered(pptx, 'slides', 'slide')).toHaveLength(english.length);
    expect(notesParts).toHaveLength(english.length);
    for (const [i, slide] of english.entries()) {
      const notes = notesText(await part(pptx, notesParts[i] ?? ''));
      expect(squash(notes), `${slide.id}: English notes`).toBe(squash(slide.notes));
      // English notes may quote a Chinese word (应用工厂); they are English all the same.
      const han = notes.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
      expect(notes.match(/[A-Za-z]/g)?.length ?? 0, `${slide.id}: English`).toBeGreaterThan(10 * han);
    }
    expect(await part(pptx, notesParts[0] ?? '')).toContain('lang="en-US"');
    expect(await part(pptx, 'docProps/core.xml')).toContain('<dc:language>zh-CN</dc:language>');
  });

  test('link previews: the card tags in dist/index.html, and the title slide rendered at 1200×630', async ({
    request,
  }) => {
    const run = runs.og;
    expect(run.code, run.stderr).toBe(0);
    const file = join(out, 'og', 'title-zh.png');
    expect(imageSize(await readFile(file)), file).toMatchObject({ width: 1200, height: 630 });
    expect(run.stdout).toMatch(/^ {2}card {2}1 image 1200×630, [\d.]+ kB → .*title-zh\.png$/m);
    // The e2e build has a public address (playwright.config.ts): absolute URLs, the default language first.
    const html = await (await request.get('/')).text();
    const meta = (key: string) =>
      Array.from(
        html.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`, 'g')),
        (m) => m[1],
      );
    expect(meta('og:title')).toEqual(['出海 · Going Global — Chinese AI companies abroad']);
    expect(meta('og:description')[0]).toMatch(/^A bilingual data story/);
    expect(meta('og:locale')).toEqual(['en_US']);
    expect(meta('og:url')).toEqual([publicUrl]);
    expect(meta('og:image')).toEqual([`${publicUrl}og/title-en.png`, `${publicUrl}og/title-zh.png`]);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('twitter:image')).toEqual([`${publicUrl}og/title-en.png`]);
  });

  test('a build that fails: nothing written, the problem readable', async ({ browserName: _ }, testInfo) => {
    const copy = await copyWithBrokenSlide('export-all-broken-', 'slides/zh/00-title.md');
    try {
      const broken = testInfo.outputPath('broken');
      const run = await runExport(['all', '--out', broken], { cwd: copy });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The build failed, so nothing was exported');
      expect(run.stderr).toContain('slides/zh/00-title.md:1');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(broken) ? await readdir(broken) : []).toEqual([]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
