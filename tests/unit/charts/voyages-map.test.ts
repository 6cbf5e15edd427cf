// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutVoyages } from '../../../src/charts/voyages-map';
import { chartCatalog } from '../../../src/shared/catalog';
import {
  drawnStrokes,
  geometryOf,
  labelTexts,
  lngs,
  mapContext,
  newFigure,
  normalisedSvg,
  visible,
} from './map-harness';

const legsAt = (step: number) => layoutVoyages(chart.data, step, 'en').legs.filter((leg) => leg.on).length;

describe('voyages-map', () => {
  it('has the catalog step count', () => {
    expect(chart.steps).toBe(chartCatalog['voyages-map'].steps);
  });

  for (const lng of lngs) {
    it(`draws every step in ${lng} (snapshot), each with more legs than the one before`, async () => {
      const figure = newFigure(chart.id);
      const instance = chart.mount(figure, chart.data, mapContext(lng));
      let before = -1;
      for (let step = 0; step <= chart.steps; step += 1) {
        await instance.step(step, { animate: false });
        expect(normalisedSvg(figure)).toMatchSnapshot(`${lng} step ${step}`);
        const drawn = drawnStrokes(figure);
        expect(drawn).toBeGreaterThan(before);
        expect(drawn).toBe(legsAt(step));
        before = drawn;
        for (const text of figure.querySelectorAll('svg text, svg title, svg desc')) {
          expect(text.textContent).not.toMatch(/maps:|\{\{|undefined|NaN|Infinity/);
        }
      }
      instance.destroy();
      figure.remove();
    });
  }

  it('tells the voyages in order: Calicut first, then Hormuz, then Arabia and Africa', () => {
    const ports = (step: number) =>
      layoutVoyages(chart.data, step, 'en')
        .ports.filter((p) => p.on)
        .map((p) => p.id);
    expect(ports(0)).toEqual(['nanjing']);
    expect(ports(1)).toContain('calicut');
    expect(ports(1)).not.toContain('hormuz');
    expect(ports(2)).toContain('hormuz');
    expect(ports(3)).toEqual(expect.arrayContaining(['jeddah', 'malindi', 'mogadishu', 'aden']));
    // Legs chain: each starts when the one before it ends.
    const trunk = layoutVoyages(chart.data, 1, 'en').legs.filter((l) => l.id.startsWith('trunk:'));
    for (let i = 1; i < trunk.length; i += 1) {
      expect(trunk[i]!.start).toBeCloseTo(trunk[i - 1]!.start + trunk[i - 1]!.dur, 6);
    }
    // Every path uses pathLength="1" geometry only: no NaN from a projection gone wrong.
    for (const leg of layoutVoyages(chart.data, 3, 'en').legs)
      expect(leg.d).toMatch(/^M[\d.,-]+(L[\d.,-]+)+$/);
  });

  it('shows the years of each step with the language dash', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    const badge = () => figure.querySelector('.map-badge text')?.textContent;
    expect(badge()).toBe('1405–1433');
    await instance.step(1, { animate: false });
    expect(badge()).toBe('1405–1411');
    await instance.step(2, { animate: false });
    expect(badge()).toBe('1413–1415');
    instance.setContext(mapContext('zh'));
    expect(badge()).toBe('1413—1415 年');
    instance.destroy();
  });

  it('is an accessible image with a translated title and description, and a data table', () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('zh'));
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 1160 540');
    expect(figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe('郑和七下西洋');
    expect(figure.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent).toContain('古里');
    const table = chart.table(chart.data, mapContext('zh'));
    expect(table.rows).toHaveLength(7);
    expect(table.rows[0]).toEqual(['1', '1405—1407 年', '古里（科泽科德）', expect.stringContaining('南京')]);
    expect(figure.querySelectorAll('table.chart-table tbody tr')).toHaveLength(7);
    for (const text of svg.querySelectorAll('text')) {
      expect(
        Number(text.getAttribute('font-size') ?? text.closest('[font-size]')?.getAttribute('font-size')),
      ).toBeGreaterThanOrEqual(24);
    }
    instance.destroy();
  });

  it('relabels on setContext without moving any mark', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    await instance.step(3, { animate: false });
    const geometry = geometryOf(figure);
    expect(labelTexts(figure)).toContain('Calicut');
    instance.setContext(mapContext('zh'));
    expect(geometryOf(figure)).toEqual(geometry);
    expect(labelTexts(figure)).toContain('古里');
    expect(figure.querySelector('svg')?.getAttribute('lang')).toBe('zh-CN');
    // Same picture as drawing in Chinese from the start.
    const fresh = newFigure(chart.id);
    const direct = chart.mount(fresh, chart.data, mapContext('zh'));
    await direct.step(3, { animate: false });
    expect(normalisedSvg(figure)).toBe(normalisedSvg(fresh));
    instance.destroy();
    direct.destroy();
  });

  it('lands at once with reduced motion, leaving nothing running', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en', true));
    const done = instance.step(3);
    expect(drawnStrokes(figure)).toBe(legsAt(3));
    expect(visible(figure, '.map-label')).toContain('malindi');
    await done;
    instance.destroy();
  });

  it('draws a step leg by leg, and undraws it going back', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    await instance.step(1, { animate: false });
    const forward = instance.step(2);
    expect(drawnStrokes(figure)).toBe(legsAt(1)); // Hormuz not drawn yet
    expect(visible(figure, '.map-point')).not.toContain('hormuz');
    await forward;
    expect(drawnStrokes(figure)).toBe(legsAt(2));
    expect(visible(figure, '.map-point')).toContain('hormuz');
    await instance.step(1);
    expect(drawnStrokes(figure)).toBe(legsAt(1));
    expect(visible(figure, '.map-point')).not.toContain('hormuz');
    instance.destroy();
  });

  it('lets a newer step interrupt a running one', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    const running = instance.step(3);
    const jump = instance.step(0, { animate: false });
    await expect(running).resolves.toBeUndefined();
    await jump;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(drawnStrokes(figure)).toBe(0);
    expect(visible(figure, '.map-point')).toEqual(['nanjing']);
    instance.destroy();
  });

  it('destroys twice safely, mid-animation too, and keeps the author’s content', async () => {
    const figure = newFigure(chart.id);
    const caption = document.createElement('figcaption');
    figure.append(caption);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    const running = instance.step(2);
    instance.destroy();
    instance.destroy();
    await expect(running).resolves.toBeUndefined();
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('table')).toBeNull();
    expect(figure.children).toHaveLength(1);
    await expect(instance.step(1)).resolves.toBeUndefined();
    instance.setContext(mapContext('zh'));
    expect(figure.querySelector('svg')).toBeNull();
  });
});
