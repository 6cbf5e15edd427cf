import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { cjkStart, interFallbackFamily, notoFallbackFamily } from '../../../src/node/fallback-fonts';
import {
  collectCharacters,
  printableAscii,
  readDeckSources,
  typographySet,
} from '../../../src/node/font-characters';
import {
  buildFontSubset,
  bytesByFamily,
  cjkBudgetBytes,
  codePointsOf,
  type FontSubset,
  formatUnicodeRange,
  interFamily,
  notoFamily,
  notoUiFamily,
  splitFirst,
} from '../../../src/node/fonts';
import { createFormatters } from '../../../src/shared/format';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('collectCharacters', () => {
  it('collects the unique characters of the texts, in code point order, without control characters', () => {
    const chars = collectCharacters({ texts: ['出海\n出海', 'Going\tGlobal'] });
    expect(chars).toContain('出');
    expect(chars).toContain('海');
    expect(chars).not.toMatch(/[\n\t]/);
    const codePoints = [...chars].map((c) => c.codePointAt(0)!);
    expect(codePoints).toEqual([...new Set(codePoints)].sort((a, b) => a - b));
  });

  it('always includes the typography set and printable ASCII', () => {
    const chars = collectCharacters({ texts: [] });
    for (const c of typographySet) expect(chars).toContain(c);
    for (const c of printableAscii) expect(chars).toContain(c);
    for (const c of '亿万年月日美元、，。：；“”（）—–%$') expect(chars).toContain(c);
  });

  it('includes what Intl prints for the numbers and dates, in every language', () => {
    const format = createFormatters;
    const chars = collectCharacters({ texts: [], numbers: [4.4e9, 78612, 0.7], dates: ['2024-03'], format });
    // 44亿美元, 7.86万, 2024年3月, 1405—1433 年, A、B和C
    for (const c of ['亿', '万', '美', '元', '年', '月', '和', '、', '—']) expect(chars).toContain(c);
    // en: US$4.4B, Mar 2024
    for (const c of 'US$4.BMar') expect(chars).toContain(c);
    // Only the formatters' own output: a character no formatter prints is not there.
    expect(chars).not.toContain('海');
  });

  it('a formatter output with an unusual character is picked up', () => {
    const chars = collectCharacters({
      texts: [],
      numbers: [1],
      format: () => ({
        ...createFormatters('en'),
        usd: () => '₿1',
      }),
    });
    expect(chars).toContain('₿');
  });
});

describe('formatUnicodeRange', () => {
  it('compresses runs of code points', () => {
    expect(formatUnicodeRange([0x41, 0x20, 0x21, 0x22, 0x4e2d, 0x41])).toBe('U+20-22,U+41,U+4E2D');
  });
});

describe('the deck font subset', () => {
  let subset: FontSubset;
  let characters: string;

  beforeAll(async () => {
    characters = collectCharacters({ ...readDeckSources(root), format: createFormatters });
    subset = await buildFontSubset({ root, characters });
  }, 120_000);

  const fontsOf = (family: string) =>
    subset.files
      .filter((f) => f.family === family)
      .map((f) => ({ info: f, font: create(readFileSync(join(subset.dir, f.file))) }));

  it('has a glyph for every character of every slide, locale string and data string', () => {
    const noto = fontsOf(notoFamily);
    const inter = fontsOf(interFamily);
    const all = [...noto, ...inter];
    const slidesDir = join(root, 'slides');
    const slideText = readdirSync(slidesDir)
      .flatMap((lng) => readdirSync(join(slidesDir, lng)).map((f) => join(slidesDir, lng, f)))
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(slideText.length).toBeGreaterThan(1000);
    const notCollected = [...new Set(slideText.replace(/[\n\r\t]/g, ''))].filter(
      (c) => !characters.includes(c),
    );
    expect(notCollected.join('')).toBe('');

    const uncovered = [...characters].filter(
      (c) => !all.some(({ font }) => font.hasGlyphForCodePoint(c.codePointAt(0)!)),
    );
    expect(uncovered.join('')).toBe('');
    expect(subset.missing).toBe('');
    // Chinese characters and punctuation come from Noto Sans SC.
    const cjk = [...characters].filter((c) => c.codePointAt(0)! >= 0x2e80);
    expect(cjk.length).toBeGreaterThan(500);
    const notoMissing = cjk.filter(
      (c) => !noto.some(({ font }) => font.hasGlyphForCodePoint(c.codePointAt(0)!)),
    );
    expect(notoMissing.join('')).toBe('');
  });

  it('each file has every code point its unicode-range declares, and keeps the 400–700 weight axis', () => {
    for (const { info, font } of [...fontsOf(notoFamily), ...fontsOf(interFamily)]) {
      const declared = info.unicodeRange.split(',').flatMap((part) => {
        const [from, to] = part.replace('U+', '').split('-');
        const start = Number.parseInt(from!, 16);
        const end = Number.parseInt(to ?? from!, 16);
        return Array.from({ length: end - start + 1 }, (_, i) => start + i);
      });
      expect(declared.length).toBe(info.codePoints);
      for (const cp of declared)
        expect(font.hasGlyphForCodePoint(cp), `${info.file} U+${cp.toString(16)}`).toBe(true);
      expect(font.variationAxes.wght).toMatchObject({ min: 400, max: 700 });
    }
  });

  it('keeps the Chinese font within its 320 KiB budget for the whole deck', () => {
    const totals = bytesByFamily(subset.files);
    expect(cjkBudgetBytes).toBe(320 * 1024);
    expect(totals[notoFamily]).toBeGreaterThan(10_000);
    expect(totals[notoFamily]).toBeLessThanOrEqual(cjkBudgetBytes);
    expect(totals[interFamily]).toBeLessThanOrEqual(100_000);
  });

  it('writes @font-face CSS with the deck’s family names, swap, relative file URLs and the two stand-ins', () => {
    const css = readFileSync(subset.cssFile, 'utf8');
    expect(css).toContain(`font-family: '${notoFamily}'`);
    expect(css).toContain(`font-family: '${interFamily}'`);
    // A face per file, and the stand-ins on the machine's own fonts (fallback-fonts.test.ts).
    expect(css.match(/@font-face/g)).toHaveLength(subset.files.length + 2);
    // Each stand-in draws what its web font's files draw, and the space; the Chinese one exactly that below the
    // CJK blocks, and those blocks whole.
    const drawn = (families: readonly string[], below = Number.POSITIVE_INFINITY) =>
      formatUnicodeRange([
        0x20,
        ...subset.files
          .filter((f) => families.includes(f.family))
          .flatMap((f) => codePointsOf(f.unicodeRange))
          .filter((cp) => cp < below),
      ]);
    const standIn = (family: string, below = Number.POSITIVE_INFINITY) =>
      formatUnicodeRange(
        codePointsOf(
          new RegExp(`font-family: "${family}";[^}]*unicode-range: ([^;]+);`).exec(css)?.[1] ?? '',
        ).filter((cp) => cp < below),
      );
    expect(standIn(interFallbackFamily)).toBe(drawn([interFamily]));
    expect(standIn(notoFallbackFamily, cjkStart)).toBe(drawn([notoFamily, notoUiFamily], cjkStart));
    const chinese = standIn(notoFallbackFamily);
    expect(chinese).toContain('U+2E80-9FFF');
    expect(css.match(/font-display: swap/g)).toHaveLength(subset.files.length);
    expect(css).not.toMatch(/data:|https?:/);
    for (const f of subset.files) expect(css).toContain(`url('./${f.file}') format('woff2')`);
  });

  it('writes a UI slice identical to the full family’s once, under the UI name, for both faces', async () => {
    // 中, ≈ and ✓ sit in slices where the UI text has all the deck's characters; 出海 only in the full family's.
    const cacheDir = mkdtempSync(join(tmpdir(), 'fonts-shared-'));
    try {
      const small = await buildFontSubset({
        root,
        characters: collectCharacters({ texts: ['出海 中 ≈ ✓ 稠'] }),
        uiCharacters: collectCharacters({ texts: ['中 ≈ ✓'] }),
        cacheDir,
      });
      const ui = small.files.filter((f) => f.family === notoUiFamily);
      const full = small.files.filter((f) => f.family === notoFamily);
      const written = readdirSync(small.dir).filter((f) => f.endsWith('.woff2'));
      let shared = 0;
      for (const f of full) {
        const twin = ui.find((u) => u.unicodeRange === f.unicodeRange);
        if (twin) {
          shared++;
          expect(f.file).toBe(twin.file);
          expect(f.file).toMatch(/^noto-sans-sc-ui-/);
        } else expect(f.file).toMatch(/^noto-sans-sc-\d+\.woff2$/);
        expect(written).toContain(f.file);
      }
      expect(shared).toBeGreaterThan(0);
      expect(shared).toBeLessThan(full.length);
      for (const f of ui) expect(written).toContain(f.file);
      // No two files written have the same bytes (Vite would merge them under one arbitrary name).
      const contents = written.map((f) => readFileSync(join(small.dir, f)).toString('base64'));
      expect(new Set(contents).size).toBe(contents.length);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reuses the cached subset for the same characters', async () => {
    const again = await buildFontSubset({ root, characters });
    expect(again.cached).toBe(true);
    expect(again.key).toBe(subset.key);
    expect(again.files).toEqual(subset.files);
  });
});

describe('splitFirst', () => {
  it('cuts a slice into what the first paint needs and the rest, leaving out an empty part', () => {
    const first = new Set([0x51fa, 0x6d77]);
    expect(splitFirst([0x4e00, 0x51fa, 0x6d77, 0x7f51], first, 's118')).toEqual([
      { slice: 's118', cps: [0x51fa, 0x6d77], suffix: '-first' },
      { slice: 's118', cps: [0x4e00, 0x7f51], suffix: '' },
    ]);
    expect(splitFirst([0x4e00], first, 's1')).toEqual([{ slice: 's1', cps: [0x4e00], suffix: '' }]);
    expect(splitFirst([0x51fa], first, 's2')).toEqual([{ slice: 's2', cps: [0x51fa], suffix: '-first' }]);
  });
});
