import { expect, it } from 'vitest';
import type { ChartModule } from '../../../src/charts/types';
import type { Lng } from '../../../src/shared/languages';
import {
  contextFor,
  dataOf,
  fragmentsOnChartSlide,
  GEOMETRY,
  languagesUnderTest,
  newFigure,
  pictureOf,
  picturePath,
} from './harness';

/** Test tools for the two maps (not a test file itself). */

// The maps share the chart tests' i18next instance (charts and maps namespaces) and figure helper.
export { contextFor as mapContext, dataOf, languagesUnderTest as lngs, newFigure } from './harness';

/** A short, stable stand-in for country outlines (the world is 100 kB): length and checksum. */
function digest(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return `[${text.length} chars #${(hash >>> 0).toString(16)}]`;
}

/** The SVG as stable text: frame ids constant, numbers at 1 decimal, base map digested, one tag per line. */
export function normalisedSvg(figure: HTMLElement): string {
  const svg = figure.querySelector('svg');
  if (!svg) return '';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const base of copy.querySelectorAll('.map-land, .map-borders, .map-area')) {
    base.setAttribute('d', digest(base.getAttribute('d') ?? ''));
  }
  // A casing repeats its gold line's path.
  for (const casing of copy.querySelectorAll('.map-casing')) casing.setAttribute('d', '[line]');
  return copy.outerHTML
    .replace(/chart-\d+-(title|desc)/g, 'chart-N-$1')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}

/**
 * A path at whole units, dropping points within 2 units of the last one kept and islands under 4 units across:
 * the world map at a fraction of its size and, at 960 units wide, no visible change.
 */
function coarsePath(d: string): string {
  return (d.match(/M[^M]*/g) ?? [])
    .map((ring) => {
      const points: [number, number][] = [];
      for (const [, x, y] of ring.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
        const point: [number, number] = [Math.round(Number(x)), Math.round(Number(y))];
        const last = points.at(-1);
        if (!last || Math.abs(point[0] - last[0]) + Math.abs(point[1] - last[1]) >= 2) points.push(point);
      }
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      if (Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys) < 4) return '';
      return `M${points.map((p) => p.join(',')).join('L')}${ring.trimEnd().endsWith('Z') ? 'Z' : ''}`;
    })
    .join('');
}

/**
 * The map as a picture file: everything as drawn, numbers at one decimal, the world map (land, borders and
 * highlighted countries, 100 kB at full precision) at whole units, which is sharp enough to look at.
 */
export function mapPicture(figure: HTMLElement): string {
  const svg = figure.querySelector('svg');
  if (!svg) return '';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const shape of copy.querySelectorAll('.map-land, .map-borders, .map-area')) {
    shape.setAttribute('d', coarsePath(shape.getAttribute('d') ?? ''));
  }
  return pictureOf(
    copy.outerHTML
      .replace(/chart-\d+-(title|desc)/g, 'chart-N-$1')
      .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
      .replace(/></g, '>\n<'),
  );
}

/** Positions and shapes of everything but the labels (which may move to fit the other language). */
export function geometryOf(figure: HTMLElement): string[] {
  return Array.from(
    figure.querySelectorAll('svg *:not(text):not(.map-legend-bg):not(.map-badge rect)'),
    (node) => [node.tagName, ...GEOMETRY.map((name) => node.getAttribute(name) ?? '')].join('|'),
  );
}

/**
 * The marks' shape and place attributes written while `run` runs, even with the value they had: a relabel that
 * writes an unchanged `d` has the browser parse the path and lay the mark out again.
 */
export function geometryWrites(figure: HTMLElement, run: () => void): string[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(figure, { subtree: true, attributeFilter: ['d', 'cx', 'cy', 'r', 'stroke-width'] });
  run();
  const writes = observer.takeRecords().map(({ target, attributeName }) => {
    const mark = target instanceof Element ? target.closest('[data-id]') : null;
    return `${mark?.getAttribute('data-id') ?? target.nodeName} ${attributeName}`;
  });
  observer.disconnect();
  return writes;
}

export function labelTexts(figure: HTMLElement): string[] {
  return Array.from(figure.querySelectorAll('.map-label'), (node) => node.textContent ?? '');
}

/** Strokes (route legs or arcs) fully drawn: dash offset 0 on the gold line. */
export function drawnStrokes(figure: HTMLElement): number {
  return Array.from(figure.querySelectorAll('.map-line')).filter(
    (line) => Number(line.getAttribute('stroke-dashoffset')) === 0,
  ).length;
}

export function visible(figure: HTMLElement, selector: string): string[] {
  return Array.from(figure.querySelectorAll(selector))
    .filter((node) => Number(node.getAttribute('opacity')) === 1)
    .map((node) => node.getAttribute('data-id') ?? '');
}

/** Drawing and writing every step's picture (the world map included) takes seconds on a loaded machine. */
const PICTURE_TEST_MS = 30_000;

export interface MapTestSpec<Data> {
  /** Strokes (route legs or arcs) drawn at `step`, from the map's pure layout. */
  strokesAt(data: Data, step: number): number;
  /** A place label shown at the last step, in each language: a relabel swaps one for the other. */
  label: Record<Lng, string>;
}

/** The tests both maps get: picture snapshots per step and language, accessibility, relabel, motion, destroy. */
export function standardMapTests<Data>(chart: ChartModule<Data>, spec: MapTestSpec<Data>): void {
  const data = dataOf(chart);
  const last = chart.steps;
  const mount = (lng: Lng, reducedMotion = false) => {
    const figure = newFigure(chart.id);
    return { figure, instance: chart.mount(figure, data, contextFor(lng, reducedMotion)) };
  };

  it('has one step per fragment of its slide, in each language', () => {
    for (const lng of languagesUnderTest) expect(chart.steps).toBe(fragmentsOnChartSlide(chart.id, lng));
  });

  for (const lng of languagesUnderTest) {
    it(
      `draws every step in ${lng} (picture snapshots), each with more strokes than the one before`,
      async () => {
        const { figure, instance } = mount(lng);
        let before = -1;
        for (let step = 0; step <= last; step += 1) {
          await instance.step(step, { animate: false });
          await expect(mapPicture(figure)).toMatchFileSnapshot(picturePath(chart.id, lng, step));
          const drawn = drawnStrokes(figure);
          expect(drawn).toBeGreaterThan(before);
          expect(drawn).toBe(spec.strokesAt(data, step));
          before = drawn;
          for (const text of figure.querySelectorAll('svg text, svg title, svg desc')) {
            expect(text.textContent).not.toMatch(/maps:|charts:|\{\{|undefined|NaN|Infinity/);
          }
        }
        instance.destroy();
        figure.remove();
      },
      PICTURE_TEST_MS,
    );
  }

  it('is an accessible image with a translated title and description, a full data table and text ≥ 18 units', () => {
    const { figure, instance } = mount('zh');
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 1160 540');
    const title = figure.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent ?? '';
    const desc = figure.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent ?? '';
    expect(title).toBe(figure.querySelector('.map-title')?.textContent);
    expect(desc.length).toBeGreaterThan(20);
    for (const text of [title, desc]) expect(text).not.toMatch(/maps:|\{\{|undefined|NaN/);
    const table = chart.table(data, contextFor('zh'));
    for (const row of table.rows) expect(row).toHaveLength(table.head.length);
    expect(figure.querySelectorAll('table.chart-table tbody tr')).toHaveLength(table.rows.length);
    for (const text of svg.querySelectorAll('text')) {
      const size = text.getAttribute('font-size') ?? text.closest('[font-size]')?.getAttribute('font-size');
      expect(Number(size), text.textContent ?? '').toBeGreaterThanOrEqual(24);
    }
    instance.destroy();
    figure.remove();
  });

  it('relabels on setContext without moving any mark, as if drawn in the new language', async () => {
    const { figure, instance } = mount('en');
    await instance.step(last, { animate: false });
    const geometry = geometryOf(figure);
    expect(labelTexts(figure)).toContain(spec.label.en);
    expect(geometryWrites(figure, () => instance.setContext(contextFor('zh')))).toEqual([]);
    expect(geometryOf(figure)).toEqual(geometry);
    expect(labelTexts(figure)).toContain(spec.label.zh);
    expect(figure.querySelector('svg')?.getAttribute('lang')).toBe('zh-CN');
    const direct = mount('zh');
    await direct.instance.step(last, { animate: false });
    expect(normalisedSvg(figure)).toBe(normalisedSvg(direct.figure));
    for (const done of [instance, direct.instance]) done.destroy();
    figure.remove();
    direct.figure.remove();
  });

  it('lands at once with reduced motion', async () => {
    const { figure, instance } = mount('en', true);
    const done = instance.step(last);
    expect(drawnStrokes(figure)).toBe(spec.strokesAt(data, last));
    await done;
    instance.destroy();
    figure.remove();
  });

  it('lets a newer step interrupt a running one', async () => {
    const { figure, instance } = mount('en');
    const running = instance.step(last);
    await instance.step(1, { animate: false });
    await expect(running).resolves.toBeUndefined();
    // A transition the jump interrupted must not come back a few frames later.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(drawnStrokes(figure)).toBe(spec.strokesAt(data, 1));
    instance.destroy();
    figure.remove();
  });

  it('destroys twice safely, mid-animation too, and keeps the author’s content', async () => {
    const { figure, instance } = mount('en');
    const caption = document.createElement('figcaption');
    figure.append(caption);
    const running = instance.step(last);
    instance.destroy();
    instance.destroy();
    await expect(running).resolves.toBeUndefined();
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('table')).toBeNull();
    expect(figure.children).toHaveLength(1);
    await expect(instance.step(1)).resolves.toBeUndefined();
    instance.setContext(contextFor('zh'));
    expect(figure.querySelector('svg')).toBeNull();
    figure.remove();
  });
}
