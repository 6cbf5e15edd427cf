import { select as selectNode } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import { caveatText, type EventRecord, statusLabel } from './shared/figures';
import { tIn } from './shared/i18n';
import type { ChartBody } from './shared/instance';
import { chartColors, type fontSize, fontSizesFor } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * The six start-ups and what they take abroad. Step 1: the "six little dragons", one card each, by home
 * city. Step 2: the two apps the article names abroad, MiniMax's Talkie and 01.AI's PopAI, each with its
 * status; the other four cards say that the article names no product abroad.
 */

/** Where the cards go: three a row on the slide, two a row on the phone. */
interface Geometry {
  narrow: boolean;
  CARD_W: number;
  CARD_H: number;
  GAP_X: number;
  GAP_Y: number;
  X0: number;
  Y0: number;
  PER_ROW: number;
  /** Inside a card: the text's left edge and each line's baseline. */
  PAD: number;
  NAME_Y: number;
  CITY_Y: number;
  PRODUCT_Y: number;
  NOTE_Y: number;
  NAME_SIZE: keyof typeof fontSize;
}

const wide: Geometry = {
  narrow: false,
  CARD_W: 300,
  CARD_H: 190,
  GAP_X: 30,
  GAP_Y: 40,
  X0: -70,
  Y0: 30,
  PER_ROW: 3,
  PAD: 20,
  NAME_Y: 48,
  CITY_Y: 84,
  PRODUCT_Y: 136,
  NOTE_Y: 170,
  NAME_SIZE: 'value',
};

const narrowSize = { width: 440, height: 570 } as const;
const narrow: Geometry = {
  narrow: true,
  CARD_W: 200,
  CARD_H: 170,
  GAP_X: 16,
  GAP_Y: 16,
  X0: 12,
  Y0: 12,
  PER_ROW: 2,
  PAD: 14,
  NAME_Y: 36,
  CITY_Y: 62,
  PRODUCT_Y: 106,
  NOTE_Y: 134,
  NAME_SIZE: 'label',
};

export type StartupKey = '01ai' | 'baichuan' | 'zhipu' | 'moonshot' | 'minimax' | 'stepfun';

export interface Startup {
  key: StartupKey;
  /** The home city (data/places.json origin id), for the card's second line. */
  city: 'beijing' | 'shanghai';
  /** The events.json id of the product it takes abroad, if the article names one. */
  product?: string;
}

export interface StartupsData {
  startups: Startup[];
  products: EventRecord[];
}

export interface StartupCard {
  key: StartupKey;
  x: number;
  y: number;
  shown: number;
  product: EventRecord | undefined;
  productShown: number;
}

/** Pure layout: three cards a row, the names from step 1, the products from their event's step. */
export function layoutStartups(data: StartupsData, step: number, g: Geometry = wide): StartupCard[] {
  const byId = new Map(data.products.map((p) => [p.id, p]));
  return data.startups.map((s, i) => {
    const product = s.product ? byId.get(s.product) : undefined;
    return {
      key: s.key,
      x: g.X0 + (i % g.PER_ROW) * (g.CARD_W + g.GAP_X),
      y: g.Y0 + Math.floor(i / g.PER_ROW) * (g.CARD_H + g.GAP_Y),
      shown: step >= 1 ? 1 : 0,
      product,
      productShown: step >= (product?.step ?? 2) ? 1 : 0,
    };
  });
}

const mark = (event: EventRecord | undefined): string => (event && event.status === 'U' ? '†' : '');

function describeChart(data: StartupsData, ctx: ChartContext): Record<string, string> {
  const t = ctx.t;
  return {
    names: ctx.format.list(data.startups.map((s) => t(`charts:startups.names.${s.key}`))),
    products: ctx.format.list(
      data.products.map((p) => `${tIn(ctx, 'charts:startups.products', p.id)} (${statusLabel(p, ctx)})`),
    ),
  };
}

function table(data: StartupsData, ctx: ChartContext): ChartTable {
  const t = ctx.t;
  const byId = new Map(data.products.map((p) => [p.id, p]));
  return {
    caption: t('charts:startups.title'),
    head: (['company', 'city', 'product', 'status', 'note'] as const).map((k) =>
      t(`charts:startups.table.${k}`),
    ),
    rows: data.startups.map((s) => {
      const product = s.product ? byId.get(s.product) : undefined;
      return [
        t(`charts:startups.names.${s.key}`),
        t(`charts:startups.cities.${s.city}`),
        product ? tIn(ctx, 'charts:startups.products', product.id) : t('charts:startups.none'),
        product ? statusLabel(product, ctx) : '',
        product ? caveatText(product, ctx) : '',
      ];
    }),
  };
}

function setup(data: StartupsData, body: ChartBody, g: Geometry) {
  const size = fontSizesFor(g.narrow);
  const cards = body
    .append('g')
    .attr('class', 'startup-cards')
    .selectAll('g')
    .data(layoutStartups(data, 0, g))
    .join('g')
    .attr('class', 'startup-card')
    .attr('data-key', (d) => d.key)
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  cards
    .append('rect')
    .attr('width', g.CARD_W)
    .attr('height', g.CARD_H)
    .attr('rx', 10)
    .style('fill', chartColors.land)
    .style('stroke', (d) => (d.product ? chartColors.accent : chartColors.route))
    .style('stroke-width', 2);
  const names = cards
    .append('text')
    .attr('x', g.PAD)
    .attr('y', g.NAME_Y)
    .style('font-size', size[g.NAME_SIZE])
    .style('font-weight', 700);
  const cities = cards
    .append('text')
    .attr('x', g.PAD)
    .attr('y', g.CITY_Y)
    .style('font-size', size.small)
    .style('fill', chartColors.muted);
  const products = cards.append('g').attr('class', 'startup-product');
  const productName = products
    .append('text')
    .attr('x', g.PAD)
    .attr('y', g.PRODUCT_Y)
    .style('font-size', size.value)
    .style('font-weight', 700)
    .style('fill', (d) => (d.product ? chartColors.accent : chartColors.muted));
  const productNote = products
    .append('text')
    .attr('x', g.PAD)
    .attr('y', g.NOTE_Y)
    .style('font-size', size.small)
    .style('fill', chartColors.muted);

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const t = ctx.t;
    const layout = layoutStartups(data, step, g);
    const byKey = new Map(layout.map((c) => [c.key, c]));
    const card = (d: StartupCard) => byKey.get(d.key) ?? d;
    const cityOf = new Map(data.startups.map((s) => [s.key, s.city]));
    names.text((d) => t(`charts:startups.names.${d.key}`));
    cities.text((d) => t(`charts:startups.cities.${cityOf.get(d.key) ?? 'beijing'}`));
    productName.text((d) =>
      d.product ? `→ ${tIn(ctx, 'charts:startups.products', d.product.id)}${mark(d.product)}` : '',
    );
    const small = Number.parseFloat(size.small);
    productNote.each(function note(d) {
      const value = d.product ? tIn(ctx, 'charts:startups.kinds', d.product.id) : t('charts:startups.none');
      // The slide's card keeps its one line (as measured there); the phone's wraps inside the card.
      const room = g.narrow ? g.CARD_W - 2 * g.PAD - 10 : Number.POSITIVE_INFINITY;
      setWrappedText(selectNode(this), value, room, small, small * 1.2);
    });
    return Promise.all([
      stepTransition(cards, animate, (s) => s.style('opacity', (d) => card(d).shown)),
      stepTransition(products, animate, (s) => s.style('opacity', (d) => card(d).productShown)),
    ]).then(() => undefined);
  };
}

function select(files: ValidatedData): StartupsData {
  const products: EventRecord[] = files.events.events.filter((e) => e.chart === 'startups');
  return {
    startups: [
      { key: '01ai', city: 'beijing', product: 'popai' },
      { key: 'baichuan', city: 'beijing' },
      { key: 'zhipu', city: 'beijing' },
      { key: 'moonshot', city: 'beijing' },
      { key: 'minimax', city: 'shanghai', product: 'talkie' },
      { key: 'stepfun', city: 'shanghai' },
    ],
    products,
  };
}

export const chart: ChartModule<StartupsData> = defineFrameChart({
  id: 'startups',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body, wide),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
