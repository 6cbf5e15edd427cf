import { type GeoProjection, geoMercator, geoPath } from 'd3';
import placesFile from '../../data/places.json';
import voyagesFile from '../../data/voyages.json';
import { chartCatalog } from '../shared/catalog';
import type { Lng } from '../shared/languages';
import { translator } from './shared/i18n';
import { createChartInstance } from './shared/instance';
import {
  basePaths,
  drawBase,
  drawHeader,
  mapColors,
  placeIndex,
  placeOf,
  type Size,
  setHeader,
} from './shared/map-base';
import { type PlacedLabel, placeLabels, pointBox, type SpotName } from './shared/map-labels';
import {
  drawLabels,
  drawPoints,
  drawStrokes,
  type LabelMark,
  type PointMark,
  type StrokeMark,
} from './shared/map-marks';
import { makeSchedule, settled } from './shared/map-steps';
import { shortName, type VoyagesData, voyagesTable } from './shared/map-voyages';
import type { ChartContext, ChartInstance, ChartModule } from './types';

const defaults = {
  size: { width: 1160, height: 540 } satisfies Size,
  /** East Africa → China (lon 35–125, lat −10–38): the whole story and nothing more. */
  extent: [
    [35, -10],
    [125, 38],
  ] as [number, number][],
  /** Below the 52-unit header band. */
  mapTop: 56,
  home: 'nanjing',
  /** Which voyages each step tells (the routes in data/voyages.json carry the step). */
  stepVoyages: { 0: [1, 2, 3, 4, 5, 6, 7], 1: [1, 2, 3], 2: [4], 3: [5, 6, 7] } as Record<number, number[]>,
  /** Constant drawing speed, within a per-route budget (each step under 5 s, WCAG 2.2.2). */
  msPerUnit: 2.6,
  routeMs: [700, 2800] as const,
  fadeMs: 240,
  labelSize: 25,
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
  /** Waypoints that keep a leg at sea where the straight great arc would cut across land. */
  via: {
    'galle>quilon': [[77.9, 7.3]],
    'palembang>malacca': [[105.3, -1.9]],
    'aden>jeddah': [[43.4, 12.7]],
  } as Record<string, [number, number][]>,
};

export type { VoyagesData } from './shared/map-voyages';

export interface VoyagesLayout {
  size: Size;
  land: string;
  borders: string;
  legs: StrokeMark[];
  ports: PointMark[];
  labels: LabelMark[];
  placed: PlacedLabel[];
  years: [number, number];
  captionKey: string;
}

function makeProjection(size: Size): GeoProjection {
  return geoMercator()
    .fitExtent(
      [
        [12, defaults.mapTop + 8],
        [size.width - 12, size.height - 8],
      ],
      { type: 'MultiPoint', coordinates: defaults.extent },
    )
    .clipExtent([
      [0, defaults.mapTop],
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
  const projection = makeProjection(size);
  const path = geoPath(projection).digits(1);
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
        d: path({ type: 'LineString', coordinates: line.coords }) ?? '',
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
      size: defaults.labelSize,
      bounds: { x0: 4, y0: defaults.mapTop + 4, x1: size.width - 4, y1: size.height - 4 },
      obstacles: ports.filter((p) => p.on).map((p) => pointBox(p.x, p.y, p.r + 1)),
    },
  );
  const labels: LabelMark[] = labelled.map((p) => ({
    ...p,
    text: shortName(placeOf(index, p.id).name[lng]),
  }));
  const told = data.voyages.filter((v) => (defaults.stepVoyages[step] ?? []).includes(v.n));
  const years: [number, number] = [Math.min(...told.map((v) => v.from)), Math.max(...told.map((v) => v.to))];
  const { land, borders } = basePaths(`voyages:${size.width}x${size.height}`, projection);
  return {
    size,
    land,
    borders,
    legs,
    ports,
    labels,
    placed,
    years,
    captionKey: `maps:voyages.steps.${step}`,
  };
}

function mountVoyages(el: HTMLElement, data: VoyagesData, ctx: ChartContext): ChartInstance {
  const size = defaults.size;
  return createChartInstance({
    el,
    ctx,
    steps: chart.steps,
    ...size,
    titleKey: 'maps:voyages.title',
    descKey: 'maps:voyages.desc',
    table: (c) => voyagesTable(data, c),
    setup(body) {
      drawBase(body, size, layoutVoyages(data, 0, ctx.lng, size));
      const routeLayer = body.append('g').attr('class', 'map-routes').attr('aria-hidden', 'true');
      const portLayer = body.append('g').attr('class', 'map-ports').attr('aria-hidden', 'true');
      const labelLayer = body.append('g').attr('class', 'map-labels').attr('aria-hidden', 'true');
      const header = drawHeader(body, size);
      let shown = 0;
      return (n, c, animate) => {
        const model = layoutVoyages(data, n, c.lng, size);
        const t = translator(c);
        setHeader(header, size, t('maps:voyages.title'), t(model.captionKey), c.format.years(...model.years));
        const schedule = animate ? makeSchedule([...model.legs, ...model.ports], shown, n) : null;
        const ends: Promise<void>[] = [];
        drawStrokes(routeLayer, model.legs, schedule, ends);
        drawPoints(portLayer, model.ports, schedule, ends);
        drawLabels(labelLayer, model.labels, model.placed, defaults.labelSize, schedule, ends);
        shown = n;
        return settled(ends);
      };
    },
  });
}

export const chart: ChartModule<VoyagesData> = {
  id: 'voyages-map',
  steps: chartCatalog['voyages-map'].steps,
  data: { places: placesFile.places, voyages: voyagesFile.voyages, routes: voyagesFile.routes },
  mount: mountVoyages,
  table: voyagesTable,
};
