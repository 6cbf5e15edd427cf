// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutRoutes } from '../../../src/charts/routes-then-now';
import { chartCatalog } from '../../../src/shared/catalog';
import {
  dataOf,
  drawnStrokes,
  geometryOf,
  geometryWrites,
  labelTexts,
  lngs,
  mapContext,
  newFigure,
  normalisedSvg,
  visible,
} from './map-harness';

const data = dataOf(chart);

const on = (step: number) => {
  const model = layoutRoutes(data, step, 'en');
  return {
    legs: model.legs.filter((l) => l.on).length,
    arcs: model.arcs.filter((a) => a.on).map((a) => a.id),
    points: model.points.filter((p) => p.on).map((p) => p.id),
    areas: model.areas.filter((a) => a.on).map((a) => a.id),
  };
};

describe('routes-then-now', () => {
  it('has the catalog step count, one step per pairing, and a table row per step', () => {
    expect(chart.steps).toBe(chartCatalog['routes-then-now'].steps);
    expect(data.echoes.map((e) => e.step)).toEqual([1, 2, 3, 4]);
    for (const lng of lngs) {
      const table = chart.table(data, mapContext(lng));
      expect(table.rows).toHaveLength(4);
      for (const row of table.rows) expect(row).toHaveLength(table.head.length);
    }
  });

  for (const lng of lngs) {
    it(`draws every step in ${lng} (snapshot), each adding to the one before`, async () => {
      const figure = newFigure(chart.id);
      const instance = chart.mount(figure, data, mapContext(lng));
      let before = -1;
      for (let step = 0; step <= chart.steps; step += 1) {
        await instance.step(step, { animate: false });
        expect(normalisedSvg(figure)).toMatchSnapshot(`${lng} step ${step}`);
        const drawn = drawnStrokes(figure);
        expect(drawn).toBeGreaterThan(before);
        expect(drawn).toBe(on(step).legs + on(step).arcs.length);
        before = drawn;
        for (const text of figure.querySelectorAll('svg text, svg title, svg desc')) {
          expect(text.textContent).not.toMatch(/maps:|\{\{|undefined|NaN|Infinity/);
        }
      }
      instance.destroy();
      figure.remove();
    });
  }

  it('starts on the 1405 course and pairs each port with the 2024 move beside it, in order', () => {
    const start = on(0);
    expect(start.points).toEqual(expect.arrayContaining(['nanjing', 'malacca', 'calicut']));
    expect(start.points).not.toContain('hormuz');
    expect(start.arcs).toEqual([]);
    // 1: Malacca & Kuala Lumpur — Alibaba Cloud's arc, no new route.
    expect(on(1).legs).toBe(start.legs);
    expect(on(1).arcs).toEqual(['malacca-kuala-lumpur:origin-hangzhou>kuala-lumpur']);
    // 2: Hormuz & the Gulf — the route to Hormuz and the Gulf highlighted.
    expect(on(2).points).toContain('hormuz');
    expect(on(2).areas).toEqual(['682']);
    // 3: Jeddah & Riyadh — the Arabian branch and Tencent Cloud's arc to Riyadh.
    expect(on(3).points).toEqual(expect.arrayContaining(['jeddah', 'riyadh']));
    expect(on(3).arcs).toContain('jeddah-riyadh:origin-shenzhen>riyadh');
    // 4: East Africa & Africa — the African branch and Huawei's arcs.
    expect(on(4).points).toEqual(expect.arrayContaining(['mogadishu', 'malindi', 'marrakech', 'cairo']));
    expect(on(4).arcs).toHaveLength(4);
    // Each step's 2024 arc starts once its own route has arrived.
    const model = layoutRoutes(data, 4, 'en');
    for (const arc of model.arcs) {
      const legsEnd = Math.max(
        0,
        ...model.legs.filter((l) => l.step === arc.step).map((l) => l.start + l.dur),
      );
      expect(arc.start).toBeGreaterThanOrEqual(legsEnd);
    }
    for (const leg of model.legs) expect(leg.d).toMatch(/^M[\d.,-]+(L[\d.,-]+)+$/);
    // The 2024 arcs bow north (up the sheet) and stay on the map.
    for (const arc of model.arcs) {
      const [x0, y0, cx, cy, x1, y1] = (arc.d.match(/-?[\d.]+/g) ?? []).map(Number);
      expect(arc.d).toMatch(/^M[\d.,-]+Q[\d.,-]+$/);
      expect(cy!).toBeLessThan(Math.max(y0!, y1!));
      for (const v of [x0, cx, x1]) expect(v!).toBeGreaterThanOrEqual(0);
      // The curve's highest point is halfway between the chord's middle and the control point.
      for (const v of [y0, (y0! + 2 * cy! + y1!) / 4, y1]) expect(v!).toBeGreaterThanOrEqual(56);
    }
  });

  it('is an accessible image, its text large enough, with the step named in the header', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('zh'));
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 1160 540');
    expect(figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe('今昔同海');
    expect(figure.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent).toContain('吉隆坡');
    expect(figure.querySelectorAll('table.chart-table tbody tr')).toHaveLength(4);
    await instance.step(3, { animate: false });
    expect(figure.querySelector('.map-caption')?.textContent).toBe('吉达与利雅得');
    for (const text of svg.querySelectorAll('text')) {
      expect(
        Number(text.getAttribute('font-size') ?? text.closest('[font-size]')?.getAttribute('font-size')),
      ).toBeGreaterThanOrEqual(24);
    }
    instance.destroy();
  });

  it('relabels on setContext without moving any mark', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en'));
    await instance.step(4, { animate: false });
    const geometry = geometryOf(figure);
    expect(labelTexts(figure)).toContain('Malindi');
    expect(geometryWrites(figure, () => instance.setContext(mapContext('zh')))).toEqual([]);
    expect(geometryOf(figure)).toEqual(geometry);
    expect(labelTexts(figure)).toContain('麻林');
    const fresh = newFigure(chart.id);
    const direct = chart.mount(fresh, data, mapContext('zh'));
    await direct.step(4, { animate: false });
    expect(normalisedSvg(figure)).toBe(normalisedSvg(fresh));
    instance.destroy();
    direct.destroy();
  });

  it('lands at once with reduced motion', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en', true));
    const done = instance.step(4);
    expect(drawnStrokes(figure)).toBe(on(4).legs + on(4).arcs.length);
    expect(visible(figure, '.map-point')).toContain('cairo');
    await done;
    instance.destroy();
  });

  it('sails the route before the 2024 arc lands, and takes both back going back', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en'));
    await instance.step(2, { animate: false });
    const forward = instance.step(3);
    expect(visible(figure, '.map-point')).not.toContain('riyadh');
    await forward;
    expect(visible(figure, '.map-point')).toEqual(expect.arrayContaining(['jeddah', 'riyadh']));
    await instance.step(2);
    expect(visible(figure, '.map-point')).not.toContain('riyadh');
    expect(drawnStrokes(figure)).toBe(on(2).legs + on(2).arcs.length);
    instance.destroy();
  });
});
