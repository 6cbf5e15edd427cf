import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import i18next from 'i18next';
import { expect, it } from 'vitest';
import { framePad, frameSize } from '../../../src/charts/shared/tokens';
import type { ChartContext, ChartModule } from '../../../src/charts/types';
import enCharts from '../../../src/i18n/locales/en/charts.json';
import enMaps from '../../../src/i18n/locales/en/maps.json';
import zhCharts from '../../../src/i18n/locales/zh/charts.json';
import zhMaps from '../../../src/i18n/locales/zh/maps.json';
import { createFormatters } from '../../../src/shared/format';
import { idleFallbackDelay } from '../../../src/shared/idle';
import type { Lng } from '../../../src/shared/languages';
import files from '../virtual-data';

/** Shared test tools for the chart tests (not a test file itself). */

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['charts', 'maps'],
  defaultNS: 'charts',
  resources: { en: { charts: enCharts, maps: enMaps }, zh: { charts: zhCharts, maps: zhMaps } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** data/ validated as the build validates it: the files `virtual:data` serves the browser. */
export const deckFiles = files;

/** What the registry passes a chart: its part of the validated files. */
export function dataOf<Data>(chart: ChartModule<Data>): Data {
  return chart.select(deckFiles);
}

export const languagesUnderTest: readonly Lng[] = ['en', 'zh'];

export function contextFor(
  lng: Lng,
  reducedMotion = false,
  width: ChartContext['width'] = 'wide',
): ChartContext {
  return {
    lng,
    t: i18n.getFixedT(lng, ['charts', 'maps']),
    format: createFormatters(lng),
    reducedMotion,
    width,
  };
}

/**
 * Waits as long as work queued with whenIdleAfterFrames (src/shared/idle.ts) takes here: two frames (jsdom draws
 * them on a timer), then the idle fallback's timer, since jsdom has no idle callback.
 */
export async function framesThenIdle(): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise((done) => requestAnimationFrame(done));
  await new Promise((done) => setTimeout(done, idleFallbackDelay + 1));
}

export function newFigure(id: string): HTMLElement {
  const figure = document.createElement('figure');
  figure.dataset.chart = id;
  document.body.append(figure);
  return figure;
}

/** The SVG as stable text: per-frame ids made constant, numbers rounded, one element per line. */
export function normalisedSvg(figure: HTMLElement): string {
  const svg = figure.querySelector('svg');
  if (!svg) return '';
  return svg.outerHTML
    .replace(/chart-\d+-(title|desc)/g, 'chart-N-$1')
    .replace(/(\d+\.\d{2})\d+/g, '$1')
    .replace(/></g, '>\n<');
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The slide's background (src/styles/tokens.css), behind the charts' light ink. */
const SLIDE_BACKGROUND = '#0b1d33';

/**
 * A normalised SVG as a file that opens as a picture: the SVG namespace, each theme colour and font resolved
 * to its CSS-variable fallback (the theme's own value), and the slide's background behind it.
 */
export function pictureOf(svg: string): string {
  return `${svg
    .replace(/^<svg /, `<svg xmlns="${SVG_NS}" `)
    .replace(/var\(--[\w-]+,\s*([^()]*)\)/g, '$1')
    .replace(/^(<svg[^>]*>)/, `$1\n<rect width="100%" height="100%" fill="${SLIDE_BACKGROUND}"/>`)}\n`;
}

/** Where a chart's step pictures live, relative to the test file: __snapshots__/<chart>/<lng>-step<N>.svg. */
export function picturePath(id: string, lng: Lng, step: number): string {
  return `__snapshots__/${id}/${lng}-step${step}.svg`;
}

/**
 * The fragments of the slide that holds `<figure data-chart="<id>">`, counted in slides/<lng>/*.md (the speaker
 * notes excluded): what the chart's steps must match, read from the Markdown rather than from the catalog.
 */
export function fragmentsOnChartSlide(id: string, lng: Lng): number {
  const dir = resolve(import.meta.dirname, '../../../slides', lng);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    for (const slide of readFileSync(join(dir, file), 'utf8').split(/^---$/m)) {
      if (!slide.includes(`data-chart="${id}"`)) continue;
      const shown = slide.split(/^Note:/m)[0] ?? '';
      return shown.match(/class="fragment"/g)?.length ?? 0;
    }
  }
  throw new Error(`no slide in slides/${lng}/ holds the chart "${id}"`);
}

/** The attributes that place and size an SVG element. */
export const GEOMETRY = [
  'x',
  'y',
  'width',
  'height',
  'cx',
  'cy',
  'r',
  'd',
  'x1',
  'x2',
  'y1',
  'y2',
  'transform',
  'viewBox',
];

/** Every element's position and size, in document order: what a relabel must not move. */
export function geometryOf(figure: HTMLElement): string[] {
  return Array.from(figure.querySelectorAll('svg, svg *'), (node) =>
    [node.tagName, ...GEOMETRY.map((name) => node.getAttribute(name) ?? '')].join('|'),
  );
}

export function textsOf(figure: HTMLElement): string[] {
  return Array.from(figure.querySelectorAll('svg text'), (node) => node.textContent ?? '');
}

/** The tests every chart gets: snapshots per step and language, step changes, table, relabel, destroy. */
export function standardChartTests<Data>(chart: ChartModule<Data>): void {
  const data = dataOf(chart);
  it('has one step per fragment of its slide, in each language', () => {
    for (const lng of languagesUnderTest) expect(chart.steps).toBe(fragmentsOnChartSlide(chart.id, lng));
  });

  it('has a table with every row filled', () => {
    for (const lng of languagesUnderTest) {
      const table = chart.table(data, contextFor(lng));
      expect(table.caption).not.toMatch(/^charts:|\{\{/);
      expect(table.rows.length).toBeGreaterThan(0);
      for (const row of table.rows) expect(row).toHaveLength(table.head.length);
    }
  });

  for (const lng of languagesUnderTest) {
    it(`draws every step in ${lng} (picture snapshots), each step different from the one before`, async () => {
      const figure = newFigure(chart.id);
      const instance = chart.mount(figure, data, contextFor(lng));
      let previous = '';
      for (let step = 0; step <= chart.steps; step += 1) {
        await instance.step(step, { animate: false });
        const svg = normalisedSvg(figure);
        await expect(pictureOf(svg)).toMatchFileSnapshot(picturePath(chart.id, lng, step));
        expect(svg).not.toBe(previous);
        // No untranslated key or missing interpolation reaches the slide.
        for (const text of textsOf(figure)) expect(text).not.toMatch(/charts:|\{\{|\}\}|undefined|NaN/);
        previous = svg;
      }
      instance.destroy();
      figure.remove();
    }, 30_000); // every step's picture, on a loaded machine
  }

  it('is an accessible image with a translated title and description, and a hidden data table', () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, contextFor('zh'));
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    // The 800×480 drawing in a frame widened for the chart-hero layout.
    expect(svg.getAttribute('viewBox')).toBe(
      `${-framePad} 0 ${frameSize.width + 2 * framePad} ${frameSize.height}`,
    );
    const title = figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`);
    const desc = figure.querySelector(`#${svg.getAttribute('aria-describedby')}`);
    expect(title?.textContent).toBe(chart.table(data, contextFor('zh')).caption);
    expect(desc?.textContent).not.toMatch(/\{\{|charts:|undefined|NaN/);
    expect(desc?.textContent?.length).toBeGreaterThan(20);
    const table = figure.querySelector('table.chart-table.sr-only');
    expect(table?.querySelectorAll('tbody tr').length).toBe(chart.table(data, contextFor('zh')).rows.length);
    instance.destroy();
    figure.remove();
  });

  it('keeps every text at 23 viewBox units or more (≥ 24 px on the slide)', () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, contextFor('en'));
    for (const text of figure.querySelectorAll<SVGElement>('svg text')) {
      const size = Number.parseFloat(
        text.style.fontSize || text.closest<SVGElement>('[style*="font-size"]')?.style.fontSize || '0',
      );
      expect(size, text.textContent ?? '').toBeGreaterThanOrEqual(23);
    }
    instance.destroy();
    figure.remove();
  });

  it('relabels on setContext at the current step without moving anything', async () => {
    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, contextFor('en'));
    await instance.step(chart.steps, { animate: false });
    const geometry = geometryOf(figure);
    const texts = textsOf(figure);
    const title = figure.querySelector('svg title')?.textContent;
    instance.setContext(contextFor('zh'));
    expect(geometryOf(figure)).toEqual(geometry);
    expect(textsOf(figure)).not.toEqual(texts);
    expect(figure.querySelector('svg title')?.textContent).not.toBe(title);
    expect(figure.querySelector('svg')?.getAttribute('lang')).toBe('zh-CN');
    // The screen readers' table follows when the browser is idle after the switch's frames.
    const caption = () => figure.querySelector('table caption')?.textContent;
    expect(caption()).toBe(title);
    await framesThenIdle();
    expect(caption()).toBe(figure.querySelector('svg title')?.textContent);
    // Same state as drawing in Chinese from the start.
    const fresh = newFigure(chart.id);
    const direct = chart.mount(fresh, data, contextFor('zh'));
    await direct.step(chart.steps, { animate: false });
    expect(normalisedSvg(figure)).toBe(normalisedSvg(fresh));
    for (const done of [instance, direct]) done.destroy();
    figure.remove();
    fresh.remove();
  });

  it('animates a step to the same end state as a jump, and a newer step interrupts it', async () => {
    const jumped = newFigure(chart.id);
    const reference = chart.mount(jumped, data, contextFor('en'));
    await reference.step(chart.steps, { animate: false });

    const figure = newFigure(chart.id);
    const instance = chart.mount(figure, data, contextFor('en'));
    const first = instance.step(1, { animate: true });
    const last = instance.step(chart.steps, { animate: true });
    await Promise.all([first, last]);
    expect(normalisedSvg(figure)).toBe(normalisedSvg(jumped));

    // Destroy mid-animation: the promise still settles and nothing is left behind.
    await instance.step(0, { animate: false });
    const interrupted = instance.step(chart.steps, { animate: true });
    instance.destroy();
    await expect(interrupted).resolves.toBeUndefined();
    reference.destroy();
    jumped.remove();
    figure.remove();
  });

  it('destroys idempotently and leaves the figure empty', () => {
    const figure = newFigure(chart.id);
    const caption = document.createElement('figcaption');
    figure.append(caption);
    const instance = chart.mount(figure, data, contextFor('en'));
    expect(figure.querySelector('svg')).not.toBeNull();
    instance.destroy();
    instance.destroy();
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('table')).toBeNull();
    expect(figure.children).toHaveLength(1); // the author's caption stays
    // A destroyed chart ignores late calls.
    instance.setContext(contextFor('zh'));
    expect(figure.querySelector('svg')).toBeNull();
    figure.remove();
  });
}
