// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutWhoPays } from '../../../src/charts/who-pays';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('who-pays chart', () => {
  standardChartTests(chart);

  it('adds one part per step: consumers, business and government buyers, then China’s edge', () => {
    expect([0, 1, 2, 3].map((step) => layoutWhoPays(data, step))).toEqual([
      { consumers: 0, 'b2b-b2g': 0, edge: 0 },
      { consumers: 1, 'b2b-b2g': 0, edge: 0 },
      { consumers: 1, 'b2b-b2g': 1, edge: 0 },
      { consumers: 1, 'b2b-b2g': 1, edge: 1 },
    ]);
  });

  it('names the regions and the four reasons in each language, and says these are judgements', async () => {
    for (const [lng, expected] of [
      ['en', ['SE Asia · Middle East · Africa', '✓ fewer rivals', 'pay more']],
      ['zh', ['东南亚 · 中东 · 非洲', '✓ 对手少', '更愿付费']],
    ] as const) {
      const figure = newFigure('who-pays');
      const instance = chart.mount(figure, data, contextFor(lng));
      await instance.step(3, { animate: false });
      expect(textsOf(figure)).toEqual(expect.arrayContaining([...expected]));
      const rows = chart.table(data, contextFor(lng)).rows;
      expect(rows.map((r) => r[2])).toEqual(rows.map(() => (lng === 'en' ? 'Opinion' : expect.any(String))));
      instance.destroy();
      figure.remove();
    }
  });
});
