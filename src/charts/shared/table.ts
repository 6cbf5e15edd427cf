import type { ChartTable } from '../types';

export interface TableOptions {
  /** true: the visible fallback shown when a chart fails; false: hidden for sight, read by screen readers. */
  fallback?: boolean;
  /** The table's language (its html lang), when it can differ from the slide's for a moment: see instance.ts. */
  lang?: string;
}

const TABLE_CLASS = 'chart-table';

/**
 * The chart's data as a real table (caption, column headers, a row header per row). Replaces any table this
 * helper drew before in `container`, so calling it again relabels.
 */
export function renderTable(
  container: HTMLElement,
  table: ChartTable,
  options: TableOptions = {},
): HTMLTableElement {
  removeTable(container);
  const doc = container.ownerDocument;
  const tableEl = doc.createElement('table');
  tableEl.className = `${TABLE_CLASS} ${options.fallback ? 'chart-fallback' : 'sr-only'}`;
  if (options.lang) tableEl.lang = options.lang;
  const caption = doc.createElement('caption');
  caption.textContent = table.caption;
  tableEl.append(caption);

  const head = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  for (const label of table.head) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    headRow.append(th);
  }
  head.append(headRow);
  tableEl.append(head);

  const body = doc.createElement('tbody');
  for (const row of table.rows) {
    const tr = doc.createElement('tr');
    row.forEach((value, index) => {
      // The first cell names the row, so screen readers announce it with each value.
      const cell = doc.createElement(index === 0 ? 'th' : 'td');
      if (index === 0) cell.setAttribute('scope', 'row');
      cell.textContent = value;
      tr.append(cell);
    });
    body.append(tr);
  }
  tableEl.append(body);
  container.append(tableEl);
  return tableEl;
}

/** Removes the table drawn by renderTable, if any. */
export function removeTable(container: HTMLElement): void {
  for (const old of container.querySelectorAll(`:scope > table.${TABLE_CLASS}`)) old.remove();
}
