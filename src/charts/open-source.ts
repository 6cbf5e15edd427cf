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
import { chartColors, fontSize } from './shared/tokens';
import { stepTransition } from './shared/transition';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * Open models on the Hugging Face Hub, one band per step. 1: the rhythm of Chinese models on the Hub's
 * trending list (at least one every one to two weeks; drawn as a rhythm, since no weekly record was
 * published). 2: Qwen2.5's languages, one square each, the ones its documentation names in words. 3: the
 * open model families the article names.
 */

const LEFT = -100;
const WEEK_X0 = 196;
const WEEK_W = 56;
const WEEKS = 12;
const CELL = 50;
const GRID_X = 150;
const GRID_Y = 196;
const PER_ROW = 15;

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
export function layoutOpenSource(data: OpenSourceData, step: number): OpenSourceLayout {
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

function setup(data: OpenSourceData, body: ChartBody) {
  const layout = layoutOpenSource(data, 0);
  const bands = [0, 1, 2].map((i) => body.append('g').attr('class', `band band-${i}`));
  const [trend, langs, fams] = bands as [ChartBody, ChartBody, ChartBody];
  const heads = [30, 170, 400].map((y, i) =>
    body
      .append('text')
      .attr('class', `band-head band-head-${i}`)
      .attr('x', LEFT)
      .attr('y', y)
      .style('font-size', fontSize.label)
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
    .attr('y', 56)
    .attr('width', WEEK_W - 6)
    .attr('height', 40)
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
    .attr('cy', 76)
    .attr('r', 12)
    .style('fill', chartColors.route);
  const weekLabel = trend
    .append('text')
    .attr('x', WEEK_X0)
    .attr('y', 128)
    .style('font-size', fontSize.small)
    .style('fill', chartColors.muted);
  const rhythm = trend
    .append('text')
    .attr('x', LEFT)
    .attr('y', 86)
    .style('font-size', fontSize.value)
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
    .style('font-size', fontSize.small)
    .style('font-weight', 650)
    .text((d) => d.code ?? '');
  const bigLanguages = langs
    .append('text')
    .attr('x', LEFT)
    .attr('y', 250)
    .style('font-size', fontSize.big)
    .style('font-weight', 800)
    .style('fill', chartColors.accent);
  const namedNote = langs
    .append('text')
    .attr('x', GRID_X)
    .attr('y', GRID_Y + 2 * CELL + 30)
    .style('font-size', fontSize.small)
    .style('fill', chartColors.muted);

  // Band 3: the open model families.
  const famText = fams
    .append('text')
    .attr('x', LEFT)
    .attr('y', 450)
    .style('font-size', fontSize.value)
    .style('font-weight', 700)
    .style('fill', chartColors.route);

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const t = ctx.t;
    const now = layoutOpenSource(data, step);
    heads[0]?.text(t('charts:open-source.trendingHead'));
    heads[1]?.text(t('charts:open-source.languagesHead'));
    heads[2]?.text(t('charts:open-source.familiesHead'));
    rhythm.text(t('charts:open-source.rhythm', { value: ctx.format.number(data.trending.value) }));
    weekLabel.text(t('charts:open-source.weeks', { value: ctx.format.number(WEEKS) }));
    bigLanguages.text(formatFigureShort(data.languages, ctx));
    namedNote.text(t('charts:open-source.named', { value: ctx.format.number(data.named.length) }));
    famText.text(data.families.join(' · '));
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
  setup,
});
