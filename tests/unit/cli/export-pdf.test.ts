import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { distState } from '../../../src/cli/dist-state';
import {
  formatBuildError,
  formatBytes,
  formatSeconds,
  parseExportArgs,
  pdfFileName,
  printViewPath,
  titleSlug,
  UsageError,
} from '../../../src/cli/export-pdf-args';
import { pdfLang, withMetadata, writeFileAtomic } from '../../../src/cli/pdf-metadata';
import { resolveRequestPath, serveStatic } from '../../../src/cli/static-server';
import enUi from '../../../src/i18n/locales/en/ui.json';
import zhUi from '../../../src/i18n/locales/zh/ui.json';

vi.mock('../../../src/cli/find-chromium', () => ({
  findChromium: () => null,
  chromiumHelp: 'No Chromium found. (help text)',
}));

describe('parseExportArgs', () => {
  it('defaults: both languages, no notes, one page per slide, exports/, build when needed', () => {
    expect(parseExportArgs([])).toEqual({
      lngs: ['en', 'zh'],
      notes: null,
      steps: false,
      out: 'exports',
      build: null,
      help: false,
    });
  });

  it('reads --lng, --out, --steps, --build and --no-build, with a space or =', () => {
    expect(parseExportArgs(['--lng', 'zh']).lngs).toEqual(['zh']);
    expect(parseExportArgs(['--lng=en']).lngs).toEqual(['en']);
    expect(parseExportArgs(['--out', 'dist-pdf']).out).toBe('dist-pdf');
    expect(parseExportArgs(['--out=a b']).out).toBe('a b');
    expect(parseExportArgs(['--steps']).steps).toBe(true);
    expect(parseExportArgs(['--build']).build).toBe(true);
    expect(parseExportArgs(['--no-build']).build).toBe(false);
    expect(parseExportArgs(['-h']).help).toBe(true);
  });

  it('--notes alone means notes pages; "below" puts them under each slide', () => {
    expect(parseExportArgs(['--notes']).notes).toBe('pages');
    expect(parseExportArgs(['--notes', '--steps'])).toMatchObject({ notes: 'pages', steps: true });
    expect(parseExportArgs(['--notes', 'below']).notes).toBe('below');
    expect(parseExportArgs(['--notes=below']).notes).toBe('below');
    expect(parseExportArgs(['--notes=pages']).notes).toBe('pages');
  });

  it('says what is wrong, as a UsageError', () => {
    const wrong: [string[], RegExp][] = [
      [['--lng', 'fr'], /--lng must be en or zh, not "fr"/],
      [['--lng'], /--lng needs a value/],
      [['--out'], /--out needs a value/],
      [['--out', '--steps'], /--out needs a value/],
      [['--notes=side'], /--notes takes "pages" or "below"/],
      [['--notes', 'sideways'], /--notes takes "pages" or "below", not "sideways"/],
      [['--steps=yes'], /--steps takes no value/],
      [['--pdf'], /Unknown option --pdf/],
      [['zh'], /Unexpected argument "zh"/],
    ];
    for (const [argv, message] of wrong) {
      expect(() => parseExportArgs(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => parseExportArgs(argv), argv.join(' ')).toThrow(message);
    }
  });
});

describe('file names', () => {
  it('come from the deck title: the brand, romanised, in ASCII', () => {
    expect(titleSlug(enUi.deck.title)).toBe('chuhai-going-global');
    expect(titleSlug(zhUi.deck.title)).toBe('chuhai-going-global');
    expect(titleSlug('Café Déjà Vu – a subtitle')).toBe('cafe-deja-vu');
    expect(titleSlug('未知 · Deck')).toBe('deck');
    expect(titleSlug('未知')).toBe('deck');
  });

  it('end in the language; variants say so', () => {
    expect(pdfFileName('chuhai-going-global', 'en')).toBe('chuhai-going-global-en.pdf');
    expect(pdfFileName('chuhai-going-global', 'zh', { steps: false, notes: null })).toBe(
      'chuhai-going-global-zh.pdf',
    );
    expect(pdfFileName('d', 'zh', { steps: true, notes: 'pages' })).toBe('d-steps-notes-zh.pdf');
    expect(pdfFileName('d', 'en', { steps: false, notes: 'below' })).toBe('d-handout-en.pdf');
  });
});

describe('printViewPath', () => {
  it("is reveal's print view in the language, with notes and steps as asked", () => {
    expect(printViewPath('en', { steps: false, notes: null })).toBe('/?print-pdf&lng=en');
    expect(printViewPath('zh', { steps: true, notes: 'pages' })).toBe(
      '/?print-pdf&lng=zh&showNotes=separate-page&pdfSeparateFragments=true',
    );
    expect(printViewPath('en', { steps: false, notes: 'below' })).toBe('/?print-pdf&lng=en&showNotes=true');
  });

  it('never has a parameter starting with "notes" (reveal would open its speaker window)', () => {
    for (const notes of [null, 'pages', 'below'] as const) {
      for (const steps of [false, true]) {
        expect(printViewPath('zh', { steps, notes })).not.toMatch(/[?&]notes/i);
      }
    }
  });
});

describe('formatting', () => {
  it('sizes and times as a person reads them', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(622_000)).toBe('622 kB');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatSeconds(2134)).toBe('2.1 s');
  });

  it('a build error: each message, no stack frames', () => {
    const inner = Object.assign(new Error('The slides have 1 problem:\nslides/en/00-title.md:1: bad id.'), {
      plugin: 'chuhai-deck',
    });
    inner.stack = `${inner.message}\n    at assembleDeck (src/build/assemble-deck.ts:62:34)`;
    const outer = Object.assign(
      new Error('Build failed with 1 error:\n\n[plugin chuhai-deck]\nContentError: …\n    at x (y.ts:1:1)'),
      { errors: [inner] },
    );
    const text = formatBuildError(outer);
    expect(text).toContain('slides/en/00-title.md:1: bad id.');
    expect(text).toContain('[chuhai-deck]');
    expect(text).not.toMatch(/^\s+at /m);
    expect(formatBuildError(new Error('one\n    at f (g.ts:1:1)\ntwo'))).toBe('one\ntwo');
    expect(formatBuildError('plain')).toBe('plain');
  });
});

describe('distState', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('is missing without dist/index.html, stale when a source is newer, fresh otherwise', async () => {
    root = await mkdtemp(join(tmpdir(), 'export-pdf-'));
    await mkdir(join(root, 'slides/en'), { recursive: true });
    await mkdir(join(root, 'src/cli'), { recursive: true });
    await writeFile(join(root, 'slides/en/00.md'), '# a');
    expect(await distState(root)).toBe('missing');

    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'dist/index.html'), '<html>');
    const past = new Date(Date.now() - 60_000);
    await utimes(join(root, 'slides/en/00.md'), past, past);
    expect(await distState(root)).toBe('fresh');

    // The exporter's own code is not part of the deck.
    await writeFile(join(root, 'src/cli/export-pdf.ts'), '// newer');
    expect(await distState(root)).toBe('fresh');

    await utimes(join(root, 'slides/en/00.md'), new Date(), new Date(Date.now() + 60_000));
    expect(await distState(root)).toBe('stale');
  });
});

describe('PDF metadata', () => {
  it('sets the language, title, subject and creator, keeping the pages', async () => {
    const source = await PDFDocument.create();
    source.addPage([998, 561]);
    source.addPage([998, 561]);
    const { bytes, pages } = await withMetadata(await source.save(), {
      title: zhUi.deck.title,
      lang: 'zh-CN',
      subject: zhUi.deck.description,
      creator: 'test',
    });
    expect(pages).toBe(2);
    expect(await pdfLang(bytes)).toBe('zh-CN');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(zhUi.deck.title);
    expect(doc.getSubject()).toBe(zhUi.deck.description);
    expect(doc.getCreator()).toBe('test');
    expect(doc.catalog.get(PDFName.of('ViewerPreferences'))).toBeDefined();
  });

  it('writes a file whole, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-pdf-'));
    try {
      await writeFileAtomic(join(dir, 'a.pdf'), new Uint8Array([37, 80, 68, 70]));
      expect(await readdir(dir)).toEqual(['a.pdf']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('static server', () => {
  it('maps request paths inside the root only', () => {
    expect(resolveRequestPath('/srv/dist', '/')).toBe('/srv/dist/index.html');
    expect(resolveRequestPath('/srv/dist', '/?print-pdf&lng=zh')).toBe('/srv/dist/index.html');
    expect(resolveRequestPath('/srv/dist', '/assets/a%20b.js#x')).toBe('/srv/dist/assets/a b.js');
    expect(resolveRequestPath('/srv/dist', '/../secret')).toBe('/srv/dist/secret');
    expect(resolveRequestPath('/srv/dist', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/dist/etc/passwd');
    expect(resolveRequestPath('/srv/dist', '/%E0%A4%A')).toBeNull();
    expect(resolveRequestPath('/srv/dist', '/a%00b')).toBeNull();
  });

  it('serves files on 127.0.0.1 with their type, and 404 for the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-pdf-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const server = await serveStatic(dir);
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.origin}/?print-pdf`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<title>t</title>');
      expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
      expect((await fetch(`${server.origin}/`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('main', () => {
  const capture = () => {
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    });
    return { text: () => text, restore: () => spy.mockRestore() };
  };

  it('a wrong option: the reason and where the options are, exit 2, no stack trace', async () => {
    const { main } = await import('../../../src/cli/export-pdf');
    const err = capture();
    try {
      expect(await main(['--lng', 'fr'])).toBe(2);
    } finally {
      err.restore();
    }
    expect(err.text()).toContain('--lng must be en or zh, not "fr".');
    expect(err.text()).toContain('npm run export:pdf -- --help');
    expect(err.text()).not.toMatch(/^\s+at /m);
  });

  it('no Chromium: says how to get one, exit 1, no stack trace', async () => {
    const { main } = await import('../../../src/cli/export-pdf');
    const err = capture();
    try {
      expect(await main(['--no-build'])).toBe(1);
    } finally {
      err.restore();
    }
    expect(err.text()).toBe('No Chromium found. (help text)\n');
  });
});
