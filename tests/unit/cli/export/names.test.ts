import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  formatBuildError,
  formatBytes,
  formatSeconds,
  pngFileName,
  printViewPath,
  titleSlug,
} from '../../../../src/cli/export/names';
import enUi from '../../../../src/i18n/locales/en/ui.json';
import zhUi from '../../../../src/i18n/locales/zh/ui.json';

describe('file names', () => {
  it('come from the deck title: the brand, romanised, in ASCII', () => {
    expect(titleSlug(enUi.deck.title)).toBe('chuhai-going-global');
    expect(titleSlug(zhUi.deck.title)).toBe('chuhai-going-global');
    expect(titleSlug('Café Déjà Vu – a subtitle')).toBe('cafe-deja-vu');
    expect(titleSlug('未知 · Deck')).toBe('deck');
    expect(titleSlug('未知')).toBe('deck');
  });

  it('end in the language; variants say so', () => {
    expect(exportFileName('chuhai-going-global', 'en', 'pdf')).toBe('chuhai-going-global-en.pdf');
    expect(exportFileName('chuhai-going-global', 'zh', 'pptx', { steps: false, notes: null })).toBe(
      'chuhai-going-global-zh.pptx',
    );
    expect(exportFileName('d', 'zh', 'pdf', { steps: true, notes: 'pages' })).toBe('d-steps-notes-zh.pdf');
    expect(exportFileName('d', 'en', 'pdf', { steps: false, notes: 'below' })).toBe('d-handout-en.pdf');
    expect(exportFileName('d', 'en', '')).toBe('d-en');
  });

  it('PNGs: numbered from 1, then the slide id, then the step with --steps', () => {
    expect(pngFileName(0, 'title', null)).toBe('01-title.png');
    expect(pngFileName(22, 'sources', null)).toBe('23-sources.png');
    expect(pngFileName(6, 'funding', 2)).toBe('07-funding-step2.png');
    expect(pngFileName(3, '../x y', null)).toBe('04--x-y.png');
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
