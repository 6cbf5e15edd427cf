import { type GeoProjection, geoMercator } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import type { Lng } from '../shared/languages';
import {
  headerHeightFor,
  isNarrowFrame,
  type MapPlace,
  mapColors,
  mapSheet,
  mapTextSizes,
  placeIndex,
  placeOf,
  type Size,
} from './shared/map-base';
import { defineMapChart } from './shared/map-chart';
import { type PlacedLabel, placeLabels, pointBox, type SpotName } from './shared/map-labels';
import {
  drawLabels,
  drawPoints,
  drawStrokes,
  type LabelMark,
  type PointMark,
  type StrokeMark,
} from './shared/map-marks';
import type { ChartContext, ChartModule, ChartTable } from './types';

/** Waypoints that keep a leg at sea where the straight great arc would cut across land (routes-then-now too). */
export const seaWaypoints: Record<string, [number, number][]> = {
  'galle>quilon': [[77.9, 7.3]],
  'palembang>malacca': [[105.3, -1.9]],
  'aden>jeddah': [[43.4, 12.7]],
};

const defaults = {
  size: { width: 1160, height: 540 } satisfies Size,
  /** East Africa → China (lon 35–125, lat −10–38): the whole story and nothing more. */
  extent: [
    [35, -10],
    [125, 38],
  ] as [number, number][],
  /** The phone's frame: the routes' own box (Malindi to Nanjing), under a two-row header. */
  narrow: {
    size: { width: 440, height: 470 } satisfies Size,
    extent: [
      [38, -6],
      [127, 33],
    ] as [number, number][],
  },
  home: 'nanjing',
  /** Which voyages each step tells (the routes in data/voyages.json carry the step). */
  stepVoyages: { 0: [1, 2, 3, 4, 5, 6, 7], 1: [1, 2, 3], 2: [4], 3: [5, 6, 7] } as Record<number, number[]>,
  /** Constant drawing speed, within a per-route budget (each step under 5 s, WCAG 2.2.2). */
  msPerUnit: 2.6,
  routeMs: [700, 2800] as const,
  fadeMs: 240,
  /** Ports that get a label, with the spots that keep them clear of their neighbours; others are dots. */
  labels: {
    nanjing: ['right', 'upRight'],
    'qui-nhon': ['right', 'downRight'],
    surabaya: ['below', 'downRight'],
    palembang: ['downLeft', 'left', 'below'],
    malacca: ['left', 'upLeft'],
    galle: ['right', 'below'],
    calicut: ['upRight', 'right', 'above'],
    hormuz: ['upRight', 'above'],
    dhofar: ['upLeft', 'left'],
    aden: ['left', 'downLeft'],
    jeddah: ['left', 'upLeft'],
    maldives: ['right', 'downRight'],
    mogadishu: ['upLeft', 'left'],
    malindi: ['right', 'downRight'],
  } as Record<string, SpotName[]>,
  via: seaWaypoints,
};

// Structural subsets of data/voyages.json (validated by src/shared/data-schema.ts at build time).
export interface Voyage {
  n: number;
  from: number;
  to: number;
  terminus: string;
  stops: string[];
}
export interface Route {
  id: string;
  step: number;
  path: string[];
}
export interface VoyagesData {
  places: MapPlace[];
  voyages: Voyage[];
  routes: Route[];
}

/**
 * The Ming name alone on the map ("Champa", "占城"), so labels stay short in both languages; the table
 * keeps the full "Champa (Qui Nhon)" / "占城（归仁）".
 */
export function shortName(name: string): string {
  return name.replace(/\s*[（(][^（）()]*[）)]\s*$/u, '') || name;
}

function voyagesTable(data: VoyagesData, ctx: ChartContext): ChartTable {
  const index = placeIndex(data.places);
  const name = (id: string): string => placeOf(index, id).name[ctx.lng];
  const { t } = ctx;
  return {
    caption: t('maps:voyages.table.caption'),
    head: (['voyage', 'years', 'terminus', 'stops'] as const).map((k) => t(`maps:voyages.table.${k}`)),
    rows: [...data.voyages]
      .sort((a, b) => a.n - b.n)
      .map((v) => [
        ctx.format.number(v.n),
        ctx.format.years(v.from, v.to),
        name(v.terminus),
        ctx.format.list(v.stops.map(name)),
      ]),
  };
}

export interface VoyagesLayout {
  size: Size;
  land: string;
  borders: string;
  legs: StrokeMark[];
  ports: PointMark[];
  labels: LabelMark[];
  placed: PlacedLabel[];
  years: [number, number];
}

function makeProjection(size: Size): GeoProjection {
  const mapTop = headerHeightFor(size);
  const extent = isNarrowFrame(size) ? defaults.narrow.extent : defaults.extent;
  return geoMercator()
    .fitExtent(
      [
        [12, mapTop + 8],
        [size.width - 12, size.height - 8],
      ],
      { type: 'MultiPoint', coordinates: extent },
    )
    .clipExtent([
      [0, mapTop],
      [size.width, size.height],
    ]);
}

/** The picture at `step` in `lng`: pure, so tests and print get exactly what the animation lands on. */
export function layoutVoyages(
  data: VoyagesData,
  step: number,
  lng: Lng,
  size: Size = defaults.size,
): VoyagesLayout {
  const sheet = mapSheet('voyages', size, makeProjection);
  const { projection, path } = sheet;
  const index = placeIndex(data.places);
  const xy = (c: [number, number]): [number, number] => projection(c) ?? [0, 0];
  const legs: StrokeMark[] = [];
  const arrival = new Map<string, { step: number; start: number }>([[defaults.home, { step: 0, start: 0 }]]);
  const routes = [...data.routes].sort((a, b) => a.step - b.step);
  for (const route of routes) {
    const stops = route.path.map((id) => placeOf(index, id));
    const lines = stops.slice(1).map((to, i) => {
      const from = stops[i]!;
      const coords: [number, number][] = [
        [from.lon, from.lat],
        ...(defaults.via[`${from.id}>${to.id}`] ?? []),
        [to.lon, to.lat],
      ];
      const points = coords.map(xy);
      const length = points
        .slice(1)
        .reduce((sum, p, k) => sum + Math.hypot(p[0] - points[k]![0], p[1] - points[k]![1]), 0);
      return { to, coords, length };
    });
    const total = lines.reduce((sum, l) => sum + l.length, 0) || 1;
    const ms = Math.min(defaults.routeMs[1], Math.max(defaults.routeMs[0], total * defaults.msPerUnit));
    let start = 0;
    if (!arrival.has(route.path[0]!)) arrival.set(route.path[0]!, { step: route.step, start: 0 });
    lines.forEach((line, i) => {
      const dur = (ms * line.length) / total;
      legs.push({
        id: `${route.id}:${i}`,
        d: path({ type: 'LineString', coordinates: line.coords }),
        step: route.step,
        start,
        dur,
        on: route.step <= step,
      });
      start += dur;
      const seen = arrival.get(line.to.id);
      if (!seen || seen.step > route.step) arrival.set(line.to.id, { step: route.step, start });
    });
  }
  const ports: PointMark[] = [...arrival].map(([id, at]) => {
    const [x, y] = xy([placeOf(index, id).lon, placeOf(index, id).lat]);
    const home = id === defaults.home;
    const r = home ? 7 : id in defaults.labels ? 5 : 3.5;
    // Nanjing, where every voyage began, in the accent colour.
    const fill = home ? mapColors.accent : undefined;
    return { id, x, y, r, fill, ...at, dur: defaults.fadeMs, on: at.step <= step };
  });
  const order = [...ports].sort((a, b) => a.step - b.step || a.start - b.start);
  const labelled = order.filter((p) => p.id in defaults.labels);
  const placed = placeLabels(
    labelled
      .filter((p) => p.on)
      .map((p) => ({
        id: p.id,
        x: p.x,
        y: p.y,
        text: shortName(placeOf(index, p.id).name[lng]),
        prefer: defaults.labels[p.id],
      })),
    {
      size: mapTextSizes(size).label,
      bounds: { x0: 4, y0: headerHeightFor(size) + 4, x1: size.width - 4, y1: size.height - 4 },
      obstacles: ports.filter((p) => p.on).map((p) => pointBox(p.x, p.y, p.r + 1)),
    },
  );
  const labels: LabelMark[] = labelled.map((p) => ({
    ...p,
    text: shortName(placeOf(index, p.id).name[lng]),
  }));
  const told = data.voyages.filter((v) => (defaults.stepVoyages[step] ?? []).includes(v.n));
  const years: [number, number] = [Math.min(...told.map((v) => v.from)), Math.max(...told.map((v) => v.to))];
  const { land, borders } = sheet.base;
  return {
    size,
    land,
    borders,
    legs,
    ports,
    labels,
    placed,
    years,
  };
}

export const chart: ChartModule<VoyagesData> = defineMapChart({
  id: 'voyages-map',
  key: 'voyages',
  size: defaults.size,
  narrowSize: defaults.narrow.size,
  select: (files: ValidatedData) => ({
    places: files.places.places,
    voyages: files.voyages.voyages,
    routes: files.voyages.routes,
  }),
  table: voyagesTable,
  layout: layoutVoyages,
  layers: (body) => ({
    routes: body.append('g').attr('class', 'map-routes').attr('aria-hidden', 'true'),
    ports: body.append('g').attr('class', 'map-ports').attr('aria-hidden', 'true'),
    labels: body.append('g').attr('class', 'map-labels').attr('aria-hidden', 'true'),
  }),
  badge: (_, layout, ctx) => ctx.format.years(...layout.years),
  timed: (layout) => [...layout.legs, ...layout.ports],
  draw(layers, layout, _, schedule, ends) {
    drawStrokes(layers.routes, layout.legs, schedule, ends);
    drawPoints(layers.ports, layout.ports, schedule, ends);
    drawLabels(layers.labels, layout.labels, layout.placed, mapTextSizes(layout.size).label, schedule, ends);
  },
});
