import { scaleLinear, select as selectNode } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import {
  caveatText,
  type FigureRecord,
  figureRow,
  figureTableHead,
  formatFigure,
  formatFigureShort,
  isDisputed,
  pickFigure,
} from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, textStyle } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * Funding for Chinese AI start-ups, two bars on one scale. Step 0: the 2021 peak (disputed: "*").
 * Step 1: the first half of 2024, with its number of rounds, and a reminder that it covers half a year.
 */

/** Positions in the slide's frame (frameSize), in viewBox units. */
const wide = {
  BASELINE_Y: 370,
  TOP_Y: 90,
  GRID_LEFT: 150,
  GRID_RIGHT: 760,
  BAR_WIDTH: 160,
  BAR_CENTRES: [280, 560] as readonly number[],
  AXIS_LABEL_Y: 402,
  AXIS_NOTE_Y: 428,
  NOTE_Y: 466,
  NOTE_X: 150,
  /** Widest a note may run before it wraps. */
  NOTE_MAX: Number.POSITIVE_INFINITY,
  /** Widest a bar's period label may run before it wraps. */
  AXIS_LABEL_MAX: Number.POSITIVE_INFINITY,
};
type Geometry = typeof wide;

/** The phone's frame: the same two bars, closer together, at about the size they are drawn (labels ≥ 16 px). */
const narrowSize = { width: 460, height: 530 } as const;
const narrow: Geometry = {
  ...wide,
  GRID_LEFT: 100,
  GRID_RIGHT: 450,
  BAR_WIDTH: 110,
  BAR_CENTRES: [190, 345],
  AXIS_NOTE_Y: 452,
  NOTE_Y: 490,
  NOTE_X: 8,
  NOTE_MAX: 444,
  AXIS_LABEL_MAX: 210,
};

export interface FundingData {
  peak: FigureRecord;
  recent: FigureRecord;
  rounds: FigureRecord;
}

function valueScale(data: FundingData, { BASELINE_Y, TOP_Y }: Geometry = wide) {
  return scaleLinear()
    .domain([0, Math.max(data.peak.value, data.recent.value)])
    .nice(3)
    .range([BASELINE_Y, TOP_Y]);
}

export interface FundingBar {
  key: 'peak' | 'recent';
  x: number;
  y: number;
  height: number;
  shown: number;
}

/** Pure layout: each bar at full height from its step on, flat on the baseline before. */
export function layoutFunding(data: FundingData, step: number, g: Geometry = wide): FundingBar[] {
  const { BASELINE_Y, BAR_CENTRES, BAR_WIDTH } = g;
  const y = valueScale(data, g);
  return (['peak', 'recent'] as const).map((key, index) => {
    const shown = index <= step ? 1 : 0;
    const top = shown ? y(data[key].value) : BASELINE_Y;
    return { key, x: (BAR_CENTRES[index] ?? 0) - BAR_WIDTH / 2, y: top, height: BASELINE_Y - top, shown };
  });
}

function yearOf(figure: FigureRecord): string {
  return (figure.period?.from ?? figure.asOf).slice(0, 4);
}

function recentPeriod(data: FundingData, ctx: ChartContext): string {
  return ctx.t('charts:funding.firstHalf', { value: ctx.format.date(yearOf(data.recent)) });
}

function describeChart(data: FundingData, ctx: ChartContext): Record<string, string> {
  const { t } = ctx;
  const withCaveat = [data.peak, data.recent, data.rounds].filter(isDisputed);
  return {
    peakYear: ctx.format.date(yearOf(data.peak)),
    peak: formatFigure(data.peak, ctx),
    recentPeriod: recentPeriod(data, ctx),
    recent: formatFigure(data.recent, ctx),
    rounds: formatFigure(data.rounds, ctx),
    caveats: withCaveat
      .map((figure) => t('charts:common.caveat', { value: caveatText(figure, ctx) }))
      .join(' '),
  };
}

function table(data: FundingData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  const period = recentPeriod(data, ctx);
  return {
    caption: t('charts:funding.title'),
    head: figureTableHead(ctx),
    rows: [
      figureRow(`${ctx.format.date(yearOf(data.peak))} (${t('charts:funding.peak')})`, data.peak, ctx),
      figureRow(period, data.recent, ctx),
      figureRow(`${period}: ${t('charts:funding.roundsName')}`, data.rounds, ctx),
    ],
  };
}

function setup(data: FundingData, body: ChartBody, g: Geometry = wide) {
  const { GRID_LEFT, GRID_RIGHT, BAR_WIDTH, AXIS_LABEL_Y, AXIS_NOTE_Y, NOTE_Y, NOTE_X, NOTE_MAX } = g;
  const { AXIS_LABEL_MAX } = g;
  const y = valueScale(data, g);
  const ticks = y.ticks(3);
  const grid = body.append('g').attr('class', 'grid');
  grid
    .selectAll('line')
    .data(ticks)
    .join('line')
    .attr('x1', GRID_LEFT)
    .attr('x2', GRID_RIGHT)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .style('stroke', (d) => (d === 0 ? chartColors.muted : chartColors.grid))
    .style('stroke-width', (d) => (d === 0 ? 2 : 1));
  const gridLabels = grid
    .selectAll('text')
    .data(ticks)
    .join('text')
    .attr('x', GRID_LEFT - 10)
    .attr('y', (d) => y(d) + 6)
    .attr('text-anchor', 'end')
    .call(textStyle, 'small', { muted: true });

  const initial = layoutFunding(data, 0, g);
  const barSel = body
    .append('g')
    .attr('class', 'bars')
    .selectAll('rect')
    .data(initial)
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('width', BAR_WIDTH)
    .style('fill', (d) => (d.key === 'peak' ? chartColors.muted : chartColors.accent));
  const barLabels = body
    .append('g')
    .attr('class', 'bar-labels')
    .selectAll('g')
    .data(initial)
    .join('g')
    .attr('text-anchor', 'middle');
  const valueText = barLabels.append('text').call(textStyle, 'value', { bold: true });
  const roundsText = barLabels.append('text').attr('y', -36).call(textStyle, 'label');
  const axisGroups = body
    .append('g')
    .attr('class', 'axis-labels')
    .selectAll('g')
    .data(initial)
    .join('g')
    .attr('text-anchor', 'middle')
    .attr('transform', (d) => `translate(${d.x + BAR_WIDTH / 2},0)`);
  const axisLabels = axisGroups.append('text').attr('y', AXIS_LABEL_Y).call(textStyle, 'label');
  const axisNotes = axisGroups
    .append('text')
    .attr('y', AXIS_NOTE_Y)
    .call(textStyle, 'small', { muted: true });
  const note = body
    .append('text')
    .attr('x', NOTE_X)
    .attr('y', NOTE_Y)
    .call(textStyle, 'small', { muted: true });

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const { t } = ctx;
    const layout = layoutFunding(data, step, g);
    gridLabels.text((d) => (d === 0 ? ctx.format.number(0) : ctx.format.usd(d)));
    valueText.text((d) => formatFigureShort(data[d.key], ctx));
    roundsText.text((d) =>
      d.key === 'recent' ? t('charts:funding.rounds', { value: formatFigure(data.rounds, ctx) }) : '',
    );
    axisLabels.each(function label(d) {
      const text = d.key === 'peak' ? ctx.format.date(yearOf(data.peak)) : recentPeriod(data, ctx);
      setWrappedText(selectNode(this), text, AXIS_LABEL_MAX, 20);
    });
    axisNotes.text((d) => (d.key === 'peak' ? t('charts:funding.peak') : t('charts:funding.halfYear')));
    const disputed = [data.peak, data.recent, data.rounds].some(isDisputed);
    setWrappedText(note, disputed ? t('charts:common.disputed') : '', NOTE_MAX, 18);

    const byKey = new Map(layout.map((bar) => [bar.key, bar]));
    const bar = (d: FundingBar) => byKey.get(d.key) ?? d;
    return Promise.all([
      stepTransition(barSel, animate, (s) =>
        s.attr('y', (d) => bar(d).y).attr('height', (d) => bar(d).height),
      ),
      stepTransition(barLabels, animate, (s) =>
        s
          .attr('transform', (d) => `translate(${d.x + BAR_WIDTH / 2},${bar(d).y - 12})`)
          .style('opacity', (d) => bar(d).shown),
      ),
      stepTransition(axisGroups, animate, (s) => s.style('opacity', (d) => bar(d).shown)),
    ]).then(() => undefined);
  };
}

/** The chart's part of the validated data files. */
function select(files: ValidatedData): FundingData {
  const figures = files.figures.figures;
  return {
    peak: pickFigure(figures, 'funding-2021'),
    recent: pickFigure(figures, 'funding-2024h1'),
    rounds: pickFigure(figures, 'funding-2024h1-rounds'),
  };
}

export const chart: ChartModule<FundingData> = defineFrameChart({
  id: 'funding',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
