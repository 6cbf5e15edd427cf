import { scaleLinear } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import { type FigureRecord, figureRow, figureTableHead, pickFigure, statusLabel } from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, type fontSize, fontSizesFor } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * The May 2024 price war: yuan per million input tokens, company by company, on one scale.
 * Step 0: DeepSeek-V2 at about ¥1, against Qwen-Long's old ¥20. Step 1: the others follow within weeks,
 * and Qwen-Long's bar shrinks from ¥20 to ¥0.5 (−97 %). Step 2: free models, below cost by the article's
 * account. Unverified figures carry a dagger; the table has each figure's source and caveat.
 */

/** Where things go: the slide's frame has the names left of the bars, the phone's puts each name above its bar. */
interface Geometry {
  narrow: boolean;
  LABEL_X: number;
  BAR_X: number;
  BAR_RIGHT: number;
  TOP: number;
  ROW: number;
  BAR_HEIGHT: number;
  /** Within a row: the name's and the model line's baselines, the bar's top, the value's baseline. */
  NAME_Y: number;
  DATE_Y: number;
  BAR_Y: number;
  VALUE_Y: number;
  VALUE_SIZE: keyof typeof fontSize;
  NOTE_Y: number;
  /** The right edge text wraps at. */
  RIGHT: number;
}

const wide: Geometry = {
  narrow: false,
  LABEL_X: -110,
  BAR_X: 330,
  BAR_RIGHT: 660,
  TOP: 30,
  ROW: 84,
  BAR_HEIGHT: 30,
  NAME_Y: 11,
  DATE_Y: 39,
  BAR_Y: 0,
  VALUE_Y: 26,
  VALUE_SIZE: 'value',
  NOTE_Y: 468,
  RIGHT: 920,
};

const narrowSize = { width: 440, height: 580 } as const;
const narrow: Geometry = {
  narrow: true,
  LABEL_X: 12,
  BAR_X: 12,
  BAR_RIGHT: 252,
  TOP: 30,
  ROW: 94,
  BAR_HEIGHT: 26,
  NAME_Y: 0,
  DATE_Y: 24,
  BAR_Y: 36,
  VALUE_Y: 56,
  VALUE_SIZE: 'label',
  NOTE_Y: 516,
  RIGHT: 428,
};

export interface PriceRow {
  key: 'deepseek' | 'doubao' | 'qwen' | 'ernie' | 'hunyuan';
  /** The step from which the row is shown. */
  from: number;
  /** Price after the cut (undefined: not confirmed). */
  after?: FigureRecord;
  before?: FigureRecord;
}

export interface PriceWarData {
  rows: PriceRow[];
}

export interface PriceBar {
  key: PriceRow['key'];
  y: number;
  /** The bar's width at this step. */
  width: number;
  /** The old price's outline, shown once the cut is made. */
  ghost: number;
  shown: number;
  /** Emphasised: the cut at step 1, the free models at step 2. */
  hot: boolean;
}

function priceScale(data: PriceWarData, g: Geometry) {
  const top = Math.max(...data.rows.flatMap((r) => [r.before?.value ?? 0, r.after?.value ?? 0]));
  return scaleLinear()
    .domain([0, top])
    .range([0, g.BAR_RIGHT - g.BAR_X]);
}

/** Pure layout: which rows show, and how long each bar is, at `step`. */
export function layoutPriceWar(data: PriceWarData, step: number, g: Geometry = wide): PriceBar[] {
  const x = priceScale(data, g);
  return data.rows.map((row, i) => {
    const cut = row.before !== undefined && step >= 1;
    const price = row.before && step < 1 ? row.before.value : (row.after?.value ?? 0);
    return {
      key: row.key,
      y: g.TOP + i * g.ROW,
      width: x(price),
      ghost: cut && row.before ? x(row.before.value) : 0,
      shown: step >= row.from ? 1 : 0,
      hot: (step === 1 && cut) || (step >= 2 && row.after?.value === 0),
    };
  });
}

const dagger = (figure: FigureRecord | undefined): string => (figure && figure.status === 'U' ? '†' : '');

function price(figure: FigureRecord | undefined, ctx: ChartContext): string {
  const t = ctx.t;
  if (!figure) return t('charts:price-war.unknown');
  if (figure.value === 0) return t('charts:price-war.free');
  const value = ctx.format.number(figure.value);
  return `${t(figure.approx ? 'charts:price-war.approxYuan' : 'charts:price-war.yuan', { value })}${dagger(figure)}`;
}

function label(row: PriceRow, step: number, ctx: ChartContext): string {
  const t = ctx.t;
  if (row.before && step < 1) return t('charts:price-war.before', { value: price(row.before, ctx) });
  if (row.before && row.after) {
    // Whole percent points, rounded down as the sources state the cut (97 %, not 98 %).
    const cut = Math.floor((1 - row.after.value / row.before.value) * 100) / 100;
    return `${price(row.after, ctx)}  ${t('charts:price-war.cut', { value: ctx.format.percent(cut) })}`;
  }
  return price(row.after, ctx);
}

function describeChart(data: PriceWarData, ctx: ChartContext): Record<string, string> {
  const t = ctx.t;
  return {
    rows: data.rows
      .map((row) => `${t(`charts:price-war.rows.${row.key}`)}: ${label(row, 2, ctx)}`)
      .join('; '),
  };
}

function table(data: PriceWarData, ctx: ChartContext): ChartTable {
  const t = ctx.t;
  const rows: string[][] = [];
  for (const row of data.rows) {
    const name = t(`charts:price-war.rows.${row.key}`);
    if (row.before) rows.push(figureRow(t('charts:price-war.beforeName', { name }), row.before, ctx));
    if (row.after) rows.push(figureRow(name, row.after, ctx));
    else
      rows.push([
        name,
        t('charts:price-war.unknown'),
        '2024-05',
        statusLabel({ status: 'U' }, ctx),
        '',
        t('charts:price-war.hunyuanNote'),
      ]);
  }
  return { caption: t('charts:price-war.title'), head: figureTableHead(ctx), rows };
}

function setup(data: PriceWarData, body: ChartBody, g: Geometry) {
  const { LABEL_X, BAR_X, BAR_HEIGHT } = g;
  const size = fontSizesFor(g.narrow);
  const initial = layoutPriceWar(data, 0, g);
  const rows = body
    .append('g')
    .attr('class', 'price-rows')
    .selectAll('g')
    .data(initial)
    .join('g')
    .attr('class', 'price-row')
    .attr('data-key', (d) => d.key)
    .attr('transform', (d) => `translate(0,${d.y})`);
  const names = rows
    .append('text')
    .attr('x', LABEL_X)
    .attr('y', g.NAME_Y)
    .style('font-size', size.label)
    .style('font-weight', 650);
  const dates = rows
    .append('text')
    .attr('x', LABEL_X)
    .attr('y', g.DATE_Y)
    .style('font-size', size.small)
    .style('fill', chartColors.muted);
  const ghosts = rows
    .append('rect')
    .attr('class', 'price-ghost')
    .attr('x', BAR_X)
    .attr('y', g.BAR_Y)
    .attr('height', BAR_HEIGHT)
    .style('fill', 'none')
    .style('stroke', chartColors.muted)
    .style('stroke-dasharray', '6 4')
    .style('stroke-width', 2);
  const bars = rows
    .append('rect')
    .attr('class', 'price-bar')
    .attr('x', BAR_X)
    .attr('y', g.BAR_Y)
    .attr('height', BAR_HEIGHT)
    .attr('width', (d) => d.width);
  const values = rows
    .append('text')
    .attr('class', 'price-value')
    .attr('y', g.VALUE_Y)
    .style('font-size', size[g.VALUE_SIZE])
    .style('font-weight', 700);
  const note = body
    .append('text')
    .attr('x', LABEL_X)
    .attr('y', g.NOTE_Y)
    .style('font-size', size.small)
    .style('fill', chartColors.muted);

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const t = ctx.t;
    const layout = layoutPriceWar(data, step, g);
    const byKey = new Map(layout.map((bar) => [bar.key, bar]));
    const rowOf = new Map(data.rows.map((row) => [row.key, row]));
    const bar = (d: PriceBar) => byKey.get(d.key) ?? d;
    names.text((d) => t(`charts:price-war.rows.${d.key}`));
    dates.text((d) => {
      const row = rowOf.get(d.key);
      const when = row?.after?.asOf ?? '2024-05';
      return t('charts:price-war.model', {
        model: t(`charts:price-war.models.${d.key}`),
        date: ctx.format.date(when),
      });
    });
    values.text((d) => {
      const row = rowOf.get(d.key);
      return row ? label(row, step, ctx) : '';
    });
    setWrappedText(
      note,
      step >= 2 ? t('charts:price-war.belowCost') : t('charts:price-war.unverified'),
      g.RIGHT - LABEL_X,
      Number.parseFloat(size.small),
    );
    values.style('fill', (d) => (bar(d).hot ? chartColors.accent : chartColors.ink));
    bars.style('fill', (d) =>
      bar(d).hot ? chartColors.accent : d.key === 'qwen' && step < 1 ? chartColors.muted : chartColors.route,
    );
    return Promise.all([
      stepTransition(rows, animate, (s) => s.style('opacity', (d) => bar(d).shown)),
      stepTransition(bars, animate, (s) => s.attr('width', (d) => bar(d).width)),
      stepTransition(ghosts, animate, (s) =>
        s.attr('width', (d) => bar(d).ghost).style('opacity', (d) => (bar(d).ghost > 0 ? 1 : 0)),
      ),
      stepTransition(values, animate, (s) => s.attr('x', (d) => BAR_X + Math.max(bar(d).width, 4) + 14)),
    ]).then(() => undefined);
  };
}

function select(files: ValidatedData): PriceWarData {
  const figures = files.figures.figures;
  return {
    rows: [
      { key: 'deepseek', from: 0, after: pickFigure(figures, 'price-deepseek-v2') },
      {
        key: 'qwen',
        from: 0,
        before: pickFigure(figures, 'price-qwen-long-before'),
        after: pickFigure(figures, 'price-qwen-long-after'),
      },
      { key: 'doubao', from: 1, after: pickFigure(figures, 'price-doubao') },
      { key: 'ernie', from: 1, after: pickFigure(figures, 'price-ernie-speed') },
      { key: 'hunyuan', from: 1 },
    ],
  };
}

export const chart: ChartModule<PriceWarData> = defineFrameChart({
  id: 'price-war',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body, wide),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
