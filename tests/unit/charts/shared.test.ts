// @vitest-environment jsdom
import { select } from 'd3';
import { describe, expect, it } from 'vitest';
import { isoMidpoint, monthLabel } from '../../../src/charts/shared/dates';
import { formatFigure, formatFigureShort, shortSource } from '../../../src/charts/shared/figures';
import { createFrame } from '../../../src/charts/shared/frame';
import { createChartInstance } from '../../../src/charts/shared/instance';
import { removeTable, renderTable } from '../../../src/charts/shared/table';
import { chartColors } from '../../../src/charts/shared/tokens';
import { clampStep, interruptSteps, stepTransition } from '../../../src/charts/shared/transition';
import { contextFor, newFigure } from './harness';

const figure = (extra: object) => ({
  id: 'x',
  value: 197,
  unit: 'models',
  asOf: '2024-07',
  status: 'P',
  source: {
    name: { en: 'Xinhua, 12 Aug 2024', zh: '新华社（2024 年 8 月 12 日）' },
    url: 'https://example.org',
  },
  ...extra,
});

describe('createFrame', () => {
  it('makes an SVG image with a fixed viewBox and translated, linked title and description', () => {
    const el = newFigure('test');
    const frame = createFrame(el, {
      width: 800,
      height: 480,
      ctx: contextFor('en'),
      titleKey: 'charts:funding.title',
      descKey: 'charts:timeline-2024.desc',
      descValues: () => ({ value: 'X' }),
      idPrefix: 'f1',
    });
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 800 480');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('f1-title');
    expect(svg.getAttribute('aria-describedby')).toBe('f1-desc');
    expect(el.querySelector('#f1-title')?.textContent).toMatch(/^Funding for Chinese AI startups/);
    expect(el.querySelector('#f1-desc')?.textContent).toBe('Timeline of 2024. X');
    expect(svg.getAttribute('lang')).toBe('en');

    frame.setContext(contextFor('zh'));
    expect(el.querySelector('#f1-title')?.textContent).toMatch(/^中国 AI 初创企业融资/);
    expect(svg.getAttribute('lang')).toBe('zh-CN');
    frame.destroy();
    frame.destroy();
    expect(el.querySelector('svg')).toBeNull();
  });

  it('gives every frame its own ids', () => {
    const el = newFigure('test');
    const options = {
      width: 10,
      height: 10,
      ctx: contextFor('en'),
      titleKey: 'charts:funding.title',
      descKey: 'charts:funding.desc',
    } as const;
    const [a, b] = [createFrame(el, options), createFrame(el, options)];
    expect(a.svg.attr('aria-labelledby')).not.toBe(b.svg.attr('aria-labelledby'));
  });
});

describe('createChartInstance', () => {
  it('reports a draw that failed after mount or relabel on the next step, instead of swallowing it', async () => {
    const el = newFigure('test');
    let calls = 0;
    const instance = createChartInstance({
      el,
      ctx: contextFor('en'),
      steps: 2,
      width: 10,
      height: 10,
      titleKey: 'charts:funding.title',
      descKey: 'charts:funding.desc',
      table: () => ({ caption: 'c', head: ['a'], rows: [['1']] }),
      // Draws fine on mount and on the first step; the relabel's draw fails after the text is set.
      setup: () => () => {
        calls += 1;
        return calls === 3 ? Promise.reject(new Error('relabel failed')) : Promise.resolve();
      },
    });
    await expect(instance.step(1)).resolves.toBeUndefined();
    instance.setContext(contextFor('zh'));
    await Promise.resolve();
    await expect(instance.step(2)).rejects.toThrow('relabel failed');
    instance.destroy();
    el.remove();
  });
});

describe('renderTable', () => {
  const table = { caption: 'Cap', head: ['Item', 'Value'], rows: [['World', '1,500']] };

  it('draws a real table, hidden for sight by default and visible as the fallback', () => {
    const el = newFigure('test');
    const hidden = renderTable(el, table);
    expect(hidden.className).toBe('chart-table sr-only');
    expect(hidden.querySelector('caption')?.textContent).toBe('Cap');
    expect(Array.from(hidden.querySelectorAll('thead th'), (th) => th.getAttribute('scope'))).toEqual([
      'col',
      'col',
    ]);
    expect(hidden.querySelector('tbody th[scope="row"]')?.textContent).toBe('World');
    expect(hidden.querySelector('tbody td')?.textContent).toBe('1,500');

    const visible = renderTable(el, table, { fallback: true });
    expect(el.querySelectorAll('table')).toHaveLength(1); // replaced, not added
    expect(visible.classList.contains('chart-fallback')).toBe(true);
    removeTable(el);
    expect(el.querySelector('table')).toBeNull();
  });
});

describe('stepTransition', () => {
  const rects = () => {
    const svg = select(newFigure('test')).append('svg');
    return svg
      .selectAll<SVGRectElement, number>('rect')
      .data([1, 2])
      .join('rect')
      .attr('width', 0)
      .style('fill', chartColors.ink);
  };

  it('sets values at once, with no timer, when not animating', async () => {
    const sel = rects();
    const done = stepTransition(sel, false, (s) =>
      s.attr('width', (d) => d * 10).style('fill', chartColors.accent),
    );
    expect(sel.nodes().map((n) => n.getAttribute('width'))).toEqual(['10', '20']);
    expect(sel.node()?.style.fill).toBe(chartColors.accent);
    await expect(done).resolves.toBeUndefined();
  });

  it('animates through the named transition and resolves at the end', async () => {
    const sel = rects();
    const done = stepTransition(sel, true, (s) => s.attr('width', 50).style('fill', chartColors.accent), {
      duration: 40,
    });
    expect(sel.node()?.getAttribute('width')).toBe('0');
    await done;
    expect(sel.nodes().map((n) => n.getAttribute('width'))).toEqual(['50', '50']);
    // A theme colour switches whole, never through an invalid in-between.
    expect(sel.node()?.style.fill).toBe(chartColors.accent);
  });

  it('resolves (never rejects) when a newer step or destroy interrupts it', async () => {
    const sel = rects();
    const first = stepTransition(sel, true, (s) => s.attr('width', 50), { duration: 5000 });
    const second = stepTransition(sel, false, (s) => s.attr('width', 7));
    await expect(first).resolves.toBeUndefined();
    await second;
    expect(sel.node()?.getAttribute('width')).toBe('7');

    const third = stepTransition(sel, true, (s) => s.attr('width', 90), { duration: 5000 });
    interruptSteps(select(sel.node()!.ownerSVGElement!));
    await expect(third).resolves.toBeUndefined();
    expect(sel.node()?.getAttribute('width')).toBe('7');
  });

  it('clamps steps to the chart range', () => {
    expect([-1, 0, 2.7, 9, Number.NaN].map((n) => clampStep(n, 3))).toEqual([0, 0, 2, 3, 0]);
  });
});

describe('figure formatting', () => {
  it('hedges "more than" and "about", and stars disputed figures', () => {
    const en = contextFor('en');
    const zh = contextFor('zh');
    expect(formatFigure(figure({ atLeast: true }), en)).toBe('more than 197');
    expect(formatFigure(figure({ atLeast: true }), zh)).toBe('超过 197');
    expect(formatFigureShort(figure({ atLeast: true }), en)).toBe('197+');
    expect(formatFigure(figure({ unit: 'share', value: 0.7, approx: true }), zh)).toBe('约 70%');
    expect(formatFigureShort(figure({ unit: 'usd', value: 24.9e9, status: 'C' }), en)).toBe('US$24.9B*');
    expect(formatFigureShort(figure({ unit: 'usd', value: 24.9e9, status: 'C' }), zh)).toBe('249亿美元*');
  });

  it('shortens a source name to what fits under a chart', () => {
    expect(shortSource(figure({}).source, 'en')).toBe('Xinhua');
    expect(shortSource(figure({}).source, 'zh')).toBe('新华社');
  });
});

describe('dates', () => {
  it('puts a month or a year at its middle and a day at noon', () => {
    expect(isoMidpoint('2024-05').toISOString()).toBe('2024-05-16T12:00:00.000Z');
    expect(isoMidpoint('2024-05-16').toISOString()).toBe('2024-05-16T12:00:00.000Z');
    expect(isoMidpoint('2024').toISOString()).toBe('2024-07-02T00:00:00.000Z');
  });

  it('names months in the language', () => {
    const march = new Date(Date.UTC(2024, 2, 15));
    expect([monthLabel('en', march), monthLabel('zh', march)]).toEqual(['Mar', '3月']);
  });
});
