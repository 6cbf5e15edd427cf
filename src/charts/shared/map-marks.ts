import type { BaseType, Selection } from 'd3';
import { type Group, mapColors } from './map-base';
import { moveTo, type Schedule, setIfChanged, type Timed } from './map-chart';
import type { PlacedLabel } from './map-labels';

/**
 * The marks the maps animate. Each is drawn once and then only moved between its off and on state,
 * so a step never rebuilds geometry and a language change never touches it: attributes are only written when
 * they change.
 */

interface Mark extends Timed {
  id: string;
  /** Shown at the current step. */
  on: boolean;
}

/** A route leg or arc, drawn with stroke-dashoffset on pathLength="1" (no getTotalLength, so it runs in jsdom). */
export interface StrokeMark extends Mark {
  d: string;
  width?: number;
}

export interface PointMark extends Mark {
  x: number;
  y: number;
  r: number;
  fill?: string;
}

export interface AreaMark extends Mark {
  d: string;
}

export interface LabelMark extends Mark {
  text: string;
}

export function drawStrokes(
  layer: Group,
  marks: readonly StrokeMark[],
  schedule: Schedule,
  ends: Promise<void>[],
): void {
  const legs = layer
    .selectAll<SVGGElement, StrokeMark>('g.map-stroke')
    .data(marks, (d) => d.id)
    .join((enter) =>
      enter
        .append('g')
        .attr('class', 'map-stroke')
        .attr('data-id', (d) => d.id),
    );
  // Two paths per leg: a sea-coloured casing keeps the gold line readable over highlighted countries.
  const paths = legs
    .selectAll<SVGPathElement, StrokeMark>('path')
    .data((d) => [d, d])
    .join((enter) =>
      enter
        .append('path')
        .attr('pathLength', 1)
        // Dash 1, gap 2: offset 1 hides the whole path with room to spare, offset 0 shows it all.
        .attr('stroke-dasharray', '1 2')
        .attr('stroke-dashoffset', 1)
        .attr('fill', 'none')
        .attr('stroke-linecap', 'round')
        .attr('stroke-linejoin', 'round')
        .attr('class', (_, i) => (i === 0 ? 'map-casing' : 'map-line'))
        .attr('stroke', (_, i) => (i === 0 ? mapColors.sea : mapColors.route)),
    );
  attrIfChanged(paths, 'd', (d) => d.d);
  attrIfChanged(paths, 'stroke-width', (d, i) => (d.width ?? 3) + (i === 0 ? 3 : 0));
  moveTo(paths, 'stroke-dashoffset', (d) => (d.on ? 0 : 1), schedule, ends, true);
}

export function drawPoints(
  layer: Group,
  marks: readonly PointMark[],
  schedule: Schedule,
  ends: Promise<void>[],
): void {
  const points = layer
    .selectAll<SVGCircleElement, PointMark>('circle')
    .data(marks, (d) => d.id)
    .join((enter) =>
      enter
        .append('circle')
        .attr('opacity', 0)
        .attr('class', 'map-point')
        .attr('data-id', (d) => d.id)
        .attr('stroke', mapColors.sea)
        .attr('stroke-width', 2),
    );
  attrIfChanged(points, 'cx', (d) => d.x);
  attrIfChanged(points, 'cy', (d) => d.y);
  attrIfChanged(points, 'r', (d) => d.r);
  attrIfChanged(points, 'fill', (d) => d.fill ?? mapColors.route);
  moveTo(points, 'opacity', (d) => (d.on ? 1 : 0), schedule, ends);
}

export function drawAreas(
  layer: Group,
  marks: readonly AreaMark[],
  schedule: Schedule,
  ends: Promise<void>[],
): void {
  const areas = layer
    .selectAll<SVGPathElement, AreaMark>('path')
    .data(marks, (d) => d.id)
    .join((enter) =>
      enter
        .append('path')
        .attr('opacity', 0)
        .attr('class', 'map-area')
        .attr('data-id', (d) => d.id)
        .attr('fill', mapColors.accent)
        .attr('stroke', mapColors.sea)
        .attr('stroke-width', 0.75),
    );
  attrIfChanged(areas, 'd', (d) => d.d);
  moveTo(areas, 'opacity', (d) => (d.on ? 1 : 0), schedule, ends);
}

/** Labels follow their placement at the new step; hidden ones keep their last spot while they fade. */
export function drawLabels(
  layer: Group,
  marks: readonly LabelMark[],
  placed: readonly PlacedLabel[],
  size: number,
  schedule: Schedule,
  ends: Promise<void>[],
): void {
  const spot = new Map(placed.map((p) => [p.id, p]));
  const labels: Selection<SVGTextElement, LabelMark, SVGGElement, unknown> = layer
    .selectAll<SVGTextElement, LabelMark>('text')
    .data(marks, (d) => d.id)
    .join((enter) =>
      enter
        .append('text')
        .attr('opacity', 0)
        .attr('font-size', size)
        .attr('fill', mapColors.ink)
        // A sea-coloured halo keeps text 4.5:1 over land, routes and highlighted countries alike.
        .attr('stroke', mapColors.sea)
        .attr('stroke-width', 4)
        .attr('stroke-linejoin', 'round')
        .attr('paint-order', 'stroke')
        .attr('class', 'map-label')
        .attr('data-id', (d) => d.id),
    );
  labels.each(function move(d) {
    if (this.textContent !== d.text) this.textContent = d.text;
    const at = spot.get(d.id);
    if (!at) return;
    setIfChanged(this, 'x', round(at.x));
    setIfChanged(this, 'y', round(at.y));
    setIfChanged(this, 'text-anchor', at.anchor);
  });
  moveTo(
    labels as Selection<SVGTextElement, LabelMark, BaseType, unknown>,
    'opacity',
    (d) => (d.on ? 1 : 0),
    schedule,
    ends,
  );
}

/**
 * Sets an attribute on each element whose value differs. A map is laid out again at every step and every
 * language switch, and most of its marks come out the same: writing an unchanged `d` would still have the
 * browser parse the path and lay the mark out again.
 */
function attrIfChanged<E extends Element, D, P extends BaseType>(
  selection: Selection<E, D, P, unknown>,
  name: string,
  value: (d: D, i: number) => string | number,
): Selection<E, D, P, unknown> {
  return selection.each(function set(d, i) {
    setIfChanged(this, name, value(d, i));
  });
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
