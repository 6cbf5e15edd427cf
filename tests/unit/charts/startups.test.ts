// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutStartups } from '../../../src/charts/startups';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('startups chart', () => {
  standardChartTests(chart);

  it('shows the six names at step 1 and the two apps abroad at step 2', () => {
    const shown = (step: number) => layoutStartups(data, step).filter((c) => c.shown).length;
    expect([0, 1, 2].map(shown)).toEqual([0, 6, 6]);
    const withApp = (step: number) =>
      layoutStartups(data, step)
        .filter((c) => c.product && c.productShown)
        .map((c) => `${c.key}:${c.product?.id}`);
    expect(withApp(1)).toEqual([]);
    expect(withApp(2)).toEqual(['01ai:popai', 'minimax:talkie']);
  });

  it('marks the unverified app and names the others as having none, in both languages', async () => {
    for (const [lng, expected] of [
      ['en', ['→ PopAI†', '→ Talkie', 'no app abroad named']],
      ['zh', ['→ PopAI†', '→ Talkie', '原文未点名出海应用']],
    ] as const) {
      const figure = newFigure('startups');
      const instance = chart.mount(figure, data, contextFor(lng));
      await instance.step(2, { animate: false });
      expect(textsOf(figure)).toEqual(expect.arrayContaining([...expected]));
      instance.destroy();
      figure.remove();
    }
  });
});
