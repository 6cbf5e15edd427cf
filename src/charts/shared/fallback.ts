import type { ChartTable } from '../types';
import { removeTable, renderTable } from './table';

/** How many of a slide's (or print page's) fragments are shown: the step its charts must show. */
export function visibleSteps(container: ParentNode): number {
  return container.querySelectorAll('.fragment.visible').length;
}

/** Removes what a chart or its fallback put in a figure, keeping the author's own content (a caption). */
export function clearFigure(figure: HTMLElement): void {
  for (const node of figure.querySelectorAll(':scope > svg.chart, :scope > p.chart-fallback')) node.remove();
  removeTable(figure);
}

/**
 * What a figure shows when its chart fails: the chart's data as a visible table or, when even the table
 * cannot be made (the module did not load), a one-line message. Never a blank figure.
 */
export function drawFallback(figure: HTMLElement, makeTable: () => ChartTable, message: () => string): void {
  clearFigure(figure);
  figure.dataset.chartState = 'fallback';
  try {
    renderTable(figure, makeTable(), { fallback: true });
  } catch {
    const note = figure.ownerDocument.createElement('p');
    note.className = 'chart-fallback';
    note.textContent = message();
    figure.append(note);
  }
}
