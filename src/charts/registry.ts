import type { ChartId } from '../shared/catalog';
import type { ChartModule } from './types';

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

const cache = new Map<ChartId, Promise<ChartModule>>();

/** The chart module for `id`; loaded once. A failed load is forgotten, so a later call can retry. */
export function loadChart(id: ChartId): Promise<ChartModule> {
  const hit = cache.get(id);
  if (hit) return hit;
  const loading = loaders[id]().then((module) => module.chart);
  cache.set(id, loading);
  loading.catch(() => cache.delete(id));
  return loading;
}
