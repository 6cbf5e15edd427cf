// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutFunding } from '../../../src/charts/funding';
import { contextFor, dataOf, framesThenIdle, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('funding chart', () => {
  standardChartTests(chart);

  it('shows the 2021 bar at step 0 and the 2024 bar, to scale, at step 1', () => {
    const [peak0, recent0] = layoutFunding(data, 0);
    const [peak1, recent1] = layoutFunding(data, 1);
    expect(peak0?.height).toBeGreaterThan(0);
    expect(recent0?.height).toBe(0);
    expect(peak1?.height).toBe(peak0?.height);
    expect((recent1?.height ?? 0) / (peak1?.height ?? 1)).toBeCloseTo(4.4 / 24.9, 6);
  });

  it('labels values through Intl in both languages, the 2021 peak with a caveat marker', async () => {
    const figure = newFigure('funding');
    const instance = chart.mount(figure, data, contextFor('en'));
    await instance.step(1, { animate: false });
    expect(textsOf(figure)).toEqual(expect.arrayContaining(['US$24.9B*', '≈US$4.4B', 'in 372 rounds']));
    instance.setContext(contextFor('zh'));
    expect(textsOf(figure)).toEqual(
      expect.arrayContaining(['249亿美元*', '≈44亿美元', '共 372 轮融资', '2024年上半年（我们的理解）']),
    );
    instance.destroy();
  });

  it("relabels the screen readers' table once idle: the last language asked for, and never after destroy", async () => {
    const figure = newFigure('funding');
    const instance = chart.mount(figure, data, contextFor('en'));
    const caption = () => figure.querySelector('table caption')?.textContent ?? '';
    const english = caption();
    instance.setContext(contextFor('zh'));
    instance.setContext(contextFor('en'));
    instance.setContext(contextFor('zh'));
    await framesThenIdle();
    expect(caption()).toMatch(/^中国 AI 初创企业融资/);
    expect(figure.querySelectorAll('table')).toHaveLength(1);
    instance.setContext(contextFor('en'));
    instance.destroy();
    await framesThenIdle();
    // Destroyed before it was idle: no table is drawn into the emptied figure.
    expect(figure.querySelector('table')).toBeNull();
    expect(english).toMatch(/^Funding/);
  });
});
