// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutVoyages } from '../../../src/charts/voyages-map';
import { dataOf, drawnStrokes, mapContext, newFigure, standardMapTests, visible } from './map-harness';

const data = dataOf(chart);
const legsAt = (step: number) => layoutVoyages(data, step, 'en').legs.filter((leg) => leg.on).length;

describe('voyages-map', () => {
  standardMapTests(chart, {
    strokesAt: (d, step) => layoutVoyages(d, step, 'en').legs.filter((leg) => leg.on).length,
    label: { en: 'Calicut', zh: '古里' },
  });

  it('tells the voyages in order: Calicut first, then Hormuz, then Arabia and Africa', () => {
    const ports = (step: number) =>
      layoutVoyages(data, step, 'en')
        .ports.filter((p) => p.on)
        .map((p) => p.id);
    expect(ports(0)).toEqual(['nanjing']);
    expect(ports(1)).toContain('calicut');
    expect(ports(1)).not.toContain('hormuz');
    expect(ports(2)).toContain('hormuz');
    expect(ports(3)).toEqual(expect.arrayContaining(['jeddah', 'malindi', 'mogadishu', 'aden']));
    // Legs chain: each starts when the one before it ends.
    const trunk = layoutVoyages(data, 1, 'en').legs.filter((l) => l.id.startsWith('trunk:'));
    for (let i = 1; i < trunk.length; i += 1) {
      expect(trunk[i]!.start).toBeCloseTo(trunk[i - 1]!.start + trunk[i - 1]!.dur, 6);
    }
    // Every path uses pathLength="1" geometry only: no NaN from a projection gone wrong.
    for (const leg of layoutVoyages(data, 3, 'en').legs) expect(leg.d).toMatch(/^M[\d.,-]+(L[\d.,-]+)+$/);
  });

  it('shows the years of each step with the language dash', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en'));
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

  it('names the voyages in Chinese, and tables them one per row', () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('zh'));
    const svg = figure.querySelector('svg')!;
    expect(figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe('郑和七下西洋');
    expect(figure.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent).toContain('古里');
    const table = chart.table(data, mapContext('zh'));
    expect(table.rows).toHaveLength(7);
    expect(table.rows[0]).toEqual(['1', '1405—1407 年', '古里（科泽科德）', expect.stringContaining('南京')]);
    expect(visible(figure, '.map-label')).toEqual(['nanjing']);
    instance.destroy();
  });

  it('draws a step leg by leg, and undraws it going back', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en'));
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
});
