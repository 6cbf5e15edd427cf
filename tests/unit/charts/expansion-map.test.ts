// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutExpansion } from '../../../src/charts/expansion-map';
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

const arcsAt = (step: number) => layoutExpansion(chart.data, step, 'en').arcs.filter((arc) => arc.on).length;

describe('expansion-map', () => {
  it('has the catalog step count', () => {
    expect(chart.steps).toBe(chartCatalog['expansion-map'].steps);
  });

  for (const lng of lngs) {
    it(`draws every step in ${lng} (snapshot), each with more arcs than the one before`, async () => {
      const figure = newFigure(chart.id);
      const instance = chart.mount(figure, chart.data, mapContext(lng));
      let before = -1;
      for (let step = 0; step <= chart.steps; step += 1) {
        await instance.step(step, { animate: false });
        expect(normalisedSvg(figure)).toMatchSnapshot(`${lng} step ${step}`);
        const drawn = drawnStrokes(figure);
        expect(drawn).toBeGreaterThan(before);
        expect(drawn).toBe(arcsAt(step));
        before = drawn;
        for (const text of figure.querySelectorAll('svg text, svg title, svg desc')) {
          expect(text.textContent).not.toMatch(/maps:|charts:|\{\{|undefined|NaN|Infinity/);
        }
      }
      instance.destroy();
      figure.remove();
    });
  }

  it('highlights China first, then each group’s countries, and draws Singapore as a dot', () => {
    const areas = (step: number) =>
      layoutExpansion(chart.data, step, 'en')
        .areas.filter((a) => a.on)
        .map((a) => a.id);
    expect(areas(0)).toEqual(['156']);
    expect(areas(1)).toContain('682');
    expect(areas(2)).toEqual(expect.arrayContaining(['504', '818']));
    expect(areas(3)).toEqual(expect.arrayContaining(['410', '458', '608', '764', '484']));
    expect(areas(4)).toEqual(expect.arrayContaining(['840', '826']));
    const dots = (step: number) =>
      layoutExpansion(chart.data, step, 'en')
        .points.filter((p) => p.on)
        .map((p) => p.id);
    expect(dots(2)).not.toContain('country-702');
    expect(dots(3)).toContain('country-702');
    for (const arc of layoutExpansion(chart.data, 4, 'en').arcs) expect(arc.d).not.toMatch(/NaN/);
  });

  it('names the current group in the legend and dates the step in the badge', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    const legend = () => figure.querySelector('.map-legend .row-0 text')?.textContent;
    const badge = () => figure.querySelector('.map-badge text')?.textContent;
    expect(legend()).toBe('Company headquarters');
    expect(badge()).toBe('2024');
    await instance.step(1, { animate: false });
    expect(legend()).toBe('Tencent Cloud × Mobily');
    expect(badge()).toBe('Mar 2024');
    await instance.step(3, { animate: false });
    expect(legend()).toBe('Alibaba Cloud');
    instance.setContext(mapContext('zh'));
    expect(legend()).toBe('阿里云');
    expect(badge()).toBe('2024年5月');
    instance.destroy();
  });

  it('is an accessible image with a translated title and description, and a data table', () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('zh'));
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 1160 540');
    expect(figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe('中国AI出海');
    expect(figure.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent).toMatch(/^2024年/);
    const table = chart.table(chart.data, mapContext('en'));
    expect(table.rows).toHaveLength(chart.data.moves.length);
    for (const row of table.rows) expect(row).toHaveLength(table.head.length);
    expect(table.rows[0]?.slice(0, 5)).toEqual([
      'Tencent Cloud × Mobily',
      expect.any(String),
      'Shenzhen',
      'Riyadh',
      'Mar 2024',
    ]);
    expect(figure.querySelectorAll('table.chart-table tbody tr')).toHaveLength(chart.data.moves.length);
    for (const text of svg.querySelectorAll('text')) {
      expect(Number(text.getAttribute('font-size'))).toBeGreaterThanOrEqual(24);
    }
    instance.destroy();
  });

  it('relabels on setContext without moving any mark', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    await instance.step(4, { animate: false });
    const geometry = geometryOf(figure);
    expect(labelTexts(figure)).toContain('London');
    instance.setContext(mapContext('zh'));
    expect(geometryOf(figure)).toEqual(geometry);
    expect(labelTexts(figure)).toContain('伦敦');
    const fresh = newFigure(chart.id);
    const direct = chart.mount(fresh, chart.data, mapContext('zh'));
    await direct.step(4, { animate: false });
    expect(normalisedSvg(figure)).toBe(normalisedSvg(fresh));
    instance.destroy();
    direct.destroy();
  });

  it('lands at once with reduced motion', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en', true));
    const done = instance.step(4);
    expect(drawnStrokes(figure)).toBe(arcsAt(4));
    expect(visible(figure, '.map-area')).toEqual(expect.arrayContaining(['840', '826']));
    await done;
    instance.destroy();
  });

  it('draws a group’s arcs when animating and undraws them going back', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    const forward = instance.step(1);
    expect(drawnStrokes(figure)).toBe(0);
    expect(visible(figure, '.map-area')).toEqual(['156']);
    await forward;
    expect(drawnStrokes(figure)).toBe(1);
    expect(visible(figure, '.map-area')).toContain('682');
    expect(visible(figure, '.map-label')).toContain('riyadh');
    await instance.step(0);
    expect(drawnStrokes(figure)).toBe(0);
    expect(visible(figure, '.map-area')).toEqual(['156']);
    instance.destroy();
  });

  it('lets a newer step interrupt a running one, and destroys twice safely', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, chart.data, mapContext('en'));
    const running = instance.step(4);
    await instance.step(2, { animate: false });
    await expect(running).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(drawnStrokes(figure)).toBe(arcsAt(2));
    const again = instance.step(3);
    instance.destroy();
    instance.destroy();
    await expect(again).resolves.toBeUndefined();
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('table')).toBeNull();
    await expect(instance.step(1)).resolves.toBeUndefined();
  });
});
