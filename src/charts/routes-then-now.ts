import { type GeoProjection, geoMercator } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import type { Lng } from '../shared/languages';
import {
  countries,
  headerHeightFor,
  isNarrowFrame,
  type MapPlace,
  type MapText,
  mapColors,
  mapSheet,
  mapTextSizes,
  placeIndex,
  placeOf,
  type Size,
} from './shared/map-base';
import { defineMapChart } from './shared/map-chart';
import type { Move, Region } from './shared/map-expansion';
import { type PlacedLabel, placeLabels, pointBox, type SpotName } from './shared/map-labels';
import {
  type AreaMark,
  drawAreas,
  drawLabels,
  drawPoints,
  drawStrokes,
  type LabelMark,
  type PointMark,
  type StrokeMark,
} from './shared/map-marks';
import type { ChartContext, ChartModule, ChartTable } from './types';
import { type Route, seaWaypoints, shortName } from './voyages-map';

/**
 * The payoff of the frame: the 2024 moves laid over Zheng He's routes. Step 0 is the 1405 course (Nanjing to
 * Calicut); each step then sails the voyages' route to one more port and draws, in the accent colour, the
 * 2024 move that lands near it. The old routes stay gold, the new arcs vermilion, so the two read apart.
 */

// Structural subsets of data/routes.json (validated by src/shared/data-schema.ts at build time).
export interface Echo {
  id: string;
  step: number;
  route: string | null;
  ports: string[];
  now: { move: string; to: string }[];
  regions: string[];
  name: MapText;
}
export interface RoutesData {
  places: MapPlace[];
  routes: Route[];
  moves: Move[];
  regions: Region[];
  start: string;
  echoes: Echo[];
  caveat: MapText;
}

const defaults = {
  size: { width: 1160, height: 540 } satisfies Size,
  /** Morocco to China (lon −12–125, lat −8–42): every port and every 2024 destination on the sheet. */
  extent: [
    [-12, -8],
    [125, 42],
  ] as [number, number][],
  /** The phone's frame: the Indian Ocean, from the Red Sea to the South China Sea; Morocco and China's north
   * fall off the sheet, their arcs leave by its edges. */
  narrow: {
    size: { width: 440, height: 400 } satisfies Size,
    extent: [
      [34, -9],
      [121, 33],
    ] as [number, number][],
  },
  home: 'nanjing',
  msPerUnit: 1.6,
  routeMs: [600, 2200] as const,
  arcMs: 1000,
  fadeMs: 300,
  labels: {
    nanjing: ['right', 'upRight'],
    calicut: ['left', 'downLeft'],
    malacca: ['left', 'downLeft'],
    'kuala-lumpur': ['upLeft', 'left', 'above'],
    hormuz: ['above', 'upRight'],
    jeddah: ['left', 'downLeft'],
    riyadh: ['above', 'upRight', 'upLeft'],
    mogadishu: ['right', 'downRight'],
    malindi: ['left', 'downLeft'],
    marrakech: ['below', 'right'],
    cairo: ['above', 'upLeft'],
  } as Record<string, SpotName[]>,
  /** The voyages map's waypoints that keep a leg at sea. */
  via: seaWaypoints,
};

export interface RoutesLayout {
  size: Size;
  land: string;
  borders: string;
  areas: AreaMark[];
  legs: StrokeMark[];
  arcs: StrokeMark[];
  points: PointMark[];
  labels: LabelMark[];
  placed: PlacedLabel[];
  /** The echo told at this step (none at step 0). */
  echo: Echo | undefined;
}

/**
 * A 2024 arc: a curve bowed to the north of the straight line on the sheet, not a great circle (which would
 * leave the map over Central Asia). It reads as "from China to here", not as a course sailed.
 */
export function bow(from: [number, number], to: [number, number], lift = 0.2, most = 110): string {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  const length = Math.hypot(dx, dy) || 1;
  // The normal that points up the sheet.
  const [nx, ny] = dx >= 0 ? [dy / length, -dx / length] : [-dy / length, dx / length];
  const rise = Math.min(length * lift, most);
  const cx = (from[0] + to[0]) / 2 + nx * rise;
  const cy = (from[1] + to[1]) / 2 + ny * rise;
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(from[0])},${r(from[1])}Q${r(cx)},${r(cy)},${r(to[0])},${r(to[1])}`;
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

const labelSizeFor = (size: Size): number => mapTextSizes(size).label;

/** The picture at `step` in `lng`: pure, so tests and print get exactly what the animation lands on. */
export function layoutRoutes(
  data: RoutesData,
  step: number,
  lng: Lng,
  size: Size = defaults.size,
): RoutesLayout {
  const sheet = mapSheet('routes', size, makeProjection);
  const { projection, path } = sheet;
  const index = placeIndex(data.places);
  const xy = (id: string): [number, number] => {
    const p = placeOf(index, id);
    return projection([p.lon, p.lat]) ?? [0, 0];
  };
  const routeById = new Map(data.routes.map((r) => [r.id, r]));
  const sailed: { route: Route; step: number }[] = [];
  const start = routeById.get(data.start);
  if (start) sailed.push({ route: start, step: 0 });
  for (const echo of data.echoes) {
    const route = echo.route ? routeById.get(echo.route) : undefined;
    if (route) sailed.push({ route, step: echo.step });
  }

  // Zheng He's legs, drawn at constant speed; each port appears when its leg arrives.
  const legs: StrokeMark[] = [];
  const arrival = new Map<string, { step: number; start: number }>([[defaults.home, { step: 0, start: 0 }]]);
  for (const { route, step: at } of sailed) {
    const stops = route.path.map((id) => placeOf(index, id));
    const lines = stops.slice(1).map((to, i) => {
      const from = stops[i]!;
      const coords: [number, number][] = [
        [from.lon, from.lat],
        ...(defaults.via[`${from.id}>${to.id}`] ?? []),
        [to.lon, to.lat],
      ];
      const pts = coords.map((c): [number, number] => projection(c) ?? [0, 0]);
      const length = pts
        .slice(1)
        .reduce((sum, p, k) => sum + Math.hypot(p[0] - pts[k]![0], p[1] - pts[k]![1]), 0);
      return { to, coords, length };
    });
    const total = lines.reduce((sum, l) => sum + l.length, 0) || 1;
    const ms = Math.min(defaults.routeMs[1], Math.max(defaults.routeMs[0], total * defaults.msPerUnit));
    let t = 0;
    lines.forEach((line, i) => {
      const dur = (ms * line.length) / total;
      legs.push({
        id: `${route.id}:${i}`,
        d: path({ type: 'LineString', coordinates: line.coords }),
        step: at,
        start: t,
        dur,
        on: at <= step,
        width: 2.5,
      });
      t += dur;
      if (!arrival.has(line.to.id)) arrival.set(line.to.id, { step: at, start: t });
    });
  }

  // The 2024 side: an arc per move from its home city, after the step's route has arrived.
  const arcs: StrokeMark[] = [];
  const points: PointMark[] = [];
  const areas: AreaMark[] = [];
  const moveById = new Map(data.moves.map((m) => [m.id, m]));
  const regionById = new Map(data.regions.map((r) => [r.id, r]));
  const routeEnd = (at: number): number =>
    Math.max(0, ...legs.filter((l) => l.step === at).map((l) => l.start + l.dur));
  const destinations = new Map<string, { step: number; start: number }>();
  for (const echo of data.echoes) {
    const begin = routeEnd(echo.step);
    echo.now.forEach((now, k) => {
      const move = moveById.get(now.move);
      if (!move) throw new Error(`Map: unknown move id "${now.move}"`);
      const from = placeOf(index, move.from);
      const to = placeOf(index, now.to);
      const arcStart = begin + k * 150;
      arcs.push({
        id: `${echo.id}:${from.id}>${to.id}`,
        d: bow(xy(from.id), xy(to.id)),
        step: echo.step,
        start: arcStart,
        dur: defaults.arcMs,
        on: echo.step <= step,
        width: 3,
      });
      if (!destinations.has(from.id)) destinations.set(from.id, { step: echo.step, start: begin });
      destinations.set(to.id, { step: echo.step, start: arcStart + defaults.arcMs });
    });
    for (const id of echo.regions) {
      for (const code of regionById.get(id)?.countries ?? []) {
        const country = countries.features.find((f) => String(f.id) === code);
        if (!country || areas.some((a) => a.id === code)) continue;
        areas.push({
          id: code,
          d: path(country),
          step: echo.step,
          start: begin,
          dur: defaults.fadeMs,
          on: echo.step <= step,
        });
      }
    }
  }

  for (const [id, at] of arrival) {
    const [x, y] = xy(id);
    const home = id === defaults.home;
    const told = data.echoes.some((e) => e.ports.includes(id));
    points.push({
      id,
      x,
      y,
      r: home || told ? 6 : 3.5,
      fill: home ? mapColors.accent : undefined,
      ...at,
      dur: defaults.fadeMs,
      on: at.step <= step,
    });
  }
  for (const [id, at] of destinations) {
    if (arrival.has(id)) continue;
    const [x, y] = xy(id);
    points.push({ id, x, y, r: 6, fill: mapColors.accent, ...at, dur: defaults.fadeMs, on: at.step <= step });
  }

  // Labels: home, Calicut (the 1405 terminus), each step's ports and 2024 destinations.
  const byId = new Map(points.map((p) => [p.id, p]));
  const mapTop = headerHeightFor(size);
  // On the cropped phone sheet, places off the sheet keep their dot (outside the view) but get no label.
  const inside = (p: PointMark): boolean =>
    p.x >= 0 && p.x <= size.width && p.y >= mapTop && p.y <= size.height;
  const labelled = points.filter((p) => p.id in defaults.labels && inside(p));
  const text = (id: string): string => shortName(placeOf(index, id).name[lng]);
  const labels: LabelMark[] = labelled.map((p) => ({ ...p, text: text(p.id) }));
  const placed = placeLabels(
    labels
      .filter((l) => l.on)
      .map((l) => ({
        id: l.id,
        x: byId.get(l.id)?.x ?? 0,
        y: byId.get(l.id)?.y ?? 0,
        text: l.text,
        prefer: defaults.labels[l.id],
      })),
    {
      size: labelSizeFor(size),
      bounds: { x0: 4, y0: mapTop + 4, x1: size.width - 4, y1: size.height - 4 },
      obstacles: points.filter((p) => p.on).map((p) => pointBox(p.x, p.y, p.r + 1)),
    },
  );
  const { land, borders } = sheet.base;
  return {
    size,
    land,
    borders,
    areas,
    legs,
    arcs,
    points,
    labels,
    placed,
    echo: data.echoes.find((e) => e.step === step),
  };
}

export function routesTable(data: RoutesData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  const index = placeIndex(data.places);
  const name = (id: string): string => placeOf(index, id).name[ctx.lng];
  const moves = new Map(data.moves.map((m) => [m.id, m]));
  return {
    caption: t('maps:routes.title'),
    head: (['step', 'then', 'now'] as const).map((k) => t(`maps:routes.table.${k}`)),
    rows: [...data.echoes]
      .sort((a, b) => a.step - b.step)
      .map((e) => [
        e.name[ctx.lng],
        ctx.format.list(e.ports.map(name)),
        e.now.length > 0
          ? ctx.format.list(
              e.now.map((n) => `${moves.get(n.move)?.company[ctx.lng] ?? n.move} → ${name(n.to)}`),
            )
          : t('maps:routes.table.region'),
      ]),
  };
}

export const chart: ChartModule<RoutesData> = defineMapChart({
  id: 'routes-then-now',
  key: 'routes',
  size: defaults.size,
  narrowSize: defaults.narrow.size,
  select: (files: ValidatedData) => ({
    places: files.places.places,
    routes: files.voyages.routes,
    moves: files.expansion.moves,
    regions: files.expansion.regions,
    start: files.routes.start,
    echoes: files.routes.echoes,
    caveat: files.routes.caveat,
  }),
  table: routesTable,
  layout: layoutRoutes,
  layers: (body) => ({
    areas: body.append('g').attr('class', 'map-areas').attr('aria-hidden', 'true'),
    routes: body.append('g').attr('class', 'map-routes').attr('aria-hidden', 'true'),
    arcs: body.append('g').attr('class', 'map-arcs map-arcs-now').attr('aria-hidden', 'true'),
    points: body.append('g').attr('class', 'map-points').attr('aria-hidden', 'true'),
    labels: body.append('g').attr('class', 'map-labels').attr('aria-hidden', 'true'),
  }),
  badge: (_, layout, ctx) => (layout.echo ? ctx.format.date('2024') : ctx.format.years(1405, 1407)),
  timed: (layout) => [...layout.areas, ...layout.legs, ...layout.arcs, ...layout.points],
  draw(layers, layout, _, schedule, ends) {
    drawAreas(layers.areas, layout.areas, schedule, ends);
    drawStrokes(layers.routes, layout.legs, schedule, ends);
    drawStrokes(layers.arcs, layout.arcs, schedule, ends);
    // The 2024 arcs in vermilion, apart from the gold routes of the voyages.
    layers.arcs.selectAll('.map-line').attr('stroke', mapColors.accent);
    drawPoints(layers.points, layout.points, schedule, ends);
    drawLabels(layers.labels, layout.labels, layout.placed, labelSizeFor(layout.size), schedule, ends);
  },
});
