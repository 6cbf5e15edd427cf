// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutCapcut } from '../../../src/charts/capcut';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('capcut chart', () => {
  standardChartTests(chart);

  it('adds a milestone per step and the numbers at step 3, the road growing each time', () => {
    expect(data.milestones.map((m) => m.id)).toEqual(['launch', 'pro', 'ai']);
    const layouts = [0, 1, 2, 3].map((step) => layoutCapcut(data, step));
    expect(layouts.map((l) => l.milestoneShown.filter(Boolean).length)).toEqual([1, 2, 3, 3]);
    expect(layouts.map((l) => l.statsShown)).toEqual([false, false, false, true]);
    for (let step = 1; step < layouts.length; step += 1) {
      expect(layouts[step]?.roadEnd).toBeGreaterThan(layouts[step - 1]?.roadEnd ?? 0);
    }
  });

  it('formats the numbers for each language', async () => {
    const figure = newFigure('capcut');
    const instance = chart.mount(figure, data, contextFor('en'));
    await instance.step(3, { animate: false });
    expect(textsOf(figure)).toEqual(expect.arrayContaining(['300M+', 'US$125M']));
    instance.setContext(contextFor('zh'));
    expect(textsOf(figure)).toEqual(expect.arrayContaining(['3亿+', '1.25亿美元', '2020年']));
    instance.destroy();
  });
});
