import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import { caveatText, type EventRecord, statusLabel } from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, fontSize } from './shared/tokens';
import { stepTransition } from './shared/transition';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * Who pays abroad, as the article judges it: a diagram, not a measurement. Step 1: consumers, who pay more
 * in some markets (the Western users the consumer apps aim at). Step 2: business and government buyers in
 * South-East Asia, the Middle East and Africa, and the four reasons the article gives. Step 3: what Chinese
 * firms bring, along the bottom.
 */

const COL_W = 480;
const COL_H = 330;
const LEFT_X = -100;
const RIGHT_X = 420;
const TOP = 10;
const EDGE_Y = 380;
const REASONS = ['digital', 'rivals', 'growth', 'barriers'] as const;

export interface WhoPaysData {
  parts: EventRecord[];
}

/** Pure layout: each part's opacity at `step` (a part shows from its event's step). */
export function layoutWhoPays(data: WhoPaysData, step: number): Record<string, number> {
  return Object.fromEntries(data.parts.map((p) => [p.id, step >= p.step ? 1 : 0]));
}

function summary(id: string, ctx: ChartContext): string {
  const t = ctx.t;
  if (id === 'consumers')
    return `${t('charts:who-pays.consumers.head')}: ${t('charts:who-pays.consumers.big')}`;
  if (id === 'b2b-b2g') {
    const reasons = ctx.format.list(REASONS.map((r) => t(`charts:who-pays.b2b-b2g.reasons.${r}`)));
    return `${t('charts:who-pays.b2b-b2g.head')}: ${t('charts:who-pays.b2b-b2g.regions')} (${reasons})`;
  }
  return `${t('charts:who-pays.edge.head')}: ${t('charts:who-pays.edge.items')}`;
}

function table(data: WhoPaysData, ctx: ChartContext): ChartTable {
  const t = ctx.t;
  return {
    caption: t('charts:who-pays.title'),
    head: [
      t('charts:who-pays.table.part'),
      t('charts:who-pays.table.what'),
      t('charts:common.table.status'),
      t('charts:common.table.note'),
    ],
    rows: data.parts.map((p) => [
      ctx.format.number(p.step),
      summary(p.id, ctx),
      statusLabel(p, ctx),
      caveatText(p, ctx),
    ]),
  };
}

function setup(data: WhoPaysData, body: ChartBody) {
  const part = (id: string): ChartBody => body.append('g').attr('class', `who-pays-part part-${id}`);
  const consumers = part('consumers');
  const buyers = part('b2b-b2g');
  const edge = part('edge');
  for (const [g, x, colour] of [
    [consumers, LEFT_X, chartColors.route],
    [buyers, RIGHT_X, chartColors.accent],
  ] as const) {
    g.append('rect')
      .attr('x', x)
      .attr('y', TOP)
      .attr('width', COL_W)
      .attr('height', COL_H)
      .attr('rx', 12)
      .style('fill', chartColors.land)
      .style('stroke', colour)
      .style('stroke-width', 3);
  }
  const text = (
    g: ChartBody,
    x: number,
    y: number,
    size: string,
    options: { bold?: boolean; fill?: string } = {},
  ) =>
    g
      .append('text')
      .attr('x', x)
      .attr('y', y)
      .style('font-size', size)
      .style('font-weight', options.bold ? 700 : 400)
      .style('fill', options.fill ?? chartColors.ink);
  const cHead = text(consumers, LEFT_X + 24, TOP + 46, fontSize.label, {
    bold: true,
    fill: chartColors.muted,
  });
  const cBig = text(consumers, LEFT_X + 24, TOP + 112, fontSize.big, { bold: true, fill: chartColors.route });
  const cWhere = text(consumers, LEFT_X + 24, TOP + 156, fontSize.small, { fill: chartColors.muted });
  const cWhereNote = text(consumers, LEFT_X + 24, TOP + 188, fontSize.small, { fill: chartColors.muted });
  const cExample = text(consumers, LEFT_X + 24, TOP + 236, fontSize.small, { fill: chartColors.muted });
  const cApps = text(consumers, LEFT_X + 24, TOP + 280, fontSize.value, { bold: true });
  const bHead = text(buyers, RIGHT_X + 24, TOP + 46, fontSize.label, { bold: true, fill: chartColors.muted });
  const bRegions = text(buyers, RIGHT_X + 24, TOP + 100, fontSize.value, {
    bold: true,
    fill: chartColors.accent,
  });
  const bReasons = REASONS.map((_, i) => text(buyers, RIGHT_X + 24, TOP + 160 + i * 42, fontSize.label));
  const eHead = text(edge, LEFT_X, EDGE_Y + 40, fontSize.label, { bold: true, fill: chartColors.muted });
  const eItems = text(edge, LEFT_X, EDGE_Y + 86, fontSize.value, { bold: true });

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const t = ctx.t;
    cHead.text(t('charts:who-pays.consumers.head'));
    cBig.text(t('charts:who-pays.consumers.big'));
    cWhere.text(t('charts:who-pays.consumers.where'));
    cWhereNote.text(t('charts:who-pays.consumers.whereNote'));
    cExample.text(t('charts:who-pays.consumers.example'));
    cApps.text(t('charts:who-pays.consumers.apps'));
    bHead.text(t('charts:who-pays.b2b-b2g.head'));
    bRegions.text(t('charts:who-pays.b2b-b2g.regions'));
    REASONS.forEach((reason, i) => {
      bReasons[i]?.text(`✓ ${t(`charts:who-pays.b2b-b2g.reasons.${reason}`)}`);
    });
    eHead.text(t('charts:who-pays.edge.head'));
    eItems.text(t('charts:who-pays.edge.items'));
    const shown = layoutWhoPays(data, step);
    const parts: [ChartBody, string][] = [
      [consumers, 'consumers'],
      [buyers, 'b2b-b2g'],
      [edge, 'edge'],
    ];
    return Promise.all(
      parts.map(([g, id]) => stepTransition(g, animate, (s) => s.style('opacity', shown[id] ?? 0))),
    ).then(() => undefined);
  };
}

function select(files: ValidatedData): WhoPaysData {
  return { parts: files.events.events.filter((e) => e.chart === 'who-pays') };
}

export const chart: ChartModule<WhoPaysData> = defineFrameChart({
  id: 'who-pays',
  select,
  table,
  describe: (d, ctx) => ({ parts: d.parts.map((p) => summary(p.id, ctx)).join('; ') }),
  setup,
});
