import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import {
  type FigureRecord,
  figureRow,
  figureTableHead,
  findFigure,
  formatFigureShort,
  localText,
  pickFigure,
  shortSource,
} from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, textStyle } from './shared/tokens';
import { stepTransition } from './shared/transition';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * AI firms registered in China after ChatGPT, as 100 squares of 1 % each. Step 0: all 878,000 registrations.
 * Step 1: the 78,612 dissolved or suspended fill the first squares in vermilion, the last one partly, so
 * the filled area is exactly their share (about 9 in every 100).
 */

const SQUARES = 100;
const COLUMNS = 10;
/** Positions in the slide's frame (frameSize), in viewBox units: the grid left, the figures right. */
const wide = {
  CELL: 26,
  PITCH: 31,
  GRID_X: 40,
  GRID_Y: 40,
  LABEL_X: 380,
  REGISTERED_Y: 90,
  CLOSED_Y: 240,
  FOOTER_Y: [400, 440] as readonly [number, number],
};
type Geometry = typeof wide;

/** The phone's frame: the grid on top, the two figures under it. */
const narrowSize = { width: 400, height: 620 } as const;
const narrow: Geometry = {
  CELL: 28,
  PITCH: 33,
  GRID_X: 40,
  GRID_Y: 12,
  LABEL_X: 20,
  REGISTERED_Y: 380,
  CLOSED_Y: 480,
  FOOTER_Y: [574, 606],
};
const FILL_STAGGER_MS = 250;

export interface ClosuresData {
  closed: FigureRecord;
  registered: FigureRecord;
  /** The share as the source states it (8.9 %, from the unrounded register count), when the data has it. */
  statedShare?: FigureRecord;
}

export interface ClosureSquare {
  index: number;
  x: number;
  y: number;
  /** How much of this square (0..1) the closed firms fill once shown. */
  closedFraction: number;
}

/** The source's own share if given; else closed / registered (878,000 is rounded, so that is ≈8.95 %). */
export function closedShare(data: ClosuresData): number {
  return data.statedShare?.value ?? data.closed.value / data.registered.value;
}

/** Pure layout: row by row, so the closed firms read as the start of the first row. */
export function layoutClosures(
  data: ClosuresData,
  { GRID_X, GRID_Y, PITCH }: Geometry = wide,
): ClosureSquare[] {
  const closedSquares = closedShare(data) * SQUARES;
  return Array.from({ length: SQUARES }, (_, index) => ({
    index,
    x: GRID_X + (index % COLUMNS) * PITCH,
    y: GRID_Y + Math.floor(index / COLUMNS) * PITCH,
    closedFraction: Math.max(0, Math.min(1, closedSquares - index)),
  }));
}

function shareText(data: ClosuresData, ctx: ChartContext): string {
  const value = ctx.format.number(closedShare(data), { style: 'percent', maximumFractionDigits: 1 });
  return ctx.t('charts:common.approx', { value });
}

function period(data: ClosuresData, ctx: ChartContext): { from: string; to: string } {
  const range = data.registered.period ?? data.closed.period;
  return range
    ? { from: ctx.format.date(range.from), to: ctx.format.date(range.to) }
    : { from: '', to: ctx.format.date(data.registered.asOf) };
}

function describeChart(data: ClosuresData, ctx: ChartContext): Record<string, string> {
  return {
    unit: ctx.format.percent(1 / SQUARES),
    registered: ctx.format.number(data.registered.value),
    closed: ctx.format.number(data.closed.value),
    share: shareText(data, ctx),
    ...period(data, ctx),
    source: localText(data.closed.source.name, ctx.lng),
  };
}

function table(data: ClosuresData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    caption: t('charts:closures.title'),
    head: figureTableHead(ctx),
    rows: [
      figureRow(t('charts:closures.registered'), data.registered, ctx),
      figureRow(t('charts:closures.closed'), data.closed, ctx),
      ...(data.statedShare ? [figureRow(t('charts:closures.shareName'), data.statedShare, ctx)] : []),
    ],
  };
}

function setup(data: ClosuresData, body: ChartBody, g: Geometry = wide) {
  const { CELL, GRID_X, LABEL_X, REGISTERED_Y, CLOSED_Y, FOOTER_Y } = g;
  const squares = layoutClosures(data, g);
  const grid = body.append('g').attr('class', 'squares');
  grid
    .selectAll('rect.registered')
    .data(squares)
    .join('rect')
    .attr('class', 'registered')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', CELL)
    .attr('height', CELL)
    .style('fill', chartColors.land)
    .style('stroke', chartColors.muted)
    .style('stroke-width', 1.5);
  const closedSel = grid
    .selectAll('rect.closed')
    .data(squares.filter((square) => square.closedFraction > 0))
    .join('rect')
    .attr('class', 'closed')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('height', CELL)
    .style('fill', chartColors.accent);

  const labelGroup = (y: number, colour: string) => {
    const group = body.append('g').attr('transform', `translate(${LABEL_X},${y})`);
    const value = group.append('text').call(textStyle, 'big', { bold: true }).style('fill', colour);
    const name = group.append('text').attr('y', 34).call(textStyle, 'label');
    const note = group.append('text').attr('y', 62).call(textStyle, 'small', { muted: true });
    return { group, value, name, note };
  };
  const registered = labelGroup(REGISTERED_Y, chartColors.ink);
  const closed = labelGroup(CLOSED_Y, chartColors.accent);
  const footer = body.append('g').call(textStyle, 'small');
  const unitText = footer.append('text').attr('x', GRID_X).attr('y', FOOTER_Y[0]);
  const sourceText = footer
    .append('text')
    .attr('x', GRID_X)
    .attr('y', FOOTER_Y[1])
    .style('fill', chartColors.muted);

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const { t } = ctx;
    const range = period(data, ctx);
    registered.value.text(formatFigureShort(data.registered, ctx));
    registered.name.text(t('charts:closures.registered'));
    registered.note.text(range.from ? t('charts:common.period', range) : range.to);
    closed.value.text(formatFigureShort(data.closed, ctx));
    closed.name.text(t('charts:closures.closed'));
    closed.note.text(t('charts:closures.share', { value: shareText(data, ctx) }));
    unitText.text(`■ ${t('charts:closures.unit', { value: ctx.format.percent(1 / SQUARES) })}`);
    sourceText.text(t('charts:common.source', { value: shortSource(data.closed.source, ctx.lng) }));

    const shown = step >= 1;
    const lastIndex = Math.max(1, closedSel.size() - 1);
    return Promise.all([
      stepTransition(
        closedSel,
        animate,
        (s) => s.attr('width', (d) => (shown ? d.closedFraction * CELL : 0)),
        { delay: (d) => (shown ? (d.index / lastIndex) * FILL_STAGGER_MS : 0) },
      ),
      stepTransition(closed.group, animate, (s) => s.style('opacity', shown ? 1 : 0)),
    ]).then(() => undefined);
  };
}

/** The chart's part of the validated data files. */
function select(files: ValidatedData): ClosuresData {
  const figures = files.figures.figures;
  return {
    closed: pickFigure(figures, 'ai-firms-closed'),
    registered: pickFigure(figures, 'ai-firms-registered'),
    statedShare: findFigure(figures, 'ai-firms-closed-share'),
  };
}

export const chart: ChartModule<ClosuresData> = defineFrameChart({
  id: 'closures',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
