// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart, layoutSquares, squareFill } from '../../../src/charts/ai-companies';
import { contextFor, dataOf, newFigure, standardChartTests } from './harness';

const data = dataOf(chart);

describe('ai-companies chart', () => {
  standardChartTests(chart);

  it('draws one square per ten companies, China and abroad as nested blocks', () => {
    const squares = layoutSquares(data);
    expect(squares).toHaveLength(150);
    expect(squares.filter((s) => s.tier >= 1)).toHaveLength(75);
    expect(squares.filter((s) => s.tier === 2)).toHaveLength(10);
    const accent = (step: number) =>
      squares.filter((s) => squareFill(s, step).includes('--chart-accent')).length;
    expect([0, 1, 2].map(accent)).toEqual([0, 0, 10]);
  });

  it('shows the three numbers with their shares in the table', () => {
    const table = chart.table(data, contextFor('en'));
    expect(table.rows.map((row) => row[1])).toEqual(['1,500', '751', '103']);
    const zh = chart.table(data, contextFor('zh'));
    expect(zh.rows[0]?.[0]).toBe('全球活跃 AI 企业');
  });

  it('reveals the abroad label only at step 2', async () => {
    const figure = newFigure('ai-companies');
    const instance = chart.mount(figure, data, contextFor('en'));
    const abroad = () => figure.querySelectorAll<SVGGElement>('.tier-labels > g')[2]?.style.opacity;
    expect(abroad()).toBe('0');
    await instance.step(2, { animate: false });
    expect(abroad()).toBe('1');
    instance.destroy();
  });
});
