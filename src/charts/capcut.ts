import { scaleUtc } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import { isoMidpoint } from './shared/dates';
import { defineFrameChart } from './shared/define';
import {
  caveatText,
  type EventRecord,
  type FigureRecord,
  figureRow,
  figureTableHead,
  formatFigureShort,
  localText,
  pickFigure,
  shortSource,
  statusLabel,
} from './shared/figures';
import { tIn } from './shared/i18n';
import type { ChartBody } from './shared/instance';
import { chartColors, textStyle } from './shared/tokens';
import { stepTransition } from './shared/transition';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * CapCut's road on a 2020–2024 axis. Steps 0–2 add a milestone each (launch, Pro, AI) and extend the
 * vermilion "road" to it; step 3 extends it to mid-2024 and shows the two numbers the article gives:
 * more than 300 million monthly users and US$125 million of revenue (as of July 2024).
 */

const FIRST_YEAR = 2020;
const LAST_YEAR = 2024;
/** Positions in the slide's frame (frameSize), in viewBox units. */
const wide = {
  AXIS_Y: 170,
  AXIS_LEFT: 60,
  AXIS_RIGHT: 740,
  MILESTONE_LABEL_Y: 130,
  /** Added to every other milestone label's height, where they would run into each other. */
  MILESTONE_STAGGER: 0,
  YEAR_LABEL_Y: 206,
  STAT_ROWS_Y: [290, 390] as readonly [number, number],
  STAT_VALUE_X: 60,
  STAT_NAME_X: 340,
  /** Labels near an end of the road anchor there, so they stay inside a narrow frame. */
  EDGE_ANCHOR: false,
  /** Heights of a stat's name, note and source, from its big number's baseline. */
  STAT_TEXT_Y: [-14, 12, 36] as readonly [number, number, number],
};
type Geometry = typeof wide;

/** The phone's frame: a shorter road, milestone labels on two rows, each stat's words under its number. */
const narrowSize = { width: 420, height: 560 } as const;
const narrow: Geometry = {
  AXIS_Y: 150,
  AXIS_LEFT: 36,
  AXIS_RIGHT: 384,
  MILESTONE_LABEL_Y: 116,
  MILESTONE_STAGGER: -32,
  YEAR_LABEL_Y: 186,
  STAT_ROWS_Y: [270, 420],
  STAT_VALUE_X: 16,
  STAT_NAME_X: 16,
  STAT_TEXT_Y: [30, 56, 80],
  EDGE_ANCHOR: true,
};

function milestoneAnchor(x: number, { EDGE_ANCHOR, AXIS_LEFT, AXIS_RIGHT }: Geometry): string {
  if (!EDGE_ANCHOR) return 'middle';
  const third = (AXIS_RIGHT - AXIS_LEFT) / 3;
  return x < AXIS_LEFT + third ? 'start' : x > AXIS_RIGHT - third ? 'end' : 'middle';
}

const axisScale = ({ AXIS_LEFT, AXIS_RIGHT }: Geometry) =>
  scaleUtc()
    .domain([new Date(Date.UTC(FIRST_YEAR, 0, 1)), new Date(Date.UTC(LAST_YEAR + 1, 0, 1))])
    .range([AXIS_LEFT, AXIS_RIGHT]);
const LAST_STEP = 3;

export interface CapcutData {
  milestones: EventRecord[];
  stats: FigureRecord[];
  /** The step at which the numbers appear: that of the events that cite them. */
  statsStep: number;
  statsDate: string;
}

export interface CapcutLayout {
  /** Where the road ends: the latest milestone (or the stats' date) shown. */
  roadEnd: number;
  milestoneShown: boolean[];
  statsShown: boolean;
}

/** Pure layout for a step. */
export function layoutCapcut(data: CapcutData, step: number, g: Geometry = wide): CapcutLayout {
  const xScale = axisScale(g);
  const shownDates = data.milestones.filter((m) => m.step <= step).map((m) => isoMidpoint(m.date));
  if (step >= data.statsStep) shownDates.push(isoMidpoint(data.statsDate));
  const latest = shownDates.reduce(
    (max, date) => Math.max(max, date.getTime()),
    xScale.domain()[0]!.getTime(),
  );
  return {
    roadEnd: shownDates.length ? xScale(new Date(latest)) : g.AXIS_LEFT,
    milestoneShown: data.milestones.map((m) => m.step <= step),
    statsShown: step >= data.statsStep,
  };
}

function milestoneLabel(event: EventRecord, ctx: ChartContext): string {
  return tIn(ctx, 'charts:capcut.events', event.id);
}

function statName(figure: FigureRecord, ctx: ChartContext): string {
  return tIn(ctx, 'charts:capcut.figures', figure.id);
}

function describeChart(data: CapcutData, ctx: ChartContext): Record<string, string> {
  return {
    milestones: ctx.format.list(
      data.milestones.map((m) => `${ctx.format.date(m.date)} ${milestoneLabel(m, ctx)}`),
    ),
    date: ctx.format.date(data.statsDate),
    stats: ctx.format.list(data.stats.map((f) => `${formatFigureShort(f, ctx)} ${statName(f, ctx)}`)),
  };
}

function table(data: CapcutData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    caption: t('charts:capcut.title'),
    head: figureTableHead(ctx),
    rows: [
      ...data.milestones.map((m) => [
        milestoneLabel(m, ctx),
        '',
        ctx.format.date(m.date),
        statusLabel(m, ctx),
        m.source ? localText(m.source.name, ctx.lng) : '',
        caveatText(m, ctx),
      ]),
      ...data.stats.map((figure) => figureRow(statName(figure, ctx), figure, ctx)),
    ],
  };
}

function setup(data: CapcutData, body: ChartBody, g: Geometry = wide) {
  const { AXIS_Y, AXIS_LEFT, AXIS_RIGHT, MILESTONE_LABEL_Y, MILESTONE_STAGGER, YEAR_LABEL_Y } = g;
  const { STAT_ROWS_Y, STAT_VALUE_X, STAT_NAME_X, STAT_TEXT_Y } = g;
  const xScale = axisScale(g);
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const axis = body.append('g').attr('class', 'axis');
  axis
    .append('line')
    .attr('x1', AXIS_LEFT)
    .attr('x2', AXIS_RIGHT)
    .attr('y1', AXIS_Y)
    .attr('y2', AXIS_Y)
    .style('stroke', chartColors.muted)
    .style('stroke-width', 2);
  const yearLabels = axis
    .selectAll('text')
    .data(years)
    .join('text')
    .attr('x', (year) => xScale(isoMidpoint(String(year))))
    .attr('y', YEAR_LABEL_Y)
    .attr('text-anchor', 'middle')
    .call(textStyle, 'small', { muted: true });
  const road = body
    .append('line')
    .attr('class', 'road')
    .attr('x1', AXIS_LEFT)
    .attr('y1', AXIS_Y)
    .attr('y2', AXIS_Y)
    .style('stroke', chartColors.accent)
    .style('stroke-width', 6)
    .style('stroke-linecap', 'round');

  const milestoneSel = body
    .append('g')
    .attr('class', 'milestones')
    .selectAll('g')
    .data(data.milestones)
    .join('g')
    .attr('transform', (m) => `translate(${xScale(isoMidpoint(m.date))},0)`);
  milestoneSel
    .append('circle')
    .attr('cy', AXIS_Y)
    .attr('r', 10)
    .style('fill', chartColors.ink)
    .style('stroke', chartColors.sea)
    .style('stroke-width', 3);
  const milestoneText = milestoneSel
    .append('text')
    .attr('y', (_, i) => MILESTONE_LABEL_Y + (i % 2) * MILESTONE_STAGGER)
    .attr('text-anchor', (m) => milestoneAnchor(xScale(isoMidpoint(m.date)), g))
    .call(textStyle, 'label');

  const statSel = body
    .append('g')
    .attr('class', 'stats')
    .selectAll('g')
    .data(data.stats)
    .join('g')
    .attr('transform', (_, i) => `translate(${STAT_VALUE_X},${STAT_ROWS_Y[i] ?? STAT_ROWS_Y[0]})`);
  const statValue = statSel
    .append('text')
    .call(textStyle, 'big', { bold: true })
    .style('fill', chartColors.accent);
  // Name and note sit right of the big number, so a long source never runs into the next stat.
  const statNameText = statSel
    .append('text')
    .attr('x', STAT_NAME_X - STAT_VALUE_X)
    .attr('y', STAT_TEXT_Y[0])
    .call(textStyle, 'label');
  const statNote = statSel
    .append('text')
    .attr('x', STAT_NAME_X - STAT_VALUE_X)
    .attr('y', STAT_TEXT_Y[1])
    .call(textStyle, 'small', { muted: true });
  const statSource = statSel
    .append('text')
    .attr('x', STAT_NAME_X - STAT_VALUE_X)
    .attr('y', STAT_TEXT_Y[2])
    .call(textStyle, 'small', { muted: true });

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const { t } = ctx;
    const layout = layoutCapcut(data, step, g);
    yearLabels.text((year) => ctx.format.date(String(year)));
    milestoneText.text((m) => milestoneLabel(m, ctx));
    statValue.text((f) => formatFigureShort(f, ctx));
    statNameText.text((f) => statName(f, ctx));
    statNote.text((f) => t('charts:common.asOf', { value: ctx.format.date(f.asOf) }));
    statSource.text((f) => t('charts:common.source', { value: shortSource(f.source, ctx.lng) }));

    return Promise.all([
      stepTransition(road, animate, (s) => s.attr('x2', layout.roadEnd)),
      stepTransition(milestoneSel, animate, (s) =>
        s.style('opacity', (_, i) => (layout.milestoneShown[i] ? 1 : 0)),
      ),
      stepTransition(statSel, animate, (s) => s.style('opacity', layout.statsShown ? 1 : 0)),
    ]).then(() => undefined);
  };
}

const statIds = ['capcut-mau', 'capcut-revenue'];

/** The chart's part of the validated data files. */
function select(files: ValidatedData): CapcutData {
  const allFigures = files.figures.figures;
  const capcutEvents = files.events.events.filter((event) => event.chart === 'capcut');
  // Events that cite a figure are shown as numbers, the rest as milestones on the road.
  const statEvents = capcutEvents.filter((event) => event.figure !== undefined);
  return {
    milestones: capcutEvents.filter((event) => event.figure === undefined && event.step < LAST_STEP),
    stats: statIds.map((id) => pickFigure(allFigures, id)),
    statsStep: statEvents[0]?.step ?? LAST_STEP,
    statsDate:
      statEvents
        .map((event) => event.date)
        .sort()
        .at(-1) ?? pickFigure(allFigures, 'capcut-revenue').asOf,
  };
}

export const chart: ChartModule<CapcutData> = defineFrameChart({
  id: 'capcut',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
