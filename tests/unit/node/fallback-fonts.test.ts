import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  copiedMetrics,
  fallbackFontFaces,
  interFallbackFamily,
  notoFallbackFamily,
} from '../../../src/node/fallback-fonts';
import { codePointsOf, interFamily, notoFamily, notoUiFamily } from '../../../src/node/fonts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fontFile = (path: string) => create(readFileSync(`${root}node_modules/${path}`));

/** The @font-face rule of one family in `css`, as descriptor → value. */
function faceOf(css: string, family: string): Record<string, string> {
  const body = Array.from(css.matchAll(/@font-face\s*\{([^}]*)\}/g), (m) => m[1] ?? '').find((b) =>
    b.includes(`font-family: "${family}"`),
  );
  if (!body) throw new Error(`no @font-face for ${family}`);
  return Object.fromEntries(
    body
      .split(';')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

const inRange = (range: string, cp: number) => codePointsOf(range).includes(cp);

describe('the stand-in faces', () => {
  // As the build passes them: what the deck's Inter files and Noto Sans SC files draw (fonts.test.ts).
  const css = fallbackFontFaces({ latin: 'U+21-7E,U+E9,U+2019', chinese: 'U+21-7E' });

  it('copy the vertical metrics of the fonts the deck bundles', () => {
    const inter = fontFile('@fontsource-variable/inter/files/inter-latin-wght-normal.woff2');
    const noto = fontFile('@fontsource-variable/noto-sans-sc/files/noto-sans-sc-119-wght-normal.woff2');
    for (const [bundled, copied] of [
      [inter, copiedMetrics.inter],
      [noto, copiedMetrics.notoSansSC],
    ] as const) {
      expect({
        unitsPerEm: bundled.unitsPerEm,
        ascent: bundled.ascent,
        descent: bundled.descent,
        lineGap: bundled.lineGap,
      }).toEqual({
        unitsPerEm: copied.unitsPerEm,
        ascent: copied.ascent,
        descent: copied.descent,
        lineGap: copied.lineGap,
      });
    }
  });

  it('give Arial and its look-alikes Inter’s ascent and descent at Inter’s average width', () => {
    const face = faceOf(css, interFallbackFamily);
    const { inter } = copiedMetrics;
    const size = Number.parseFloat(face['size-adjust'] ?? '') / 100;
    // Inter is wider than Arial in running text: the stand-in is scaled up, by less than a fifth.
    expect(size).toBeGreaterThan(1);
    expect(size).toBeLessThan(1.2);
    // At that size, the overrides come out at Inter's own ascent and descent.
    expect((Number.parseFloat(face['ascent-override'] ?? '') / 100) * size).toBeCloseTo(
      inter.ascent / inter.unitsPerEm,
      3,
    );
    expect((Number.parseFloat(face['descent-override'] ?? '') / 100) * size).toBeCloseTo(
      -inter.descent / inter.unitsPerEm,
      3,
    );
    expect(face.src).toContain('local("Arial")');
    expect(face.src).toContain('local("Liberation Sans")');
    // What Inter draws and the space: a character Inter lacks (a Han character, an arrow) goes on down the
    // stack to the face that draws it once the fonts are in.
    const range = face['unicode-range'] ?? '';
    for (const char of ' Aé’') expect(inRange(range, char.codePointAt(0)!), char).toBe(true);
    for (const char of '出，→') expect(inRange(range, char.codePointAt(0)!), char).toBe(false);
  });

  it('give the machine’s Chinese face Noto Sans SC’s ascent and descent, for every character', () => {
    const face = faceOf(css, notoFallbackFamily);
    expect(face['ascent-override']).toBe('116%');
    expect(face['descent-override']).toBe('28.8%');
    expect(face['line-gap-override']).toBe('0%');
    expect(face.src).toContain('local("Noto Sans CJK SC")');
    expect(face.src).toContain('local("PingFang SC")');
    // What Noto Sans SC draws below the CJK blocks, those blocks whole, and the space: a Chinese line takes its
    // metrics from the first face of its stack that has one, which while the fonts load is this one.
    const range = face['unicode-range'] ?? '';
    for (const char of ' A出海，鬱') expect(inRange(range, char.codePointAt(0)!), char).toBe(true);
    for (const char of '→é') expect(inRange(range, char.codePointAt(0)!), char).toBe(false);
  });

  it('stand right after their web font in every stack of the theme', () => {
    const tokens = readFileSync(`${root}src/styles/tokens.css`, 'utf8');
    const stacks = Array.from(tokens.matchAll(/--font-(?:latin|cjk):\s*([^;]+);/g), (m) =>
      (m[1] ?? '').split(',').map((name) => name.trim().replace(/^"|"$/g, '')),
    );
    expect(stacks.length).toBeGreaterThanOrEqual(4);
    for (const stack of stacks) {
      for (const [web, standIn] of [
        [interFamily, interFallbackFamily],
        [notoFamily, notoFallbackFamily],
        [notoUiFamily, notoFallbackFamily],
      ] as const) {
        const at = stack.indexOf(web);
        if (at >= 0) expect(stack[at + 1], stack.join(', ')).toBe(standIn);
      }
    }
  });
});
