// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutGiants } from '../../../src/charts/giants';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('giants chart', () => {
  standardChartTests(chart);

  it('brings in one card per step, in the order the moves came', () => {
    const shown = (step: number) =>
      layoutGiants(data, step)
        .filter((c) => c.shown)
        .map((c) => c.id);
    expect(shown(0)).toEqual([]);
    expect(shown(1)).toEqual(['tencent-go-saudi']);
    expect(shown(3)).toEqual(['tencent-go-saudi', 'huawei-north-africa', 'alibaba-cloud']);
    const dates = data.cards.map((c) => c.move.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('sizes each move with its figure, the disputed one starred, in both languages', async () => {
    for (const [lng, expected] of [
      ['en', ['US$430M*', '5 countries', '“Go Saudi”', 'Riyadh', 'Seoul, Kuala Lumpur']],
      ['zh', ['4.3亿美元*', '5 个国家', '“Go Saudi”', '利雅得', '首尔、吉隆坡']],
    ] as const) {
      const figure = newFigure('giants');
      const instance = chart.mount(figure, data, contextFor(lng));
      await instance.step(3, { animate: false });
      expect(textsOf(figure)).toEqual(expect.arrayContaining([...expected]));
      instance.destroy();
      figure.remove();
    }
  });
});
