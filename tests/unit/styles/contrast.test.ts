import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartColors } from '../../../src/charts/shared/tokens';

/**
 * WCAG contrast of the palette in src/styles/tokens.css, computed from the file itself. axe checks text it can
 * see, but it cannot judge text on the deck's gradient background (it reports those as "needs review"), and it
 * has no rule for the contrast of chart marks (1.4.11), so both are checked here from the tokens.
 */

const css = readFileSync(new URL('../../../src/styles/tokens.css', import.meta.url), 'utf8');

/** The custom properties declared in tokens.css, var() references resolved. */
function readTokens(source: string): Map<string, string> {
  const raw = new Map<string, string>();
  for (const match of source.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) raw.set(match[1]!, match[2]!.trim());
  const resolve = (value: string, depth = 0): string => {
    if (depth > 10) throw new Error(`var() loop at ${value}`);
    return value.replace(/var\((--[\w-]+)(?:\s*,\s*([^)]+))?\)/g, (_m, name: string, fallback?: string) => {
      const target = raw.get(name) ?? fallback;
      if (target === undefined) throw new Error(`${name} is not defined in tokens.css`);
      return resolve(target, depth + 1);
    });
  };
  return new Map(Array.from(raw, ([name, value]) => [name, resolve(value)]));
}

/** sRGB channels 0–255 of a #rgb or #rrggbb colour. */
function parseHex(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) throw new Error(`not a hex colour: ${color} (the contrast test reads hex colours only)`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = parseHex(color).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1–21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const tokens = readTokens(css);
const token = (name: string): string => {
  const value = tokens.get(name);
  if (!value) throw new Error(`${name} is not in tokens.css`);
  return value;
};

describe('the contrast helpers', () => {
  it('match the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#fff', '#fff')).toBe(1);
  });

  it('resolve var() references between tokens', () => {
    expect(token('--chart-route')).toBe(token('--gold'));
    expect(token('--chart-accent')).toBe(token('--accent'));
  });
});

// The slide background is a radial gradient from --sea-700 (top right) to --sea-900: text must pass on both.
const backgrounds = ['--sea-900', '--sea-700'] as const;

describe('text on the slide background (1.4.3, 4.5:1)', () => {
  const text = ['--paper', '--paper-muted', '--gold', '--gold-200'] as const;
  for (const fg of text) {
    for (const bg of backgrounds) {
      it(`${fg} on ${bg}`, () => {
        expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  it('the current language in the toggle: --sea-900 on --gold', () => {
    expect(contrast(token('--sea-900'), token('--gold'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('chart text where charts are drawn (1.4.3, 4.5:1)', () => {
  // Charts sit in the lower left of the slide, where the gradient is --sea-900 (and maps draw --chart-sea).
  for (const fg of ['--chart-ink', '--chart-muted', '--chart-accent', '--chart-route'] as const) {
    for (const bg of ['--sea-900', '--chart-sea'] as const) {
      it(`${fg} on ${bg}`, () => {
        expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});

describe('chart marks that carry meaning (1.4.11, 3:1)', () => {
  for (const fg of ['--chart-accent', '--chart-route'] as const) {
    for (const bg of ['--chart-land', '--chart-sea', '--sea-900'] as const) {
      it(`${fg} against ${bg}`, () => {
        expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(3);
      });
    }
  }

  it('--chart-land against --chart-sea is decorative (the map names its places in text): recorded only', () => {
    expect(contrast(token('--chart-land'), token('--chart-sea'))).toBeGreaterThan(1);
  });
});

describe('focus indicator (1.4.11 and 2.4.7, 3:1)', () => {
  for (const bg of backgrounds) {
    it(`--gold outline against ${bg}`, () => {
      expect(contrast(token('--gold'), token(bg))).toBeGreaterThanOrEqual(3);
    });
  }
});

describe("the charts' fallback colours", () => {
  it('equal the theme tokens, so charts look the same with or without the stylesheet', () => {
    for (const value of Object.values(chartColors)) {
      const match = /^var\((--[\w-]+),\s*(#[0-9a-f]+)\)$/i.exec(value);
      expect(match, value).not.toBeNull();
      expect(match![2]!.toLowerCase(), match![1]).toBe(token(match![1]!).toLowerCase());
    }
  });
});
