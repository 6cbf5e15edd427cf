/**
 * Stand-ins for the web fonts while they load: a face on the machine's own font, resized and given the web
 * font's ascent and descent, so that text set in it takes the room the web font will take. The page paints its
 * first slide before its fonts arrive (font-display: swap); without these, the swap moved the title and the
 * lines under it by a few pixels (a layout shift), and a line could break at another word.
 *
 * The metrics are Capsize's (@capsizecss/metrics); fallback-fonts.test.ts checks that the bundled Inter and
 * Noto Sans SC files have the same vertical metrics.
 */
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import inter from '@capsizecss/metrics/inter';
import notoSansSC from '@capsizecss/metrics/notoSansSC';

export const interFallbackFamily = 'Inter Fallback';
export const notoFallbackFamily = 'Noto Sans SC Fallback';

/** Arial and the faces made to its metrics (Liberation Sans and Arimo on Linux, Helvetica on a Mac). */
const arialLike = ['Arial', 'ArialMT', 'Helvetica', 'Liberation Sans', 'LiberationSans', 'Arimo'];

/**
 * Simplified Chinese faces found on the common systems: the same design as Noto Sans SC on Linux (Noto Sans CJK
 * SC, Source Han Sans SC), PingFang SC on a Mac, Microsoft YaHei on Windows. Han characters are all one em
 * wide, so only the vertical metrics need setting.
 */
const chineseLocal = [
  'Noto Sans CJK SC',
  'NotoSansCJKsc-Regular',
  'Source Han Sans SC',
  'SourceHanSansSC-Regular',
  'PingFang SC',
  'PingFangSC-Regular',
  'Microsoft YaHei',
];

const withSpace = (range: string): string => (range ? `U+20,${range}` : 'U+20');

const percent = (value: number): string => `${Number((value * 100).toFixed(4))}%`;

/** The @font-face rule of one stand-in. */
function face(family: string, locals: readonly string[], descriptors: Record<string, string>): string {
  const src = locals.map((name) => `local("${name}")`).join(', ');
  const lines = Object.entries(descriptors).map(([name, value]) => `  ${name}: ${value};`);
  return ['@font-face {', `  font-family: "${family}";`, `  src: ${src};`, ...lines, '}'].join('\n');
}

/**
 * Where each stand-in draws: the characters its web font draws (the unicode-range of its subset files), so a
 * character the web font lacks goes on down the stack, to the same face, before and after the fonts arrive.
 * The space is always in: the face a line takes its metrics from is the first one of the stack that has it.
 */
export interface StandInRanges {
  /** What the deck's Inter files draw. */
  latin: string;
  /**
   * What the deck's Noto Sans SC files (the full family's and the English page's UI subset) draw below the CJK
   * blocks: Latin, digits, punctuation. The CJK blocks are added whole (cjkBlocks): a Han character the subset
   * lacks falls to the machine's Chinese face with or without the stand-in, and a thousand characters listed
   * one by one would make the stylesheet every page waits for 2.5 kB (gzip) larger.
   */
  chinese: string;
}

/** Where the stand-in's exact list ends and whole blocks begin (CJK Radicals Supplement). */
export const cjkStart = 0x2e80;

/** CJK radicals to ideographs, compatibility ideographs and forms, half- and full-width forms. */
const cjkBlocks = 'U+2E80-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF';

/** The stand-ins' @font-face rules, for the build's fonts.css. */
export function fallbackFontFaces(ranges: StandInRanges): string {
  // Capsize sizes Arial to Inter's average width in English text and converts Inter's metrics to that size.
  const [latin] = createFontStack([inter, arial], { fontFaceFormat: 'styleObject' }).fontFaces;
  const metrics = latin?.['@font-face'];
  if (!metrics?.ascentOverride || !metrics.descentOverride || !metrics.sizeAdjust) {
    throw new Error('fallback-fonts: Capsize gave no overrides for Inter over Arial.');
  }
  const latinFace = face(interFallbackFamily, arialLike, {
    'ascent-override': String(metrics.ascentOverride),
    'descent-override': String(metrics.descentOverride),
    'line-gap-override': String(metrics.lineGapOverride ?? '0%'),
    'size-adjust': String(metrics.sizeAdjust),
    'unicode-range': withSpace(ranges.latin),
  });
  const em = notoSansSC.unitsPerEm;
  const chineseFace = face(notoFallbackFamily, chineseLocal, {
    'ascent-override': percent(notoSansSC.ascent / em),
    'descent-override': percent(Math.abs(notoSansSC.descent) / em),
    'line-gap-override': percent(notoSansSC.lineGap / em),
    'unicode-range': withSpace(ranges.chinese ? `${ranges.chinese},${cjkBlocks}` : cjkBlocks),
  });
  return `/* Stand-ins while the web fonts load (src/node/fallback-fonts.ts). */\n${latinFace}\n\n${chineseFace}\n`;
}

/** The metrics the stand-ins copy, for the test that holds them to the bundled files. */
export const copiedMetrics = { inter, notoSansSC } as const;
