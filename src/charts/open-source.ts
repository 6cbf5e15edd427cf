import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import {
  type FigureRecord,
  figureRow,
  figureTableHead,
  formatFigureShort,
  pickFigure,
} from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, type fontSize, fontSizesFor } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { joinLines, setTextLines, setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * Open models on the Hugging Face Hub, one band per step. 1: the rhythm of Chinese models on the Hub's
 * trending list (at least one every one to two weeks; drawn as a rhythm, since no weekly record was
 * published). 2: Qwen2.5's languages, one square each, the ones its documentation names in words. 3: the
 * open model families the article names.
 */

const WEEKS = 12;

/** Where the bands go: the slide's frame puts each figure left of its picture, the phone's stacks them. */
interface Geometry {
  narrow: boolean;
  LEFT: number;
  /** The right edge text wraps at. */
  RIGHT: number;
  HEADS: [number, number, number];
  RHYTHM_Y: number;
  WEEK_X0: number;
  WEEK_W: number;
  WEEK_Y: number;
  WEEK_H: number;
  MARK_R: number;
  WEEK_LABEL_Y: number;
  CELL: number;
  GRID_X: number;
  GRID_Y: number;
  PER_ROW: number;
  BIG_Y: number;
  /** The note under the grid: its left edge and its distance below the grid's last row. */
  NAMED_X: number;
  NAMED_DY: number;
  FAMILIES_Y: number;
  FAMILIES_SIZE: keyof typeof fontSize;
}

const wide: Geometry = {
  narrow: false,
  LEFT: -100,
  RIGHT: Number.POSITIVE_INFINITY,
  HEADS: [30, 170, 400],
  RHYTHM_Y: 86,
  WEEK_X0: 196,
  WEEK_W: 56,
  WEEK_Y: 56,
  WEEK_H: 40,
  MARK_R: 12,
  WEEK_LABEL_Y: 128,
  CELL: 50,
  GRID_X: 150,
  GRID_Y: 196,
  PER_ROW: 15,
  BIG_Y: 250,
  NAMED_X: 150,
  NAMED_DY: 30,
  FAMILIES_Y: 450,
  FAMILIES_SIZE: 'value',
};

const narrowSize = { width: 440, height: 552 } as const;
const narrow: Geometry = {
  narrow: true,
  LEFT: 12,
  RIGHT: 424,
  HEADS: [28, 220, 474],
  RHYTHM_Y: 68,
  WEEK_X0: 14,
  WEEK_W: 34,
  WEEK_Y: 86,
  WEEK_H: 30,
  MARK_R: 9,
  WEEK_LABEL_Y: 146,
  CELL: 40,
  GRID_X: 104,
  GRID_Y: 238,
  PER_ROW: 8,
  BIG_Y: 278,
  NAMED_X: 12,
  NAMED_DY: 24,
  FAMILIES_Y: 508,
  FAMILIES_SIZE: 'label',
};

export interface OpenSourceData {
  trending: FigureRecord;
  languages: FigureRecord;
  /** The languages Qwen2.5's documentation names (ISO 639-1), in its order; the rest it only counts. */
  named: string[];
  families: string[];
}

export interface OpenSourceLayout {
  /** Weeks with a Chinese model on the trending list, in the drawn rhythm (1, then 2 weeks apart). */
  marks: number[];
  cells: { x: number; y: number; code: string | null }[];
  shown: [number, number, number];
}

/** Pure layout: which bands show at `step`, and where every mark and square sits. */
export function layoutOpenSource(data: OpenSourceData, step: number, g: Geometry = wide): OpenSourceLayout {
  const { CELL, GRID_X, GRID_Y, PER_ROW } = g;
  const marks: number[] = [];
  // Alternate gaps of 1 and `trending.value` weeks: "almost every one to two weeks".
  for (let week = 0, k = 0; week < WEEKS; week += k % 2 === 0 ? 1 : data.trending.value, k += 1)
    marks.push(week);
  const count = Math.max(data.languages.value, data.named.length);
  const cells = Array.from({ length: count }, (_, i) => ({
    x: GRID_X + (i % PER_ROW) * CELL,
    y: GRID_Y + Math.floor(i / PER_ROW) * CELL,
    code: data.named[i] ?? null,
  }));
  return {
    marks,
    cells,
    shown: [step >= 1 ? 1 : 0, step >= 2 ? 1 : 0, step >= 3 ? 1 : 0],
  };
}

function languageName(code: string, ctx: ChartContext): string {
  return new Intl.DisplayNames([ctx.lng === 'zh' ? 'zh-CN' : 'en'], { type: 'language' }).of(code) ?? code;
}

function describeChart(data: OpenSourceData, ctx: ChartContext): Record<string, string> {
  return {
    weeks: ctx.format.number(data.trending.value),
    languages: formatFigureShort(data.languages, ctx),
    named: ctx.format.list(data.named.map((code) => languageName(code, ctx))),
    families: ctx.format.list(data.families),
  };
}

function table(data: OpenSourceData, ctx: ChartContext): ChartTable {
  const t = ctx.t;
  return {
    caption: t('charts:open-source.title'),
    head: figureTableHead(ctx),
    rows: [
      figureRow(t('charts:open-source.trendingName'), data.trending, ctx),
      figureRow(t('charts:open-source.languagesName'), data.languages, ctx),
    ],
  };
}

function setup(data: OpenSourceData, body: ChartBody, g: Geometry) {
  const { LEFT, WEEK_X0, WEEK_W, CELL, GRID_Y } = g;
  const size = fontSizesFor(g.narrow);
  const layout = layoutOpenSource(data, 0, g);
  const gridRows = Math.ceil(layout.cells.length / g.PER_ROW);
  const room = g.RIGHT - LEFT;
  const bands = [0, 1, 2].map((i) => body.append('g').attr('class', `band band-${i}`));
  const [trend, langs, fams] = bands as [ChartBody, ChartBody, ChartBody];
  const heads = g.HEADS.map((y, i) =>
    body
      .append('text')
      .attr('class', `band-head band-head-${i}`)
      .attr('x', LEFT)
      .attr('y', y)
      .style('font-size', size.label)
      .style('font-weight', 650)
      .style('fill', chartColors.muted),
  );

  // Band 1: twelve weeks, a gold mark on each week with a Chinese model trending.
  trend
    .selectAll('rect.week')
    .data(Array.from({ length: WEEKS }, (_, i) => i))
    .join('rect')
    .attr('class', 'week')
    .attr('x', (d) => WEEK_X0 + d * WEEK_W)
    .attr('y', g.WEEK_Y)
    .attr('width', WEEK_W - 6)
    .attr('height', g.WEEK_H)
    .attr('rx', 4)
    .style('fill', 'none')
    .style('stroke', chartColors.grid)
    .style('stroke-width', 2);
  trend
    .selectAll('circle.mark')
    .data(layout.marks)
    .join('circle')
    .attr('class', 'mark')
    .attr('cx', (d) => WEEK_X0 + d * WEEK_W + (WEEK_W - 6) / 2)
    .attr('cy', g.WEEK_Y + g.WEEK_H / 2)
    .attr('r', g.MARK_R)
    .style('fill', chartColors.route);
  const weekLabel = trend
    .append('text')
    .attr('x', g.narrow ? LEFT : WEEK_X0)
    .attr('y', g.WEEK_LABEL_Y)
    .style('font-size', size.small)
    .style('fill', chartColors.muted);
  const rhythm = trend
    .append('text')
    .attr('x', LEFT)
    .attr('y', g.RHYTHM_Y)
    .style('font-size', size.value)
    .style('font-weight', 700);

  // Band 2: one square per language; the named ones carry their code.
  const cells = langs
    .selectAll('g.cell')
    .data(layout.cells)
    .join('g')
    .attr('class', 'cell')
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  cells
    .append('rect')
    .attr('width', CELL - 6)
    .attr('height', CELL - 6)
    .attr('rx', 4)
    .style('fill', (d) => (d.code ? chartColors.accent : chartColors.land))
    .style('stroke', chartColors.accent)
    .style('stroke-width', 2);
  cells
    .filter((d) => d.code !== null)
    .append('text')
    .attr('x', (CELL - 6) / 2)
    .attr('y', (CELL - 6) / 2 + 8)
    .attr('text-anchor', 'middle')
    .style('font-size', size.small)
    .style('font-weight', 650)
    .text((d) => d.code ?? '');
  const bigLanguages = langs
    .append('text')
    .attr('x', LEFT)
    .attr('y', g.BIG_Y)
    .style('font-size', size.big)
    .style('font-weight', 800)
    .style('fill', chartColors.accent);
  const namedNote = langs
    .append('text')
    .attr('x', g.NAMED_X)
    .attr('y', GRID_Y + gridRows * CELL + g.NAMED_DY)
    .style('font-size', size.small)
    .style('fill', chartColors.muted);

  // Band 3: the open model families.
  const famText = fams
    .append('text')
    .attr('x', LEFT)
    .attr('y', g.FAMILIES_Y)
    .style('font-size', size[g.FAMILIES_SIZE])
    .style('font-weight', 700)
    .style('fill', chartColors.route);

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const t = ctx.t;
    const now = layoutOpenSource(data, step, g);
    const small = Number.parseFloat(size.small);
    heads[0]?.text(t('charts:open-source.trendingHead'));
    heads[1]?.text(t('charts:open-source.languagesHead'));
    heads[2]?.text(t('charts:open-source.familiesHead'));
    rhythm.text(t('charts:open-source.rhythm', { value: ctx.format.number(data.trending.value) }));
    setWrappedText(
      weekLabel,
      t('charts:open-source.weeks', { value: ctx.format.number(WEEKS) }),
      room,
      small,
    );
    bigLanguages.text(formatFigureShort(data.languages, ctx));
    setWrappedText(
      namedNote,
      t('charts:open-source.named', { value: ctx.format.number(data.named.length) }),
      room,
      small,
    );
    const familySize = Number.parseFloat(size[g.FAMILIES_SIZE]);
    // Broken between families, never inside one; bold text and the CJK font's wider dots get a margin.
    setTextLines(famText, joinLines(data.families, ' · ', room * 0.8, familySize, true), familySize * 1.3);
    return Promise.all(
      bands.map((band, i) => stepTransition(band, animate, (s) => s.style('opacity', now.shown[i] ?? 0))),
    ).then(() => undefined);
  };
}

function select(files: ValidatedData): OpenSourceData {
  const figures = files.figures.figures;
  return {
    trending: pickFigure(figures, 'hf-trending-weeks'),
    languages: pickFigure(figures, 'qwen-languages'),
    named: ['zh', 'en', 'fr', 'es', 'pt', 'de', 'it', 'ru', 'ja', 'ko', 'vi', 'th', 'ar'],
    families: ['Qwen', 'DeepSeek Coder', 'GLM', 'CogVideo'],
  };
}

export const chart: ChartModule<OpenSourceData> = defineFrameChart({
  id: 'open-source',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body, wide),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
