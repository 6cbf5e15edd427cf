// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutExpansion } from '../../../src/charts/expansion-map';
import { dataOf, drawnStrokes, mapContext, newFigure, standardMapTests, visible } from './map-harness';

const data = dataOf(chart);

describe('expansion-map', () => {
  standardMapTests(chart, {
    strokesAt: (d, step) => layoutExpansion(d, step, 'en').arcs.filter((arc) => arc.on).length,
    label: { en: 'London', zh: '伦敦' },
  });

  it('highlights China first, then each group’s countries, and draws Singapore as a dot', () => {
    const areas = (step: number) =>
      layoutExpansion(data, step, 'en')
        .areas.filter((a) => a.on)
        .map((a) => a.id);
    expect(areas(0)).toEqual(['156']);
    expect(areas(1)).toContain('682');
    expect(areas(2)).toEqual(expect.arrayContaining(['504', '818']));
    expect(areas(3)).toEqual(expect.arrayContaining(['410', '458', '608', '764', '484']));
    expect(areas(4)).toEqual(expect.arrayContaining(['840', '826']));
    const dots = (step: number) =>
      layoutExpansion(data, step, 'en')
        .points.filter((p) => p.on)
        .map((p) => p.id);
    expect(dots(2)).not.toContain('country-702');
    expect(dots(3)).toContain('country-702');
    for (const arc of layoutExpansion(data, 4, 'en').arcs) expect(arc.d).not.toMatch(/NaN/);
  });

  it('lays out the same sheet in either language and at any size asked for again', () => {
    // The projection and the country outlines are made once per frame size and reused by every step and relabel:
    // reuse must not leak one size's geometry into another, nor one language's into the other.
    const narrow = { width: 460, height: 380 };
    const en = layoutExpansion(data, 3, 'en');
    const zh = layoutExpansion(data, 3, 'zh');
    const small = layoutExpansion(data, 3, 'en', narrow);
    expect(zh.areas.map((a) => a.d)).toEqual(en.areas.map((a) => a.d));
    expect(zh.points.map((p) => [p.x, p.y])).toEqual(en.points.map((p) => [p.x, p.y]));
    expect(small.land).not.toBe(en.land);
    expect(small.areas.map((a) => a.d)).not.toEqual(en.areas.map((a) => a.d));
    expect(layoutExpansion(data, 3, 'en')).toEqual(en);
    expect(layoutExpansion(data, 3, 'en', narrow)).toEqual(small);
    expect(zh.labels.map((l) => l.text)).not.toEqual(en.labels.map((l) => l.text));
  });

  it('names the current group in the legend and dates the step in the badge', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en'));
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

  it('titles the map in Chinese and tables one move per row', () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('zh'));
    const svg = figure.querySelector('svg')!;
    expect(figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe('中国 AI 出海');
    expect(figure.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent).toMatch(/^2024年/);
    const table = chart.table(data, mapContext('en'));
    expect(table.rows).toHaveLength(data.moves.length);
    expect(table.rows[0]?.slice(0, 5)).toEqual([
      'Tencent Cloud × Mobily',
      expect.any(String),
      'Shenzhen',
      'Riyadh',
      'Mar 2024',
    ]);
    instance.destroy();
  });

  it('draws a group’s arcs when animating and undraws them going back', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, mapContext('en'));
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
});
