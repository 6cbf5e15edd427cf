import { type GeoPermissibleObjects, type GeoProjection, geoPath, type Selection } from 'd3';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type {
  GeometryCollection,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from 'topojson-specification';
import worldJson from 'world-atlas/countries-110m.json';
import { textWidth } from './map-labels';
import { chartColors } from './tokens';

/**
 * What the two maps share: the Natural Earth 110m world (bundled, no network), the map palette, the
 * data shapes they read and the SVG frame. Kept apart so each map file is only its own story.
 */

// Structural subsets of the data files (src/shared/data-schema.ts validates them at build time). Loose
// string/number fields: the validated data from virtual:data fits them as it is.
export interface MapText {
  en: string;
  zh: string;
}
export interface MapPlace {
  id: string;
  name: MapText;
  lon: number;
  lat: number;
  country: string;
  kind: string;
}

type CountryProps = { name: string };
type World = Topology<{ countries: GeometryCollection<CountryProps> }>;
export type Country = Feature<Polygon | MultiPolygon, CountryProps>;

const world = worldJson as unknown as World;
export const countries = feature(world, world.objects.countries) as FeatureCollection<
  Polygon | MultiPolygon,
  CountryProps
>;
/** All land but Antarctica, which neither map shows (and which would only take room at the bottom). */
export const land: MultiPolygon = merge(
  world,
  world.objects.countries.geometries.filter(
    (g): g is TopoPolygon<CountryProps> | TopoMultiPolygon<CountryProps> =>
      g.id !== '010' && (g.type === 'Polygon' || g.type === 'MultiPolygon'),
  ),
);
/** Interior borders, each shared arc once: one path instead of 177. */
export const borders: MultiLineString = mesh(world, world.objects.countries, (a, b) => a !== b);

/** ids are ISO 3166-1 numeric strings ("050"): compare as strings. */
export function countryById(id: string): Country | undefined {
  return countries.features.find((f) => String(f.id) === id);
}

/**
 * The shared theme colours (CSS variables with fallbacks). With the theme's values: route gold 7.7:1 on
 * sea, 5.7:1 on land; accent 4.9:1 on sea, 3.6:1 on land. Routes and arcs get a sea-coloured casing so they
 * also stand out where they cross accent-filled countries.
 */
export const mapColors = chartColors;

export interface Size {
  width: number;
  height: number;
}

/** A map's drawing at one frame size: its projection, and the paths that stay the same from step to step. */
export interface MapSheet {
  readonly projection: GeoProjection;
  /**
   * The path of a shape, remembered by the shape's identity: a country's outline (hundreds of points) is projected
   * once. A line built afresh for each layout (a route, an arc) is a new object, so it is drawn afresh.
   */
  path(shape: GeoPermissibleObjects): string;
  /** The land and the borders, drawn the first time they are asked for. */
  readonly base: { land: string; borders: string };
}

const sheets = new Map<string, MapSheet>();

/**
 * The sheet of map `map` at `size`, made once: fitting a projection can project every country (about 10 ms), and
 * each step and each relabel lays the map out again with the same projection and the same outlines. `project`
 * makes the projection the first time.
 */
export function mapSheet(map: string, size: Size, project: (size: Size) => GeoProjection): MapSheet {
  const key = `${map}:${size.width}x${size.height}`;
  const hit = sheets.get(key);
  if (hit) return hit;
  const projection = project(size);
  const draw = geoPath(projection).digits(1);
  const drawn = new WeakMap<GeoPermissibleObjects, string>();
  let base: MapSheet['base'] | undefined;
  const sheet: MapSheet = {
    projection,
    path(shape) {
      let d = drawn.get(shape);
      if (d === undefined) {
        d = draw(shape) ?? '';
        drawn.set(shape, d);
      }
      return d;
    },
    get base() {
      base ??= { land: draw(land) ?? '', borders: draw(borders) ?? '' };
      return base;
    },
  };
  sheets.set(key, sheet);
  return sheet;
}

export function placeIndex(places: readonly MapPlace[]): Map<string, MapPlace> {
  return new Map(places.map((p) => [p.id, p]));
}

/** The place, or a clear error naming the missing id (the build validates ids; this guards hand-made data). */
export function placeOf(index: Map<string, MapPlace>, id: string): MapPlace {
  const place = index.get(id);
  if (!place) throw new Error(`Map: unknown place id "${id}"`);
  return place;
}

export type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Sea, land and borders: the still part of every map. */
export function drawBase(body: Group, size: Size, paths: { land: string; borders: string }): void {
  // The base map has no text, so it has no language: with its own (lang="und", undetermined) it keeps the same
  // style when the slide's language changes, and the browser does not lay out the world's outlines again (their
  // stroke's bounds were most of what a switch cost on a map slide).
  const base = body.append('g').attr('class', 'map-base').attr('aria-hidden', 'true').attr('lang', 'und');
  base
    .append('rect')
    .attr('class', 'map-sea')
    .attr('width', size.width)
    .attr('height', size.height)
    .attr('fill', mapColors.sea);
  base.append('path').attr('class', 'map-land').attr('d', paths.land).attr('fill', mapColors.land);
  base
    .append('path')
    .attr('class', 'map-borders')
    .attr('d', paths.borders)
    .attr('fill', 'none')
    .attr('stroke', mapColors.sea)
    .attr('stroke-width', 0.75);
}

/** A frame this narrow (the phone's) has its header on two rows: the caption goes under the title. */
export const isNarrowFrame = (size: Size): boolean => size.width < 600;

/**
 * A map's text sizes in viewBox units. The slide's are read from the back of a room; the phone's narrow frame
 * (about 440 units shown 360 px wide) keeps its own, smaller ones, which stay ≥ 12 px on screen and leave the
 * frame room for the map.
 */
export function mapTextSizes(size: Size): {
  title: number;
  caption: number;
  badge: number;
  label: number;
  legend: number;
} {
  return isNarrowFrame(size)
    ? { title: 22, caption: 20, badge: 20, label: 18, legend: 18 }
    : { title: 26, caption: 25, badge: 25, label: 25, legend: 25 };
}

/** The header band's height: where the map starts. */
export function headerHeightFor(size: Size): number {
  return isNarrowFrame(size) ? 84 : 56;
}

/** Title (left), caption and a badge (right) in a band above the map; on a narrow frame the caption is below. */
export function drawHeader(body: Group, size: Size): Group {
  const text = mapTextSizes(size);
  // The badge's pill, around its text's size.
  const pill = isNarrowFrame(size) ? { y: 9, height: 34, textY: 33 } : { y: 8, height: 40, textY: 36 };
  const header = body.append('g').attr('class', 'map-header').attr('aria-hidden', 'true');
  header
    .append('rect')
    .attr('width', size.width)
    .attr('height', headerHeightFor(size))
    .attr('fill', mapColors.sea);
  header
    .append('text')
    .attr('class', 'map-title')
    .attr('x', 16)
    .attr('y', 35)
    .attr('font-size', text.title)
    .attr('font-weight', 700)
    .attr('fill', mapColors.ink);
  header
    .append('text')
    .attr('class', 'map-caption')
    .attr('y', 37)
    .attr('text-anchor', 'end')
    .attr('font-size', text.caption)
    .attr('fill', mapColors.ink);
  const badge = header.append('g').attr('class', 'map-badge');
  badge
    .append('rect')
    .attr('y', pill.y)
    .attr('height', pill.height)
    .attr('rx', pill.height / 2)
    .attr('fill', 'none')
    .attr('stroke', mapColors.route)
    .attr('stroke-width', 2);
  badge
    .append('text')
    .attr('y', pill.textY)
    .attr('text-anchor', 'middle')
    .attr('font-size', text.badge)
    .attr('font-weight', 700)
    .attr('fill', mapColors.route);
  return header;
}

/** Texts are set at once on every step and language change; the badge grows with its text. */
export function setHeader(header: Group, size: Size, title: string, caption: string, badge: string): void {
  const badgeWidth = Math.round(textWidth(badge, mapTextSizes(size).badge, true) + 32);
  const badgeX = size.width - 12 - badgeWidth;
  // On a narrow frame the badge moves down to the caption's row, leaving the title the whole first row.
  header.select('.map-badge').attr('transform', isNarrowFrame(size) ? 'translate(0,36)' : null);
  header.select('.map-title').text(title);
  const narrow = isNarrowFrame(size);
  header
    .select('.map-caption')
    .attr('x', narrow ? 16 : badgeX - 14)
    .attr('y', narrow ? 70 : 34)
    .attr('text-anchor', narrow ? 'start' : 'end')
    .text(caption);
  header.select('.map-badge rect').attr('x', badgeX).attr('width', badgeWidth);
  header
    .select('.map-badge text')
    .attr('x', badgeX + badgeWidth / 2)
    .text(badge);
}
