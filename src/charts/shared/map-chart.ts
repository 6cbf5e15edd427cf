/**
 * What the two maps share around their own story, as the framed charts share defineFrameChart: the module, the
 * frame, the base map, the header (title, caption per step, badge) and the step timing. Every mark knows the
 * step it belongs to and when, inside that step's animation, it starts and how long it runs. Going forward,
 * steps play one after another; going back, the same timeline plays mirrored at double speed, so legs undraw
 * last-first.
 */
import { type BaseType, easeCubicInOut, easeLinear, interrupt, type Selection } from 'd3';
import { type ChartId, chartCatalog } from '../../shared/catalog';
import type { ValidatedData } from '../../shared/data-schema';
import type { Lng } from '../../shared/languages';
import type { ChartContext, ChartModule, ChartTable } from '../types';
import type { FrameChartId } from './define';
import { type ChartKey, tIn } from './i18n';
import { createChartInstance } from './instance';
import { drawBase, drawHeader, type Group, type Size, setHeader } from './map-base';
import { STEP_TRANSITION } from './transition';

export interface Timed {
  /** The step at which the mark appears; Infinity for marks that come and go (they just fade). */
  step: number;
  /** ms from the start of its step's animation. */
  start: number;
  dur: number;
}

export interface Timing {
  delay: number;
  duration: number;
}

/** When each mark moves at this step; null: jump (no animation). */
export type Schedule = ((item: Timed) => Timing) | null;

const backSpeed = 0.5;
/** Marks outside the played steps (e.g. half-drawn when a newer step interrupted them) settle this fast. */
const settleMs = 250;

function makeSchedule(items: readonly Timed[], from: number, to: number): (item: Timed) => Timing {
  const blocks = new Map<number, number>();
  for (const item of items) {
    if (Number.isFinite(item.step)) {
      blocks.set(item.step, Math.max(blocks.get(item.step) ?? 0, item.start + item.dur));
    }
  }
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const offset = (step: number): number => {
    let sum = 0;
    for (const [s, length] of blocks) if (s > lo && s < step) sum += length;
    return sum;
  };
  const total = offset(hi + 1);
  return (item) => {
    if (!(item.step > lo && item.step <= hi)) return { delay: 0, duration: settleMs };
    const forward = offset(item.step) + item.start;
    if (to > from) return { delay: forward, duration: item.dur };
    return { delay: (total - forward - item.dur) * backSpeed, duration: item.dur * backSpeed };
  };
}

/**
 * Moves each element's attribute to its value at the new step: with the named 'step' transition when
 * animating (interrupting any older one), else at once, leaving no timers behind. Unlike the shared
 * stepTransition, every element gets its own delay and duration, so legs can chain at constant speed.
 */
export function moveTo<E extends Element, D extends Timed, P extends BaseType>(
  sel: Selection<E, D, P, unknown>,
  attr: string,
  target: (d: D) => number,
  timing: ((d: D) => Timing) | null,
  ends: Promise<void>[],
  linear = false,
): void {
  // interrupt() imported by name: d3 is side-effect free for bundlers, so a chart that only calls
  // selection.transition() could lose d3-transition's prototype patch in a production build.
  sel.each(function stop() {
    interrupt(this, STEP_TRANSITION);
  });
  if (!timing) {
    // At once (a relabel, a jump, print): most marks are already where they belong, and writing an unchanged
    // value would still restyle and repaint them.
    sel.each(function set(d) {
      setIfChanged(this, attr, target(d));
    });
    return;
  }
  const transition = sel
    .transition(STEP_TRANSITION)
    .delay((d) => timing(d).delay)
    .duration((d) => timing(d).duration)
    .ease(linear ? easeLinear : easeCubicInOut)
    .attr(attr, target);
  // end() rejects when a newer step interrupts: that is not an error for the caller.
  ends.push(transition.end().catch(() => undefined));
}

/** Writes an attribute only when its value differs: the browser restyles and repaints a mark on every write. */
export function setIfChanged(element: Element, name: string, value: string | number): void {
  const next = String(value);
  if (element.getAttribute(name) !== next) element.setAttribute(name, next);
}

function settled(ends: readonly Promise<void>[]): Promise<void> {
  return Promise.all(ends).then(() => undefined);
}

/** The maps: the charts that are not framed. */
export type MapChartId = Exclude<ChartId, FrameChartId>;
/** A map's group of strings in maps.json: `maps:<key>.title`, `.desc`, `.steps.<n>`. */
export type MapKey = { [Key in ChartKey]: Key extends `maps:${infer Map}.title` ? Map : never }[ChartKey];

/** The picture at a step: at least the base map's paths. */
export interface MapLayout {
  land: string;
  borders: string;
}

/** What a map provides; defineMapChart wraps it in the module every map has. */
export interface MapChartSpec<Data, Layout extends MapLayout, Layers> {
  id: MapChartId;
  key: MapKey;
  size: Size;
  /** The phone's frame (ctx.width 'narrow'): the layout fits the projection and the header to it. */
  narrowSize?: Size;
  /** The map's part of the validated data files. */
  select(files: ValidatedData): Data;
  table(data: Data, ctx: ChartContext): ChartTable;
  /** Values for the translated description (`maps:<key>.desc`). */
  describe?(data: Data, ctx: ChartContext): Record<string, string>;
  /** The picture at `step` in `lng`: pure, so tests and print get exactly what the animation lands on. */
  layout(data: Data, step: number, lng: Lng, size: Size): Layout;
  /** Appends the map's layers over the base map, once (the header goes on top of them). */
  layers(body: Group, size: Size): Layers;
  /** The badge text at the top right (years, a date). */
  badge(data: Data, layout: Layout, ctx: ChartContext): string;
  /** The marks whose timing the schedule orders. */
  timed(layout: Layout): readonly Timed[];
  /** Moves the layers to `layout`, pushing each running transition's end onto `ends`. */
  draw(layers: Layers, layout: Layout, ctx: ChartContext, schedule: Schedule, ends: Promise<void>[]): void;
}

/**
 * A map module from its parts: the step count from the catalog, the title, description and per-step caption
 * from `maps:<key>.…`, the base map drawn once, and each step drawn through the shared schedule.
 */
export function defineMapChart<Data, Layout extends MapLayout, Layers>(
  spec: MapChartSpec<Data, Layout, Layers>,
): ChartModule<Data> {
  const { id, key } = spec;
  const steps = chartCatalog[id].steps;
  return {
    id,
    steps,
    select: spec.select,
    table: spec.table,
    mount: (el, data, ctx) => {
      const size = ctx.width === 'narrow' && spec.narrowSize ? spec.narrowSize : spec.size;
      return createChartInstance({
        el,
        ctx,
        steps,
        ...size,
        titleKey: `maps:${key}.title`,
        descKey: `maps:${key}.desc`,
        descValues: spec.describe && ((next) => spec.describe?.(data, next) ?? {}),
        table: (next) => spec.table(data, next),
        setup(body) {
          drawBase(body, size, spec.layout(data, 0, ctx.lng, size));
          const layers = spec.layers(body, size);
          const header = drawHeader(body, size);
          let shown = 0;
          return (n, c, animate) => {
            const layout = spec.layout(data, n, c.lng, size);
            const caption = tIn(c, `maps:${key}.steps`, n);
            setHeader(header, size, c.t(`maps:${key}.title`), caption, spec.badge(data, layout, c));
            const schedule = animate ? makeSchedule(spec.timed(layout), shown, n) : null;
            const ends: Promise<void>[] = [];
            spec.draw(layers, layout, c, schedule, ends);
            shown = n;
            return settled(ends);
          };
        },
      });
    },
  };
}
