import { loadChart } from '../../charts/registry';
import { clearFigure, drawFallback } from '../../charts/shared/fallback';
import type { ChartContext, ChartInstance, LoadedChart } from '../../charts/types';
import { isChartId } from '../../shared/catalog';

/**
 * The article's charts: each loads and mounts as its section approaches (a screen ahead), draws for the
 * column's width class, steps with its captions, and shows its data as a table if it fails. The slides'
 * charts plugin does the same for reveal's current slide; the article has many charts on screen over time.
 */

export interface PhoneCharts {
  /** Show `step` on a section's chart (or remember it for when the chart mounts). */
  step(figure: HTMLElement, step: number, animate: boolean): void;
  /** New language or width class: redraw every mounted chart at its step. */
  setContext(ctx: ChartContext): void;
  /** Resolves when no chart is loading or stepping. */
  whenIdle(): Promise<void>;
  destroy(): void;
}

interface Live {
  id: string;
  step: number;
  loaded?: LoadedChart;
  instance?: ChartInstance;
  failed: boolean;
}

export function createPhoneCharts(article: HTMLElement, context: () => ChartContext): PhoneCharts {
  const live = new Map<HTMLElement, Live>();
  const wanted = new Map<HTMLElement, number>();
  const pending = new Set<Promise<void>>();
  let ctx = context();
  let destroyed = false;

  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const ready = (figure: HTMLElement, chart: Live, step: number) => {
    if (chart.failed || chart.step !== step) return;
    figure.dataset.chartState = 'ready';
    figure.dataset.step = String(step);
  };

  const fail = (figure: HTMLElement, chart: Live, error: unknown) => {
    if (chart.failed || destroyed) return;
    chart.failed = true;
    try {
      chart.instance?.destroy();
    } catch {
      // Already broken; the figure is cleared below.
    }
    chart.instance = undefined;
    const { loaded } = chart;
    drawFallback(
      figure,
      () => {
        if (!loaded) throw new Error(`chart "${chart.id}" did not load`);
        return loaded.module.table(loaded.data, ctx);
      },
      () => ctx.t('charts:common.unavailable'),
    );
    console.warn(`[charts] "${chart.id}" could not be drawn; showing its data as a table.`, error);
  };

  const run = (figure: HTMLElement, chart: Live, animate: boolean): Promise<void> => {
    const step = chart.step;
    if (!chart.instance) return Promise.resolve();
    try {
      return chart.instance.step(step, { animate: animate && !ctx.reducedMotion }).then(
        () => ready(figure, chart, step),
        (error: unknown) => fail(figure, chart, error),
      );
    } catch (error) {
      fail(figure, chart, error);
      return Promise.resolve();
    }
  };

  const draw = (figure: HTMLElement, chart: Live): void => {
    if (!chart.loaded || chart.failed || destroyed) return;
    try {
      chart.instance?.destroy();
      clearFigure(figure);
      chart.instance = chart.loaded.module.mount(figure, chart.loaded.data, ctx);
    } catch (error) {
      fail(figure, chart, error);
      return;
    }
    track(run(figure, chart, false));
  };

  const mount = (figure: HTMLElement): void => {
    if (live.has(figure)) return;
    const id = figure.dataset.chart ?? '';
    const chart: Live = { id, step: wanted.get(figure) ?? 0, failed: false };
    live.set(figure, chart);
    figure.dataset.chartState = 'loading';
    const loading = isChartId(id) ? loadChart(id) : Promise.reject(new Error(`unknown chart id "${id}"`));
    track(
      loading.then(
        (loaded) => {
          chart.loaded = loaded;
          draw(figure, chart);
        },
        (error: unknown) => fail(figure, chart, error),
      ),
    );
  };

  // Half a screen ahead (and behind): the chart is drawn (tens of ms) before its section scrolls in, and a page
  // opened at the top draws nothing that is not near the first screen.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) mount(entry.target as HTMLElement);
    },
    { rootMargin: '50% 0px 50% 0px' },
  );
  for (const figure of article.querySelectorAll<HTMLElement>('figure[data-chart]')) observer.observe(figure);

  return {
    step(figure, step, animate) {
      wanted.set(figure, step);
      const chart = live.get(figure);
      // Not near the screen yet: it mounts at this step when its section approaches.
      if (!chart) return;
      if (chart.step === step) return;
      chart.step = step;
      if (chart.instance) track(run(figure, chart, animate));
    },
    setContext(next) {
      const redraw = next.width !== ctx.width;
      ctx = next;
      for (const [figure, chart] of live) {
        if (chart.failed) {
          chart.failed = false;
          if (chart.loaded) draw(figure, chart);
        } else if (redraw) draw(figure, chart);
        else chart.instance?.setContext(ctx);
      }
    },
    async whenIdle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      for (const [figure, chart] of live) {
        try {
          chart.instance?.destroy();
        } catch {
          // Leaving anyway.
        }
        clearFigure(figure);
      }
      live.clear();
    },
  };
}
