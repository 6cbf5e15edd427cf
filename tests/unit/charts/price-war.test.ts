// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutPriceWar } from '../../../src/charts/price-war';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('price-war chart', () => {
  standardChartTests(chart);

  it('starts with DeepSeek against Qwen-Long’s old price, then shrinks Qwen-Long to scale as the others follow', () => {
    const at = (step: number) => new Map(layoutPriceWar(data, step).map((bar) => [bar.key, bar]));
    const [zero, one, two] = [at(0), at(1), at(2)];
    expect([...zero.values()].filter((b) => b.shown).map((b) => b.key)).toEqual(['deepseek', 'qwen']);
    expect([...one.values()].every((b) => b.shown === 1)).toBe(true);
    // On one scale: ¥20 → ¥0.5 is a bar 1/40 as long, with the old price as a dashed outline.
    expect(one.get('qwen')!.width / zero.get('qwen')!.width).toBeCloseTo(0.5 / 20, 6);
    expect(one.get('qwen')!.ghost).toBe(zero.get('qwen')!.width);
    expect(one.get('qwen')!.hot).toBe(true);
    // Step 2 points at the free models.
    expect(two.get('ernie')!.hot).toBe(true);
    expect(two.get('ernie')!.width).toBe(0);
    expect(two.get('qwen')!.hot).toBe(false);
  });

  it('labels prices in each language, the cut as the sources state it, and marks unverified figures', async () => {
    for (const [lng, expected] of [
      ['en', ['≈¥1†', '¥0.5  (−97%)', 'free', '¥0.8', 'followed; price not confirmed †']],
      ['zh', ['约 1 元†', '0.5 元  （−97%）', '免费', '0.8 元', '跟进降价，价格未核实 †']],
    ] as const) {
      const figure = newFigure('price-war');
      const instance = chart.mount(figure, data, contextFor(lng));
      await instance.step(2, { animate: false });
      const texts = textsOf(figure);
      for (const text of expected) expect(texts).toContain(text);
      instance.destroy();
      figure.remove();
    }
  });
});
