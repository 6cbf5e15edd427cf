import { geoMercator, geoPath } from 'd3';
import { describe, expect, it, vi } from 'vitest';
import { countries, mapSheet, type Size } from '../../../../src/charts/shared/map-base';

const mercatorFor = (size: Size) =>
  geoMercator().fitSize([size.width, size.height], { type: 'Sphere' }).precision(0.5);

describe('mapSheet', () => {
  it('makes the projection once per map and frame size', () => {
    const project = vi.fn(mercatorFor);
    const a = mapSheet('test-once', { width: 400, height: 200 }, project);
    const b = mapSheet('test-once', { width: 400, height: 200 }, project);
    const c = mapSheet('test-once', { width: 300, height: 200 }, project);
    const d = mapSheet('test-other', { width: 400, height: 200 }, project);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
    expect(project).toHaveBeenCalledTimes(3);
  });

  it("draws a shape as d3's path at one decimal would, and the same shape once", () => {
    const size = { width: 640, height: 320 };
    // Counts the projections: d3's path projects a shape through the projection's stream.
    let projected = 0;
    const counted = (frame: Size) => {
      const projection = mercatorFor(frame);
      const stream = projection.stream.bind(projection);
      projection.stream = (output) => {
        projected += 1;
        return stream(output);
      };
      return projection;
    };
    const sheet = mapSheet('test-draw', size, counted);
    const reference = geoPath(mercatorFor(size)).digits(1);
    const country = countries.features.find((f) => String(f.id) === '156');
    expect(country).toBeDefined();
    if (!country) return;
    const first = sheet.path(country);
    expect(first).toBe(reference(country));
    expect(first.length).toBeGreaterThan(100);

    // Remembered by identity: the same country is not projected again.
    expect(projected).toBe(1);
    expect(sheet.path(country)).toBe(first);
    expect(projected).toBe(1);

    // A line built afresh is a new object, drawn afresh.
    const line = {
      type: 'LineString' as const,
      coordinates: [[100, 20] as [number, number], [120, 30] as [number, number]],
    };
    expect(sheet.path(line)).toBe(reference(line));
    expect(projected).toBe(2);
  });

  it('draws the land and borders once, on first use', () => {
    const sheet = mapSheet('test-base', { width: 500, height: 250 }, mercatorFor);
    const base = sheet.base;
    expect(base.land.startsWith('M')).toBe(true);
    expect(base.borders.startsWith('M')).toBe(true);
    expect(sheet.base).toBe(base);
  });
});
