// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutOpenSource } from '../../../src/charts/open-source';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('open-source chart', () => {
  standardChartTests(chart);

  it('adds one band per step: the trending rhythm, the languages, the model families', () => {
    expect([0, 1, 2, 3].map((step) => layoutOpenSource(data, step).shown)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('draws one square per language (29), the named ones first, and a rhythm of one to two weeks', () => {
    const layout = layoutOpenSource(data, 3);
    expect(layout.cells).toHaveLength(data.languages.value);
    expect(layout.cells.filter((c) => c.code).map((c) => c.code)).toEqual(data.named);
    const gaps = layout.marks.slice(1).map((week, i) => week - layout.marks[i]!);
    for (const gap of gaps) expect([1, data.trending.value]).toContain(gap);
  });

  it('labels the language count with the docs’ “more than” in both languages', async () => {
    for (const [lng, count, rhythm] of [
      ['en', '29+', 'every 1–2 weeks'],
      ['zh', '29+', '每 1–2 周'],
    ] as const) {
      const figure = newFigure('open-source');
      const instance = chart.mount(figure, data, contextFor(lng));
      await instance.step(3, { animate: false });
      expect(textsOf(figure)).toEqual(
        expect.arrayContaining([count, rhythm, 'Qwen · DeepSeek Coder · GLM · CogVideo']),
      );
      instance.destroy();
      figure.remove();
    }
  });
});
