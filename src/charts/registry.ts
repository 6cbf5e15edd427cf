import type { ChartId } from '../shared/catalog';
import type { ValidatedData } from '../shared/data-schema';
import type { ChartModule, LoadedChart } from './types';

/**
 * One dynamic import per chart, so each chart (and the map data) is its own chunk, fetched only when its
 * slide comes up. Written out literally because the bundler can only split imports it can see.
 */
const loaders: Record<ChartId, () => Promise<{ chart: ChartModule }>> = {
  'voyages-map': () => import('./voyages-map'),
  'expansion-map': () => import('./expansion-map'),
  'ai-companies': () => import('./ai-companies'),
  'llm-boom': () => import('./llm-boom'),
  closures: () => import('./closures'),
  funding: () => import('./funding'),
  'timeline-2024': () => import('./timeline-2024'),
  capcut: () => import('./capcut'),
  'routes-then-now': () => import('./routes-then-now'),
  'price-war': () => import('./price-war'),
  'open-source': () => import('./open-source'),
  startups: () => import('./startups'),
  'who-pays': () => import('./who-pays'),
  giants: () => import('./giants'),
};

/**
 * The validated data/ files, one lazy chunk fetched with the first chart (in parallel with its code), so
 * neither the data nor the charts weigh on the main chunk. Each chart selects its part (`module.select`).
 */
let files: Promise<ValidatedData> | undefined;
function loadFiles(): Promise<ValidatedData> {
  if (!files) {
    files = import('virtual:data').then((module) => module.default);
    files.catch(() => {
      files = undefined;
    });
  }
  return files;
}

const cache = new Map<ChartId, Promise<LoadedChart>>();

/** The chart module for `id` and its data; loaded once. A failed load is forgotten, so a later call can retry. */
export function loadChart(id: ChartId): Promise<LoadedChart> {
  const hit = cache.get(id);
  if (hit) return hit;
  const loading = Promise.all([loaders[id](), loadFiles()]).then(([{ chart }, data]) => ({
    module: chart,
    data: chart.select(data),
  }));
  cache.set(id, loading);
  loading.catch(() => cache.delete(id));
  return loading;
}
