// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chart as aiCompanies } from '../../../src/charts/ai-companies';
import { chart as capcut } from '../../../src/charts/capcut';
import { chart as closures } from '../../../src/charts/closures';
import { chart as expansionMap } from '../../../src/charts/expansion-map';
import { chart as funding } from '../../../src/charts/funding';
import { chart as giants } from '../../../src/charts/giants';
import { chart as llmBoom } from '../../../src/charts/llm-boom';
import { chart as openSource } from '../../../src/charts/open-source';
import { chart as priceWar } from '../../../src/charts/price-war';
import { chart as routesThenNow } from '../../../src/charts/routes-then-now';
import { chart as startups } from '../../../src/charts/startups';
import { chart as timeline } from '../../../src/charts/timeline-2024';
import type { ChartModule } from '../../../src/charts/types';
import { chart as voyagesMap } from '../../../src/charts/voyages-map';
import { chart as whoPays } from '../../../src/charts/who-pays';
import { chartCatalog } from '../../../src/shared/catalog';
import {
  contextFor,
  dataOf,
  languagesUnderTest,
  newFigure,
  normalisedSvg,
  pictureOf,
  textsOf,
} from './harness';

/**
 * Every chart's narrow (phone) layout, drawn for a 360 px column: its own portrait-ish frame, the same steps
 * and the same data table as the wide one, and no text below 12 px on screen.
 */

const PHONE_WIDTH = 360;
const charts: ChartModule<unknown>[] = [
  voyagesMap,
  expansionMap,
  aiCompanies,
  llmBoom,
  closures,
  funding,
  timeline,
  capcut,
  routesThenNow,
  priceWar,
  startups,
  whoPays,
  openSource,
  giants,
] as ChartModule[];

/** A text's size in viewBox units: its own, or the nearest group's (style or attribute). */
function fontSizeOf(text: SVGElement): number {
  for (let el: Element | null = text; el && el.tagName !== 'svg'; el = el.parentElement) {
    const styled = (el as SVGElement).style?.fontSize || el.getAttribute('font-size');
    if (styled) return Number.parseFloat(styled);
  }
  return 0;
}

const viewBoxOf = (figure: HTMLElement) =>
  (figure.querySelector('svg')?.getAttribute('viewBox') ?? '').split(' ').map(Number);

describe('every chart has a narrow layout for phones', () => {
  it('covers the whole catalog', () => {
    expect(charts.map((c) => c.id).sort()).toEqual(Object.keys(chartCatalog).sort());
  });

  for (const chart of charts) {
    describe(chart.id, () => {
      for (const lng of languagesUnderTest) {
        it(`draws every step in ${lng} in its own frame, labels ≥ 12 px at ${PHONE_WIDTH} px (snapshot)`, async () => {
          const data = dataOf(chart);
          const wideFigure = newFigure(chart.id);
          const wide = chart.mount(wideFigure, data, contextFor(lng));
          const figure = newFigure(chart.id);
          const instance = chart.mount(figure, data, contextFor(lng, false, 'narrow'));
          const [, , width = 0, height = 0] = viewBoxOf(figure);
          // Redrawn, not scaled: a frame about the size it is shown at, not the slide's.
          expect(viewBoxOf(figure)).not.toEqual(viewBoxOf(wideFigure));
          expect(width).toBeLessThanOrEqual(520);
          expect(height).toBeGreaterThanOrEqual(width * 0.8);
          expect(figure.querySelector('svg')?.dataset.width).toBe('narrow');
          const scale = PHONE_WIDTH / width;
          let previous = '';
          for (let step = 0; step <= chart.steps; step += 1) {
            await instance.step(step, { animate: false });
            const svg = normalisedSvg(figure);
            // A picture per step, next to the wide ones: __snapshots__/<chart>/<lng>-narrow-step<N>.svg.
            await expect(pictureOf(svg)).toMatchFileSnapshot(
              `__snapshots__/${chart.id}/${lng}-narrow-step${step}.svg`,
            );
            expect(svg).not.toBe(previous);
            previous = svg;
            for (const text of figure.querySelectorAll<SVGElement>('svg text')) {
              if (!text.textContent?.trim()) continue;
              expect(fontSizeOf(text) * scale, text.textContent).toBeGreaterThanOrEqual(12);
            }
            for (const text of textsOf(figure)) expect(text).not.toMatch(/charts:|maps:|\{\{|undefined|NaN/);
          }
          // The same data as the wide chart, as the same table.
          expect(figure.querySelector('table')?.outerHTML).toBe(wideFigure.querySelector('table')?.outerHTML);
          for (const done of [instance, wide]) done.destroy();
          expect(figure.querySelector('svg, table')).toBeNull();
          figure.remove();
          wideFigure.remove();
        });
      }

      it('relabels in place in the narrow frame', async () => {
        const data = dataOf(chart);
        const figure = newFigure(chart.id);
        const instance = chart.mount(figure, data, contextFor('en', false, 'narrow'));
        await instance.step(chart.steps, { animate: false });
        instance.setContext(contextFor('zh', false, 'narrow'));
        const fresh = newFigure(chart.id);
        const direct = chart.mount(fresh, data, contextFor('zh', false, 'narrow'));
        await direct.step(chart.steps, { animate: false });
        expect(normalisedSvg(figure)).toBe(normalisedSvg(fresh));
        for (const done of [instance, direct]) done.destroy();
        figure.remove();
        fresh.remove();
      });
    });
  }
});
