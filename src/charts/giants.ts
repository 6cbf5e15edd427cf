import { select as selectNode } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import { caveatText, type FigureRecord, formatFigureShort, pickFigure, statusLabel } from './shared/figures';
import { tIn } from './shared/i18n';
import type { ChartBody } from './shared/instance';
import type { MapPlace } from './shared/map-base';
import type { Move } from './shared/map-expansion';
import { chartColors, type fontSize, fontSizesFor } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * The tech giants' 2024 moves, one card per step in the order they came: Tencent Cloud with Mobily in Riyadh
 * (March), Huawei in North Africa (May, within its US$430 million plan), Alibaba Cloud's data centres in five
 * countries (May). Each card: when, where, and the one figure that sizes it.
 */

interface Line {
  x: number;
  y: number;
  anchor?: 'end';
}

/** Where the cards go: side by side and tall on the slide, stacked and wide on the phone. */
interface Geometry {
  narrow: boolean;
  CARD_W: number;
  CARD_H: number;
  X0: number;
  Y0: number;
  /** From one card to the next. */
  DX: number;
  DY: number;
  when: Line;
  company: Line;
  big: Line & { size: keyof typeof fontSize };
  bigNotes: Line[];
  place: Line;
  placeMore: Line[];
  /** How wide the place line may run before it wraps (the phone's right column). */
  placeRoom: number;
}

const wide: Geometry = {
  narrow: false,
  CARD_W: 320,
  CARD_H: 420,
  X0: -100,
  Y0: 20,
  DX: 340,
  DY: 0,
  when: { x: 22, y: 46 },
  company: { x: 22, y: 90 },
  big: { x: 22, y: 180, size: 'big' },
  bigNotes: [216, 246].map((y) => ({ x: 22, y })),
  place: { x: 22, y: 306 },
  placeMore: [340, 370, 400].map((y) => ({ x: 22, y })),
  placeRoom: Number.POSITIVE_INFINITY,
};

const narrowSize = { width: 440, height: 550 } as const;
const narrow: Geometry = {
  narrow: true,
  CARD_W: 416,
  CARD_H: 170,
  X0: 12,
  Y0: 8,
  DX: 0,
  DY: 180,
  when: { x: 398, y: 32, anchor: 'end' },
  company: { x: 18, y: 32 },
  big: { x: 18, y: 78, size: 'value' },
  bigNotes: [108, 132].map((y) => ({ x: 18, y })),
  place: { x: 226, y: 78 },
  placeMore: [108, 132, 156].map((y) => ({ x: 226, y })),
  placeRoom: 180,
};

export interface GiantCard {
  move: Move;
  /** The figure that sizes the move (none for Go Saudi: the article gives no number). */
  figure?: FigureRecord;
}

export interface GiantsData {
  cards: GiantCard[];
  places: MapPlace[];
}

/** Pure layout: each card's position, shown from its move's step. */
export function layoutGiants(
  data: GiantsData,
  step: number,
  g: Geometry = wide,
): { id: string; x: number; y: number; shown: number }[] {
  return data.cards.map((card, i) => ({
    id: card.move.id,
    x: g.X0 + i * g.DX,
    y: g.Y0 + i * g.DY,
    shown: step >= i + 1 ? 1 : 0,
  }));
}

function where(card: GiantCard, data: GiantsData, ctx: ChartContext): string {
  const names = card.move.to.map((id) => data.places.find((p) => p.id === id)?.name[ctx.lng] ?? id);
  return ctx.format.list(names);
}

function table(data: GiantsData, ctx: ChartContext): ChartTable {
  const t = ctx.t;
  return {
    caption: t('charts:giants.title'),
    head: (['company', 'date', 'where', 'figure', 'status', 'note'] as const).map((k) =>
      t(`charts:giants.table.${k}`),
    ),
    rows: data.cards.map((card) => [
      card.move.company[ctx.lng],
      ctx.format.date(card.move.date),
      where(card, data, ctx),
      card.figure ? formatFigureShort(card.figure, ctx) : '',
      statusLabel(card.figure ?? card.move, ctx),
      caveatText(card.figure ?? card.move, ctx),
    ]),
  };
}

function setup(data: GiantsData, body: ChartBody, g: Geometry) {
  const size = fontSizesFor(g.narrow);
  const cards = body
    .append('g')
    .attr('class', 'giant-cards')
    .selectAll('g')
    .data(layoutGiants(data, 0, g))
    .join('g')
    .attr('class', 'giant-card')
    .attr('data-id', (d) => d.id)
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  cards
    .append('rect')
    .attr('width', g.CARD_W)
    .attr('height', g.CARD_H)
    .attr('rx', 12)
    .style('fill', chartColors.land)
    .style('stroke', chartColors.route)
    .style('stroke-width', 2);
  const line = (at: Line, fontSize: string, fill: string, bold = false) =>
    cards
      .append('text')
      .attr('x', at.x)
      .attr('y', at.y)
      .attr('text-anchor', at.anchor ?? null)
      .style('font-size', fontSize)
      .style('font-weight', bold ? 700 : 400)
      .style('fill', fill);
  const when = line(g.when, size.label, chartColors.muted, true);
  const company = line(g.company, size.label, chartColors.ink, true);
  const big = line(g.big, size[g.big.size], chartColors.accent, true);
  const bigNotes = g.bigNotes.map((at) => line(at, size.small, chartColors.muted));
  const place = line(g.place, size.label, chartColors.route, true);
  const placeMore = g.placeMore.map((at) => line(at, size.small, chartColors.muted));
  const labelSize = Number.parseFloat(size.label);
  const byId = new Map(data.cards.map((c) => [c.move.id, c]));

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const t = ctx.t;
    const card = (id: string) => byId.get(id);
    when.text((d) => ctx.format.date(card(d.id)?.move.date ?? '2024'));
    company.text((d) => card(d.id)?.move.company[ctx.lng] ?? '');
    big.text((d) => {
      const c = card(d.id);
      if (!c?.figure) return t('charts:giants.goSaudi');
      const value = formatFigureShort(c.figure, ctx);
      return c.figure.unit === 'countries' ? t('charts:giants.countries', { value }) : value;
    });
    bigNotes.forEach((node, i) => {
      node.text((d) => tIn(ctx, 'charts:giants.notes', `${d.id}.${i}`));
    });
    // Two places fit on the card's line; five go beneath it, two a line.
    const names = (id: string) =>
      (card(id)?.move.to ?? []).map((p) => data.places.find((x) => x.id === p)?.name[ctx.lng] ?? p);
    place.each(function placeLine(d) {
      const list = names(d.id);
      const value =
        list.length <= 2
          ? ctx.format.list(list)
          : t('charts:giants.places', { value: ctx.format.number(list.length) });
      // The phone's right column wraps a long pair of places; the slide's card keeps one line.
      setWrappedText(selectNode(this), value, g.placeRoom, labelSize);
    });
    placeMore.forEach((node, i) => {
      node.text((d) => {
        const list = names(d.id);
        return list.length > 2 ? list.slice(i * 2, i * 2 + 2).join(t('charts:giants.comma')) : '';
      });
    });
    const now = new Map(layoutGiants(data, step).map((d) => [d.id, d.shown]));
    return stepTransition(cards, animate, (s) => s.style('opacity', (d) => now.get(d.id) ?? 0)).then(
      () => undefined,
    );
  };
}

function select(files: ValidatedData): GiantsData {
  const figures = files.figures.figures;
  const move = (id: string): Move => {
    const hit = files.expansion.moves.find((m) => m.id === id);
    if (!hit) throw new Error(`data/expansion.json: no move "${id}".`);
    return hit;
  };
  return {
    cards: [
      { move: move('tencent-go-saudi') },
      { move: move('huawei-north-africa'), figure: pickFigure(figures, 'huawei-north-africa-plan') },
      { move: move('alibaba-cloud'), figure: pickFigure(figures, 'alibaba-cloud-countries') },
    ],
    places: files.places.places,
  };
}

export const chart: ChartModule<GiantsData> = defineFrameChart({
  id: 'giants',
  select,
  table,
  describe: (d, ctx) => ({
    cards: d.cards
      .map((c) => `${c.move.company[ctx.lng]}, ${ctx.format.date(c.move.date)}: ${where(c, d, ctx)}`)
      .join('; '),
  }),
  setup: (d, body) => setup(d, body, wide),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
