/**
 * Chart ids and their step counts. Pure data, read by the build (to check that each chart's slide has as many
 * fragments as the chart has steps) and by the browser registry. A chart module's `steps` must equal this.
 */
export const chartCatalog = {
  'voyages-map': { steps: 3 },
  'expansion-map': { steps: 4 },
  'ai-companies': { steps: 2 },
  'llm-boom': { steps: 2 },
  closures: { steps: 1 },
  funding: { steps: 1 },
  'timeline-2024': { steps: 4 },
  capcut: { steps: 3 },
  'routes-then-now': { steps: 4 },
  'price-war': { steps: 2 },
  'open-source': { steps: 3 },
  startups: { steps: 2 },
  'who-pays': { steps: 3 },
  giants: { steps: 3 },
} as const satisfies Record<string, { steps: number }>;

export type ChartId = keyof typeof chartCatalog;

export function isChartId(value: string): value is ChartId {
  return Object.hasOwn(chartCatalog, value);
}
