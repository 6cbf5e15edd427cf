// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutTimeline } from '../../../src/charts/timeline-2024';
import { contextFor, dataOf, newFigure, standardChartTests } from './harness';

const data = dataOf(chart);

describe('timeline-2024 chart', () => {
  standardChartTests(chart);

  it('has an event for every step and labels that never share a row', () => {
    const placed = layoutTimeline(data.events);
    const steps = new Set(placed.map((item) => item.event.step));
    expect([...steps].sort()).toEqual([0, 1, 2, 3, 4]);
    placed.forEach((item, index) => {
      const next = placed[index + 1];
      if (next) expect(next.labelY - item.labelY).toBeGreaterThanOrEqual(30);
      expect(item.labelY).toBeGreaterThanOrEqual(item.dotY - 1e-9);
    });
  });

  it('reveals events by their step, the newest highlighted', async () => {
    const figure = newFigure('timeline-2024');
    const instance = chart.mount(figure, data, contextFor('en'));
    const shown = () =>
      Array.from(figure.querySelectorAll<SVGGElement>('g.event'))
        .filter((event) => event.style.opacity === '1')
        .map((event) => event.querySelector('text')?.textContent);
    expect(shown()).toEqual(['TC260 generative-AI security rules*', '“AI+” action plan']);
    await instance.step(3, { animate: false });
    expect(shown()).toHaveLength(7);
    expect(shown()).toContain('CapCut revenue reaches US$125M');
    const highlighted = figure.querySelectorAll('g.event circle[style*="--chart-accent"]');
    expect(highlighted).toHaveLength(1);
    instance.destroy();
  });

  it('lists every event with its date in the table', () => {
    const rows = chart.table(data, contextFor('zh')).rows;
    expect(rows).toHaveLength(data.events.length);
    expect(rows[0]?.[1]).toBe('2024年2月29日');
  });
});
