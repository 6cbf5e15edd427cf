// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, closedShare, layoutClosures } from '../../../src/charts/closures';
import { contextFor, dataOf, newFigure, standardChartTests, textsOf } from './harness';

const data = dataOf(chart);

describe('closures chart', () => {
  standardChartTests(chart);

  it('fills exactly the closed share of the 100 squares', () => {
    const squares = layoutClosures(data);
    expect(squares).toHaveLength(100);
    const filled = squares.reduce((sum, square) => sum + square.closedFraction, 0);
    expect(filled / 100).toBeCloseTo(closedShare(data), 6);
    expect(closedShare(data)).toBeCloseTo(data.statedShare?.value ?? 78612 / 878000, 6);
  });

  it('shows the closures only at step 1', async () => {
    const figure = newFigure('closures');
    const instance = chart.mount(figure, data, contextFor('en'));
    const widths = () =>
      Array.from(figure.querySelectorAll('rect.closed'), (rect) => Number(rect.getAttribute('width')));
    expect(widths().every((width) => width === 0)).toBe(true);
    await instance.step(1, { animate: false });
    expect(widths().filter((width) => width === 26)).toHaveLength(8);
    expect(textsOf(figure)).toContain('78,612');
    expect(textsOf(figure)).toContain('878,000');
    instance.destroy();
  });

  it('keeps the full period in the table', () => {
    const rows = chart.table(data, contextFor('en')).rows;
    expect(rows[1]?.[1]).toBe('78,612');
    expect(rows[1]?.[2]).toBe('Nov 30, 2022 – Jul 29, 2024');
  });
});
