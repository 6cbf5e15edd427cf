import { scaleUtc } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import { isoMidpoint, monthLabel } from './shared/dates';
import { defineFrameChart } from './shared/define';
import {
  caveatMarker,
  caveatText,
  type EventRecord,
  type FigureRecord,
  formatFigureShort,
  isDisputed,
  localText,
  statusLabel,
} from './shared/figures';
import { tIn } from './shared/i18n';
import type { ChartBody } from './shared/instance';
import { chartColors, textStyle } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * 2024 on a vertical month axis (January at the top). Each step adds the events whose `step` it reaches:
 * 0 the AI+ plan and the TC260 rules, 1 Go Saudi, 2 the price war and the cloud/AI moves of May,
 * 3 CapCut's revenue, 4 the CAC's draft labelling rules. The newest events are vermilion, older ones muted.
 * Labels stack in rows beside the axis with a leader to their date, so events of one month never overlap.
 */

const YEAR = 2024;
/** Positions in the slide's frame (frameSize), in viewBox units. */
const wide = {
  AXIS_X: 170,
  AXIS_TOP: 40,
  AXIS_BOTTOM: 436,
  LABEL_X: 260,
  ROW: 31,
  NOTE_Y: 468,
  NOTE_X: 40,
  /** Widest a note may run before it wraps. */
  NOTE_MAX: Number.POSITIVE_INFINITY,
};
type Geometry = typeof wide;

/** The phone's frame: the months close to the left edge, so the longest label fits; a taller year. */
const narrowSize = { width: 520, height: 600 } as const;
const narrow: Geometry = {
  AXIS_X: 64,
  AXIS_TOP: 30,
  AXIS_BOTTOM: 530,
  LABEL_X: 104,
  ROW: 34,
  NOTE_Y: 566,
  NOTE_X: 8,
  NOTE_MAX: 504,
};

const axisScale = ({ AXIS_TOP, AXIS_BOTTOM }: Geometry) =>
  scaleUtc()
    .domain([new Date(Date.UTC(YEAR, 0, 1)), new Date(Date.UTC(YEAR + 1, 0, 1))])
    .range([AXIS_TOP, AXIS_BOTTOM]);
const SLIDE_IN = 24;

export interface TimelineData {
  events: EventRecord[];
  figures: FigureRecord[];
}

export interface PlacedEvent {
  event: EventRecord;
  dotY: number;
  labelY: number;
}

/** Pure layout: dots at their dates; labels pushed down (then up, at the bottom) to one row each. */
export function layoutTimeline(events: readonly EventRecord[], g: Geometry = wide): PlacedEvent[] {
  const { ROW, AXIS_BOTTOM } = g;
  const yScale = axisScale(g);
  const sorted = [...events].sort(
    (a, b) => isoMidpoint(a.date).getTime() - isoMidpoint(b.date).getTime() || a.step - b.step,
  );
  const placed = sorted.map((event) => ({ event, dotY: yScale(isoMidpoint(event.date)), labelY: 0 }));
  placed.forEach((item, index) => {
    const previous = placed[index - 1];
    item.labelY = previous ? Math.max(item.dotY, previous.labelY + ROW) : item.dotY;
  });
  for (let index = placed.length - 1; index >= 0; index -= 1) {
    const item = placed[index];
    const next = placed[index + 1];
    if (item) item.labelY = Math.min(item.labelY, next ? next.labelY - ROW : AXIS_BOTTOM);
  }
  return placed;
}

function leaderPath(item: PlacedEvent, { AXIS_X, LABEL_X }: Geometry = wide): string {
  return `M${AXIS_X + 9},${item.dotY}L${AXIS_X + 40},${item.dotY}L${LABEL_X - 10},${item.labelY}`;
}

function eventLabel(event: EventRecord, data: TimelineData, ctx: ChartContext): string {
  const figure = data.figures.find((candidate) => candidate.id === event.figure);
  const value = figure ? formatFigureShort(figure, ctx) : '';
  return `${tIn(ctx, 'charts:timeline-2024.events', event.id, { value })}${caveatMarker(event)}`;
}

function describeChart(data: TimelineData, ctx: ChartContext): Record<string, string> {
  const { t } = ctx;
  const items = layoutTimeline(data.events).map(({ event }) =>
    t('charts:timeline-2024.item', {
      date: ctx.format.date(event.date),
      label: eventLabel(event, data, ctx),
    }),
  );
  return { value: ctx.format.list(items) };
}

function table(data: TimelineData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    caption: t('charts:timeline-2024.title'),
    head: [
      t('charts:common.table.item'),
      t('charts:common.table.date'),
      t('charts:common.table.status'),
      t('charts:common.table.source'),
      t('charts:common.table.note'),
    ],
    rows: layoutTimeline(data.events).map(({ event }) => [
      eventLabel(event, data, ctx),
      ctx.format.date(event.date),
      statusLabel(event, ctx),
      event.source ? localText(event.source.name, ctx.lng) : '',
      caveatText(event, ctx),
    ]),
  };
}

function setup(data: TimelineData, body: ChartBody, g: Geometry = wide) {
  const { AXIS_X, AXIS_TOP, AXIS_BOTTOM, LABEL_X, NOTE_Y, NOTE_X, NOTE_MAX } = g;
  const yScale = axisScale(g);
  const placed = layoutTimeline(data.events, g);
  const months = Array.from({ length: 12 }, (_, month) => month);
  const axis = body.append('g').attr('class', 'axis');
  axis
    .append('line')
    .attr('x1', AXIS_X)
    .attr('x2', AXIS_X)
    .attr('y1', AXIS_TOP)
    .attr('y2', AXIS_BOTTOM)
    .style('stroke', chartColors.muted)
    .style('stroke-width', 2);
  axis
    .selectAll('line.tick')
    .data(months)
    .join('line')
    .attr('class', 'tick')
    .attr('x1', AXIS_X - 6)
    .attr('x2', AXIS_X + 6)
    .attr('y1', (month) => yScale(new Date(Date.UTC(YEAR, month, 1))))
    .attr('y2', (month) => yScale(new Date(Date.UTC(YEAR, month, 1))))
    .style('stroke', chartColors.muted);
  const monthLabels = axis
    .selectAll('text')
    .data(months)
    .join('text')
    .attr('x', AXIS_X - 16)
    .attr('y', (month) => yScale(isoMidpoint(`${YEAR}-${String(month + 1).padStart(2, '0')}`)) + 6)
    .attr('text-anchor', 'end')
    .call(textStyle, 'small', { muted: true });

  const eventSel = body
    .append('g')
    .attr('class', 'events')
    .selectAll('g')
    .data(placed)
    .join('g')
    .attr('class', 'event');
  eventSel
    .append('path')
    .attr('d', (item) => leaderPath(item, g))
    .style('fill', 'none')
    // Leaders tie a label to its date, so they need 3:1 against the slide: muted, not grid.
    .style('stroke', chartColors.muted)
    .style('stroke-width', 1.5);
  const dotSel = eventSel
    .append('circle')
    .attr('cx', AXIS_X)
    .attr('cy', (d) => d.dotY)
    .attr('r', 8);
  const labelSel = eventSel
    .append('text')
    .attr('x', LABEL_X)
    .attr('y', (d) => d.labelY + 7)
    .call(textStyle, 'label');
  const note = body
    .append('text')
    .attr('x', NOTE_X)
    .attr('y', NOTE_Y)
    .call(textStyle, 'small', { muted: true });

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const { t } = ctx;
    monthLabels.text((month) => monthLabel(ctx.lng, new Date(Date.UTC(YEAR, month, 15))));
    labelSel.text((d) => eventLabel(d.event, data, ctx));
    const shownDisputed = placed.some((d) => d.event.step <= step && isDisputed(d.event));
    setWrappedText(note, shownDisputed ? t('charts:common.disputed') : '', NOTE_MAX, 18);

    const isShown = (d: PlacedEvent) => d.event.step <= step;
    const isNew = (d: PlacedEvent) => d.event.step === step;
    return Promise.all([
      stepTransition(eventSel, animate, (s) =>
        s
          .style('opacity', (d) => (isShown(d) ? 1 : 0))
          .attr('transform', (d) => `translate(${isShown(d) ? 0 : SLIDE_IN},0)`),
      ),
      stepTransition(dotSel, animate, (s) =>
        s.style('fill', (d) => (isNew(d) ? chartColors.accent : chartColors.muted)),
      ),
      stepTransition(labelSel, animate, (s) =>
        s
          .style('fill', (d) => (isNew(d) ? chartColors.ink : chartColors.muted))
          .style('font-weight', (d) => (isNew(d) ? 700 : 400)),
      ),
    ]).then(() => undefined);
  };
}

/** The chart's part of the validated data files. */
function select(files: ValidatedData): TimelineData {
  const allEvents = files.events.events;
  const allFigures = files.figures.figures;
  return {
    events: allEvents.filter((event) => event.chart === 'timeline-2024'),
    figures: allFigures.filter((figure) => allEvents.some((event) => event.figure === figure.id)),
  };
}

export const chart: ChartModule<TimelineData> = defineFrameChart({
  id: 'timeline-2024',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
