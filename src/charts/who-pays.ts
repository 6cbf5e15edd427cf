import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import { caveatText, type EventRecord, statusLabel } from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, type fontSize, fontSizesFor } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * Who pays abroad, as the article judges it: a diagram, not a measurement. Step 1: consumers, who pay more
 * in some markets (the Western users the consumer apps aim at). Step 2: business and government buyers in
 * South-East Asia, the Middle East and Africa, and the four reasons the article gives. Step 3: what Chinese
 * firms bring, along the bottom.
 */

/** Where the parts go: side by side on the slide, one under the other on the phone. */
interface Geometry {
  narrow: boolean;
  COL_W: number;
  /** Each box's top-left corner and height. */
  consumers: { x: number; y: number; h: number };
  buyers: { x: number; y: number; h: number };
  edge: { x: number; y: number };
  /** Baselines inside each part, from its top. */
  lines: {
    cHead: number;
    cBig: number;
    cWhere: number;
    cWhereNote: number;
    cExample: number;
    cApps: number;
    bHead: number;
    bRegions: number;
    bReasons: number;
    reasonGap: number;
    eHead: number;
    eItems: number;
  };
  /** The size of the lists (apps, regions, what China brings). */
  LIST: keyof typeof fontSize;
}

const wide: Geometry = {
  narrow: false,
  COL_W: 480,
  consumers: { x: -100, y: 10, h: 330 },
  buyers: { x: 420, y: 10, h: 330 },
  edge: { x: -100, y: 380 },
  lines: {
    cHead: 46,
    cBig: 112,
    cWhere: 156,
    cWhereNote: 188,
    cExample: 236,
    cApps: 280,
    bHead: 46,
    bRegions: 100,
    bReasons: 160,
    reasonGap: 42,
    eHead: 40,
    eItems: 86,
  },
  LIST: 'value',
};

const narrowSize = { width: 440, height: 566 } as const;
const narrow: Geometry = {
  narrow: true,
  COL_W: 416,
  consumers: { x: 12, y: 8, h: 214 },
  buyers: { x: 12, y: 238, h: 234 },
  edge: { x: 12, y: 478 },
  lines: {
    cHead: 34,
    cBig: 80,
    cWhere: 110,
    cWhereNote: 136,
    cExample: 166,
    cApps: 196,
    bHead: 34,
    bRegions: 70,
    bReasons: 110,
    reasonGap: 32,
    eHead: 30,
    eItems: 64,
  },
  LIST: 'label',
};
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

function setup(data: WhoPaysData, body: ChartBody, g: Geometry) {
  const size = fontSizesFor(g.narrow);
  const { lines: at, consumers: cBox, buyers: bBox, edge: eBox } = g;
  const part = (id: string): ChartBody => body.append('g').attr('class', `who-pays-part part-${id}`);
  const consumers = part('consumers');
  const buyers = part('b2b-b2g');
  const edge = part('edge');
  for (const [part, box, colour] of [
    [consumers, cBox, chartColors.route],
    [buyers, bBox, chartColors.accent],
  ] as const) {
    part
      .append('rect')
      .attr('x', box.x)
      .attr('y', box.y)
      .attr('width', g.COL_W)
      .attr('height', box.h)
      .attr('rx', 12)
      .style('fill', chartColors.land)
      .style('stroke', colour)
      .style('stroke-width', 3);
  }
  const text = (
    part: ChartBody,
    x: number,
    y: number,
    fontSize: string,
    options: { bold?: boolean; fill?: string } = {},
  ) =>
    part
      .append('text')
      .attr('x', x)
      .attr('y', y)
      .style('font-size', fontSize)
      .style('font-weight', options.bold ? 700 : 400)
      .style('fill', options.fill ?? chartColors.ink);
  const cx = cBox.x + 24;
  const bx = bBox.x + 24;
  const cHead = text(consumers, cx, cBox.y + at.cHead, size.label, { bold: true, fill: chartColors.muted });
  const cBig = text(consumers, cx, cBox.y + at.cBig, size.big, { bold: true, fill: chartColors.route });
  const cWhere = text(consumers, cx, cBox.y + at.cWhere, size.small, { fill: chartColors.muted });
  const cWhereNote = text(consumers, cx, cBox.y + at.cWhereNote, size.small, { fill: chartColors.muted });
  const cExample = text(consumers, cx, cBox.y + at.cExample, size.small, { fill: chartColors.muted });
  const cApps = text(consumers, cx, cBox.y + at.cApps, size[g.LIST], { bold: true });
  const bHead = text(buyers, bx, bBox.y + at.bHead, size.label, { bold: true, fill: chartColors.muted });
  const bRegions = text(buyers, bx, bBox.y + at.bRegions, size[g.LIST], {
    bold: true,
    fill: chartColors.accent,
  });
  const bReasons = REASONS.map((_, i) =>
    text(buyers, bx, bBox.y + at.bReasons + i * at.reasonGap, size.label),
  );
  const eHead = text(edge, eBox.x, eBox.y + at.eHead, size.label, { bold: true, fill: chartColors.muted });
  const eItems = text(edge, eBox.x, eBox.y + at.eItems, size[g.LIST], { bold: true });
  // The slide's lines stay one line each (as measured there); the phone's wrap inside the frame.
  const room = g.narrow ? g.COL_W - 10 : Number.POSITIVE_INFINITY;
  const listSize = Number.parseFloat(size[g.LIST]);

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
    setWrappedText(eItems, t('charts:who-pays.edge.items'), room, listSize);
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
  setup: (d, body) => setup(d, body, wide),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
