import type { GeoPermissibleObjects } from 'd3';
import type { ChartContext, ChartTable } from '../types';
import { caveatText, statusLabel } from './figures';
import {
  countryById,
  type Group,
  isNarrowFrame,
  type MapPlace,
  type MapText,
  mapColors,
  mapTextSizes,
  placeIndex,
  placeOf,
  type Size,
} from './map-base';
import { type Box, textWidth } from './map-labels';
import type { AreaMark, PointMark, StrokeMark } from './map-marks';

// Structural subsets of data/expansion.json (validated by src/shared/data-schema.ts at build time).
export interface Move {
  id: string;
  step: number;
  company: MapText;
  what: MapText;
  from: string;
  to: string[];
  date: string;
  status: string;
  caveat?: MapText;
}
export interface Region {
  id: string;
  step: number;
  name: MapText;
  countries: string[];
}
export interface ExpansionData {
  places: MapPlace[];
  moves: Move[];
  regions: Region[];
}

const rows = 3;

/** The legend's text size, row height and widest extent: the slide's, or the phone's narrow frame's. */
interface LegendLook {
  text: number;
  row: number;
  right: number;
}
/** Each drawn legend's look, for update() (which is not given the frame's size). */
const legendLooks = new WeakMap<Element, LegendLook>();

function legendLook(size: Size): LegendLook {
  const text = mapTextSizes(size).legend;
  return isNarrowFrame(size) ? { text, row: 28, right: 380 } : { text, row: 34, right: 480 };
}

/**
 * What the expansion map needs besides its layout: the data shapes, the legend, the badge and the table.
 */

/**
 * The expansion map's legend: who moves at this step (the arcs), what the fill means, and the dot used
 * for countries too small for the world file. Bottom left, over the South Atlantic, where nothing is labelled.
 */
export const expansionLegend = {
  /** The space the legend may take, kept free of place labels. */
  box(size: Size): Box {
    const look = legendLook(size);
    return { x0: 8, y0: size.height - 8 - rows * look.row - 8, x1: look.right, y1: size.height - 8 };
  },

  draw(body: Group, size: Size): Group {
    const box = expansionLegend.box(size);
    const look = legendLook(size);
    const legend = body
      .append('g')
      .attr('class', 'map-legend')
      .attr('aria-hidden', 'true')
      .attr('transform', `translate(${box.x0 + 8},${box.y0 + 8})`);
    legend
      .append('rect')
      .attr('class', 'map-legend-bg')
      .attr('x', -8)
      .attr('y', -6)
      .attr('rx', 6)
      .attr('fill', mapColors.sea)
      .attr('opacity', 0.88);
    const node = legend.node();
    if (node) legendLooks.set(node, look);
    for (let i = 0; i < rows; i += 1) {
      const row = legend
        .append('g')
        .attr('class', `map-legend-row row-${i}`)
        .attr('transform', `translate(0,${i * look.row})`);
      row
        .append('line')
        .attr('x1', 0)
        .attr('x2', 22)
        .attr('y1', 10)
        .attr('y2', 10)
        .attr('stroke', mapColors.route)
        .attr('stroke-width', 3);
      row
        .append('circle')
        .attr('cx', 11)
        .attr('cy', 10)
        .attr('r', 5)
        .attr('stroke', mapColors.sea)
        .attr('stroke-width', 2);
      row
        .append('rect')
        .attr('x', 3)
        .attr('y', 2)
        .attr('width', 16)
        .attr('height', 16)
        .attr('fill', mapColors.accent);
      row
        .append('text')
        .attr('x', 32)
        .attr('y', look.text < 25 ? 16 : 19)
        .attr('font-size', look.text)
        .attr('fill', mapColors.ink);
    }
    return legend;
  },

  /** Texts for this step in ctx's language; swatches switched by display so nothing animates here. */
  update(legend: Group, moves: readonly Move[], smallCountry: boolean, ctx: ChartContext): void {
    const { t } = ctx;
    const companies = [...new Set(moves.map((m) => m.company[ctx.lng]))];
    const entries: { kind: 'line' | 'dot' | 'square' | 'accentDot'; text: string }[] = [
      companies.length > 0
        ? { kind: 'line', text: ctx.format.list(companies) }
        : { kind: 'dot', text: t('maps:expansion.legend.origin') },
      {
        kind: 'square',
        text: t(companies.length > 0 ? 'maps:expansion.legend.highlight' : 'maps:expansion.legend.home'),
      },
    ];
    if (smallCountry) entries.push({ kind: 'accentDot', text: t('maps:expansion.legend.place') });
    // The frame's sizes, as draw() set them.
    const node = legend.node();
    const look = node ? legendLooks.get(node) : undefined;
    // Only a legend draw() made is updated.
    if (!look) return;
    const { text: legendSize, row: rowHeight } = look;
    let width = 0;
    legend.selectAll<SVGGElement, unknown>('.map-legend-row').each(function setRow(_, i) {
      const entry = entries[i];
      this.setAttribute('display', entry ? 'inline' : 'none');
      if (!entry) return;
      const show = (selector: string, on: boolean): void =>
        this.querySelector(selector)?.setAttribute('display', on ? 'inline' : 'none');
      show('line', entry.kind === 'line');
      show('circle', entry.kind === 'dot' || entry.kind === 'accentDot');
      show('rect', entry.kind === 'square');
      this.querySelector('circle')?.setAttribute(
        'fill',
        entry.kind === 'dot' ? mapColors.ink : mapColors.accent,
      );
      const text = this.querySelector('text');
      if (text) text.textContent = entry.text;
      width = Math.max(width, 32 + textWidth(entry.text, legendSize));
    });
    legend
      .select('.map-legend-bg')
      .attr('width', Math.round(width + 16))
      .attr('height', entries.length * rowHeight + 6);
  },
};

/** The year the moves are from, for the description and caption ("2024" / "2024年"). */
export function expansionYear(data: ExpansionData, ctx: ChartContext): string {
  const first = [...data.moves].map((m) => m.date).sort()[0] ?? '';
  return first ? ctx.format.date(first.slice(0, 4)) : '';
}

/** The badge: the date of this step's moves, or their common year when they differ. */
export function expansionBadge(data: ExpansionData, moves: readonly Move[], ctx: ChartContext): string {
  const dates = [...new Set(moves.map((m) => m.date))];
  if (dates.length === 1) return ctx.format.date(dates[0]!);
  return expansionYear(data, ctx);
}

export function expansionTable(data: ExpansionData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  const index = placeIndex(data.places);
  const name = (id: string): string => placeOf(index, id).name[ctx.lng];
  return {
    caption: t('maps:expansion.table.caption', { year: expansionYear(data, ctx) }),
    head: (['company', 'what', 'from', 'to', 'date', 'status', 'note'] as const).map((k) =>
      t(`maps:expansion.table.${k}`),
    ),
    rows: [...data.moves]
      .sort((a, b) => a.step - b.step)
      .map((m) => [
        m.company[ctx.lng],
        m.what[ctx.lng],
        name(m.from),
        ctx.format.list(m.to.map(name)),
        ctx.format.date(m.date),
        statusLabel(m, ctx),
        caveatText(m, ctx),
      ]),
  };
}

type GeoPathFn = (object: GeoPermissibleObjects) => string | null;

/**
 * Highlighted countries: home from the first state, then each region from its step (the earliest if a
 * country is listed twice). Countries missing at 110m (Singapore, Maldives, Bahrain) become accent dots
 * at a place we know there.
 */
export function highlightMarks(
  data: ExpansionData,
  step: number,
  home: readonly string[],
  fadeMs: number,
  path: GeoPathFn,
  xy: (placeId: string) => [number, number],
): { areas: AreaMark[]; points: PointMark[]; smallCountry: boolean } {
  const since = new Map<string, number>(home.map((id) => [id, 0]));
  for (const region of data.regions) {
    for (const id of region.countries) since.set(id, Math.min(since.get(id) ?? Infinity, region.step));
  }
  const areas: AreaMark[] = [];
  const points: PointMark[] = [];
  let smallCountry = false;
  for (const [id, from] of since) {
    const mark = { id, step: from, start: 0, dur: fadeMs, on: from <= step };
    const country = countryById(id);
    if (country) {
      areas.push({ ...mark, d: path(country) ?? '' });
      continue;
    }
    const place = data.places.find((p) => p.country === id);
    if (!place) continue;
    const [x, y] = xy(place.id);
    points.push({ ...mark, id: `country-${id}`, x, y, r: 6, fill: mapColors.accent });
    smallCountry ||= mark.on;
  }
  return { areas, points, smallCountry };
}

/**
 * One great-circle arc per origin → destination, staggered within its step; two companies from the same
 * city to the same market share one arc. `reached` says when each destination's dot appears.
 */
export function arcMarks(
  moves: readonly Move[],
  index: Map<string, MapPlace>,
  step: number,
  timing: { arcMs: number; staggerMs: number },
  path: GeoPathFn,
): { arcs: StrokeMark[]; reached: Map<string, { step: number; start: number }> } {
  const arcs: StrokeMark[] = [];
  const reached = new Map<string, { step: number; start: number }>();
  const perStep = new Map<number, number>();
  for (const move of moves) {
    const from = placeOf(index, move.from);
    for (const to of move.to.map((id) => placeOf(index, id))) {
      const id = `${move.step}:${from.id}>${to.id}`;
      if (arcs.some((a) => a.id === id)) continue;
      const k = perStep.get(move.step) ?? 0;
      perStep.set(move.step, k + 1);
      const start = k * timing.staggerMs;
      const coordinates = [
        [from.lon, from.lat],
        [to.lon, to.lat],
      ];
      const d = path({ type: 'LineString', coordinates }) ?? '';
      arcs.push({ id, d, step: move.step, start, dur: timing.arcMs, on: move.step <= step, width: 2.5 });
      if (!reached.has(to.id)) reached.set(to.id, { step: move.step, start: start + timing.arcMs });
    }
  }
  return { arcs, reached };
}
