import { GEOMETRY } from './harness';

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

/** Positions and shapes of everything but the labels (which may move to fit the other language). */
export function geometryOf(figure: HTMLElement): string[] {
  return Array.from(
    figure.querySelectorAll('svg *:not(text):not(.map-legend-bg):not(.map-badge rect)'),
    (node) => [node.tagName, ...GEOMETRY.map((name) => node.getAttribute(name) ?? '')].join('|'),
  );
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
