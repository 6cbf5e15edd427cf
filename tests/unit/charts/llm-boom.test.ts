// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutLlmBoom } from '../../../src/charts/llm-boom';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('llm-boom chart', () => {
  standardChartTests(chart);

  it('grows the registered bar at step 1 and its industry part at step 2, on one scale', () => {
    const [zero, one, two] = [0, 1, 2].map((step) => layoutLlmBoom(data, step));
    expect(zero?.registeredWidth).toBe(0);
    expect(one?.registeredWidth).toBeCloseTo((zero?.releasedWidth ?? 0) * (197 / 238));
    expect(one?.industryWidth).toBe(0);
    expect(two?.industryWidth).toBeCloseTo((one?.registeredWidth ?? 0) * 0.7);
  });

  it('marks the disputed 238 with an asterisk and footnote, and hedges "more than" / "about"', async () => {
    const figure = newFigure('llm-boom');
    const instance = chart.mount(figure, data, contextFor('en'));
    await instance.step(2, { animate: false });
    const texts = textsOf(figure);
    expect(texts).toContain('238*');
    expect(texts).toContain('197+');
    expect(texts).toContain('≈70% industry-specific');
    expect(texts).toContain('finance, healthcare, and education');
    expect(texts.some((text) => text.startsWith('* '))).toBe(true);
    // The caveat itself is in the description and the table.
    expect(figure.querySelector('desc')?.textContent).toMatch(/Caveat: /);
    const rows = chart.table(data, contextFor('zh')).rows;
    expect(rows[0]?.[3]).toBe('来源不一致');
    expect(rows[1]?.[1]).toBe('超过 197');
    instance.destroy();
  });
});
