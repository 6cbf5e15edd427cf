import { type GeoProjection, geoNaturalEarth1 } from 'd3';
import type { ValidatedData } from '../shared/data-schema';
import type { Lng } from '../shared/languages';
import {
  countries,
  headerHeightFor,
  mapColors,
  mapSheet,
  mapTextSizes,
  placeIndex,
  placeOf,
  type Size,
} from './shared/map-base';
import { defineMapChart } from './shared/map-chart';
import {
  arcMarks,
  type ExpansionData,
  expansionBadge,
  expansionLegend,
  expansionTable,
  expansionYear,
  highlightMarks,
  type Move,
} from './shared/map-expansion';
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
import type { ChartModule } from './types';

export type { ExpansionData } from './shared/map-expansion';

const defaults = {
  size: { width: 1160, height: 540 } satisfies Size,
  /** Centred on the Pacific, like maps printed in China: every arc from China stays on one sheet. */
  centerLon: 150,
  /** The phone's frame: the same Pacific-centred world, under a two-row header. */
  narrowSize: { width: 460, height: 380 } satisfies Size,
  /** The home country, highlighted from the first state. */
  home: ['156'],
  arcMs: 1100,
  staggerMs: 150,
  fadeMs: 400,
  /** Spots that keep labels clear of the crowded East Asian coast; others fall back to any free spot. */
  labels: {
    'origin-beijing': ['upLeft', 'left'],
    'origin-shanghai': ['right', 'upRight'],
    'origin-hangzhou': ['downRight', 'right'],
    'origin-shenzhen': ['downLeft', 'left'],
    riyadh: ['below', 'right'],
    marrakech: ['left', 'above'],
    cairo: ['above', 'upRight'],
    seoul: ['upRight', 'right'],
    'kuala-lumpur': ['downLeft', 'left'],
    manila: ['right', 'downRight'],
    bangkok: ['left', 'upLeft'],
    'mexico-city': ['below', 'right'],
    'los-angeles': ['left', 'above'],
    london: ['upLeft', 'above'],
    singapore: ['downRight', 'below'],
  } as Record<string, SpotName[]>,
};

export interface ExpansionLayout {
  size: Size;
  land: string;
  borders: string;
  areas: AreaMark[];
  arcs: StrokeMark[];
  points: PointMark[];
  labels: LabelMark[];
  placed: PlacedLabel[];
  /** Moves told at this step (none at step 0). */
  moves: Move[];
  /** A highlighted country too small for the 110m map is on, drawn as a dot. */
  smallCountry: boolean;
}

/** Centred on the Pacific and fitted to the world without Antarctica, which would only take room. */
function makeProjection(size: Size): GeoProjection {
  const world = {
    type: 'FeatureCollection' as const,
    features: countries.features.filter((f) => f.id !== '010'),
  };
  return geoNaturalEarth1()
    .rotate([-defaults.centerLon, 0])
    .fitExtent(
      [
        [8, headerHeightFor(size) + 4],
        [size.width - 8, size.height - 4],
      ],
      world,
    );
}

/** The picture at `step` in `lng`: pure, so tests and print get exactly what the animation lands on. */
export function layoutExpansion(
  data: ExpansionData,
  step: number,
  lng: Lng,
  size: Size = defaults.size,
): ExpansionLayout {
  const sheet = mapSheet('expansion', size, makeProjection);
  const { projection, path } = sheet;
  const index = placeIndex(data.places);
  const xy = (id: string): [number, number] => {
    const p = placeOf(index, id);
    return projection([p.lon, p.lat]) ?? [0, 0];
  };
  const moves = [...data.moves].sort((a, b) => a.step - b.step);
  const { areas, points, smallCountry } = highlightMarks(
    data,
    step,
    defaults.home,
    defaults.fadeMs,
    path,
    xy,
  );
  const { arcs, reached } = arcMarks(moves, index, step, defaults, path);
  const origins = [
    ...new Set([
      ...data.places.filter((p) => p.kind === 'origin').map((p) => p.id),
      ...moves.map((m) => m.from),
    ]),
  ];
  const active = new Set(moves.filter((m) => m.step === step).map((m) => m.from));
  const originMarks = origins.map((id) => {
    const [x, y] = xy(id);
    // Origin labels come and go: all at the first state, then only the current group's home city.
    const labelOn = step === 0 || active.has(id);
    return {
      id,
      x,
      y,
      r: 5,
      fill: mapColors.ink,
      step: 0,
      start: 0,
      dur: defaults.fadeMs,
      on: true,
      labelOn,
    };
  });
  const destMarks = [...reached].map(([id, at]) => {
    const [x, y] = xy(id);
    return { id, x, y, r: 5, ...at, dur: defaults.fadeMs, on: at.step <= step };
  });
  points.push(...originMarks, ...destMarks);
  const name = (id: string): string => placeOf(index, id).name[lng];
  // Stable order: destinations as they arrive, then the home cities, so earlier labels never move.
  const labels: LabelMark[] = [
    ...destMarks.map((d) => ({ ...d, text: name(d.id) })),
    ...originMarks.map((o) => ({ ...o, step: Infinity, on: o.labelOn, text: name(o.id) })),
  ];
  const byId = new Map(points.map((p) => [p.id, p]));
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
      size: mapTextSizes(size).label,
      bounds: { x0: 4, y0: headerHeightFor(size) + 4, x1: size.width - 4, y1: size.height - 4 },
      obstacles: [
        ...points.filter((p) => p.on).map((p) => pointBox(p.x, p.y, p.r + 1)),
        expansionLegend.box(size),
      ],
    },
  );
  const { land, borders } = sheet.base;
  return {
    size,
    land,
    borders,
    areas,
    arcs,
    points,
    labels,
    placed,
    moves: moves.filter((m) => m.step === step),
    smallCountry,
  };
}

export const chart: ChartModule<ExpansionData> = defineMapChart({
  id: 'expansion-map',
  key: 'expansion',
  size: defaults.size,
  narrowSize: defaults.narrowSize,
  select: (files: ValidatedData) => ({
    places: files.places.places,
    moves: files.expansion.moves,
    regions: files.expansion.regions,
  }),
  table: expansionTable,
  describe: (data, ctx) => ({ year: expansionYear(data, ctx) }),
  layout: layoutExpansion,
  layers: (body, size) => ({
    areas: body.append('g').attr('class', 'map-areas').attr('aria-hidden', 'true'),
    arcs: body.append('g').attr('class', 'map-arcs').attr('aria-hidden', 'true'),
    points: body.append('g').attr('class', 'map-points').attr('aria-hidden', 'true'),
    labels: body.append('g').attr('class', 'map-labels').attr('aria-hidden', 'true'),
    legend: expansionLegend.draw(body, size),
  }),
  badge: (data, layout, ctx) => expansionBadge(data, layout.moves, ctx),
  timed: (layout) => [...layout.areas, ...layout.arcs, ...layout.points],
  draw(layers, layout, ctx, schedule, ends) {
    expansionLegend.update(layers.legend, layout.moves, layout.smallCountry, ctx);
    drawAreas(layers.areas, layout.areas, schedule, ends);
    drawStrokes(layers.arcs, layout.arcs, schedule, ends);
    drawPoints(layers.points, layout.points, schedule, ends);
    drawLabels(layers.labels, layout.labels, layout.placed, mapTextSizes(layout.size).label, schedule, ends);
  },
});
