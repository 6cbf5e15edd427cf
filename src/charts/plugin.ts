import { type ChartId, isChartId } from '../shared/catalog';
import { whenIdleAfterFrames } from '../shared/idle';
import { loadChart as loadChartModule } from './registry';
import { clearFigure, drawFallback, visibleSteps } from './shared/fallback';
import type { ChartContext, ChartInstance, LoadedChart } from './types';

/** The part of reveal's API the plugin uses (RevealApi fits it; so does a small fake in tests). */
export interface DeckLike {
  on(type: string, listener: (event: Event) => void): void;
  off(type: string, listener: (event: Event) => void): void;
  getCurrentSlide(): HTMLElement | undefined;
  isReady?(): boolean;
  isPrintingPDF?(): boolean;
  /** At run time in reveal 6, missing from its types. */
  isPrintView?(): boolean;
  getRevealElement?(): HTMLElement | null;
}

export interface ChartsPluginOptions {
  getContext(): ChartContext;
  /** The deck's language signal: every live chart relabels when it fires (see deck/language.ts). */
  subscribe?(listener: () => void): () => void;
  /** A chart module and its data; defaults to the registry's dynamic imports and `virtual:data`. */
  loadChart?: (id: ChartId) => Promise<LoadedChart>;
  /** Chart id that must fail on mount (the fallback's end-to-end test); defaults to ?chart-fail=<id>. */
  failChart?: string | null;
  /**
   * Runs `work` when the browser is idle (default: whenIdleAfterFrames, src/shared/idle.ts): the charts of the
   * slides either side of the current one are drawn then, so a chart is ready before its slide is shown.
   */
  whenIdle?: (work: () => void) => void;
}

/** The charts either side may wait longer than a switch's leftovers: nothing needs them until the next slide. */
const browserIdle = (work: () => void): void => {
  // Not before the slide that just arrived has had its first two frames: an idle period comes between them, and a
  // map drawn there would hold the second one back.
  whenIdleAfterFrames(2, work, { timeout: 2000 });
};

export interface ChartsPlugin {
  id: 'charts';
  init(deck: DeckLike): void;
  destroy(): void;
  /** New language: relabel every live chart at its current step. */
  setContext(ctx: ChartContext): void;
  /** Resolves when no chart is loading or stepping. */
  whenIdle(): Promise<void>;
}

interface LiveChart {
  id: string;
  figure: HTMLElement;
  /** The step asked for last; a load in flight applies it when done. */
  step: number;
  ctx: ChartContext;
  /** The module and the data it is given, once loaded. */
  loaded?: LoadedChart;
  instance?: ChartInstance;
  failed: boolean;
  destroyed: boolean;
}

const FIGURES = 'figure[data-chart]';

/** The slide a figure sits in (the innermost section), or the print page that holds it. */
function slideOf(figure: HTMLElement): ParentNode | null {
  return figure.closest('.pdf-page') ?? figure.closest('section');
}

/**
 * Mounts the charts of the slide on screen, steps them with the slide's fragments, relabels them on a
 * language switch, draws every page's charts in print, and puts a table in place of any chart that fails.
 */
export function createChartsPlugin(options: ChartsPluginOptions): ChartsPlugin {
  const load = options.loadChart ?? loadChartModule;
  const failChart =
    options.failChart !== undefined
      ? options.failChart
      : typeof location === 'undefined'
        ? null
        : new URLSearchParams(location.search).get('chart-fail');
  const live = new Map<HTMLElement, LiveChart>();
  const pending = new Set<Promise<void>>();
  const warned = new Set<string>();
  let deck: DeckLike | null = null;
  let printed = false;

  const track = (work: Promise<void>): void => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const fallback = (chart: LiveChart, error: unknown): void => {
    if (chart.failed || chart.destroyed) return;
    chart.failed = true;
    try {
      chart.instance?.destroy();
    } catch {
      // Already broken: clearing the figure below is what matters.
    }
    chart.instance = undefined;
    showFallback(chart);
    if (!warned.has(chart.id)) {
      warned.add(chart.id);
      console.warn(`[charts] "${chart.id}" could not be drawn; showing its data as a table.`, error);
    }
  };

  const showFallback = (chart: LiveChart): void => {
    const { loaded, ctx } = chart;
    drawFallback(
      chart.figure,
      () => {
        if (!loaded) throw new Error(`chart "${chart.id}" did not load`);
        return loaded.module.table(loaded.data, ctx);
      },
      () => ctx.t('charts:common.unavailable'),
    );
  };

  const markReady = (chart: LiveChart, step: number): void => {
    if (chart.destroyed || chart.failed || chart.step !== step) return;
    chart.figure.dataset.chartState = 'ready';
    chart.figure.dataset.step = String(step);
  };

  const runStep = (chart: LiveChart, step: number, animate: boolean): Promise<void> => {
    const { instance } = chart;
    if (!instance) return Promise.resolve();
    try {
      return instance.step(step, { animate: animate && !chart.ctx.reducedMotion }).then(
        () => markReady(chart, step),
        (error: unknown) => fallback(chart, error),
      );
    } catch (error) {
      fallback(chart, error);
      return Promise.resolve();
    }
  };

  const mount = (figure: HTMLElement, step: number, ctx: ChartContext): void => {
    const id = figure.dataset.chart ?? '';
    const chart: LiveChart = { id, figure, step, ctx, failed: false, destroyed: false };
    live.set(figure, chart);
    figure.dataset.chartState = 'loading';
    const loading = isChartId(id) ? load(id) : Promise.reject(new Error(`unknown chart id "${id}"`));
    track(
      loading
        .then((loaded) => {
          chart.loaded = loaded;
          if (chart.destroyed) return;
          if (failChart === id) throw new Error(`?chart-fail=${id}`);
          chart.instance = loaded.module.mount(figure, loaded.data, chart.ctx);
          return runStep(chart, chart.step, false);
        })
        .catch((error: unknown) => fallback(chart, error)),
    );
  };

  /** Shows `step` on the figure's chart, mounting it first if needed. */
  const show = (figure: HTMLElement, step: number, animate: boolean, ctx = options.getContext()): void => {
    const chart = live.get(figure);
    if (!chart) {
      mount(figure, step, ctx);
      return;
    }
    if (chart.step === step && chart.figure.dataset.step === String(step)) return;
    chart.step = step;
    if (chart.instance) track(runStep(chart, step, animate));
  };

  const unmount = (chart: LiveChart): void => {
    chart.destroyed = true;
    live.delete(chart.figure);
    try {
      chart.instance?.destroy();
    } catch {
      // A chart that fails to clean up must not stop the deck; the figure is cleared below anyway.
    }
    clearFigure(chart.figure);
    delete chart.figure.dataset.chartState;
    delete chart.figure.dataset.step;
  };

  const isPrint = (): boolean => Boolean(deck?.isPrintView?.() || deck?.isPrintingPDF?.());

  /** The slides either side of `slide`. */
  const neighbours = (slide: Element): Element[] =>
    [slide.previousElementSibling, slide.nextElementSibling].filter((s): s is Element => s !== null);

  /**
   * Draws the charts of the slides either side of `slide` when the browser is idle, each at its slide's step, so
   * arriving on a chart slide only shows what is already drawn. Not while the slides are hidden under the phone
   * article, which draws its own.
   */
  let premountFor: Element | undefined;
  const premountAround = (slide: Element): void => {
    if (premountFor === slide) return;
    premountFor = slide;
    (options.whenIdle ?? browserIdle)(() => {
      if (premountFor !== slide || !deck || isPrint()) return;
      if (document.documentElement.classList.contains('phone-layout')) return;
      const ctx = options.getContext();
      for (const near of neighbours(slide)) {
        for (const figure of near.querySelectorAll<HTMLElement>(FIGURES)) {
          if (!live.has(figure)) mount(figure, visibleSteps(near), ctx);
        }
      }
    });
  };

  /** Mount the current slide's charts at its step; free the charts of every slide but it and its neighbours. */
  const syncCurrentSlide = (): void => {
    if (!deck || isPrint()) return;
    const slide = deck.getCurrentSlide();
    const kept = slide ? [slide, ...neighbours(slide)] : [];
    for (const chart of [...live.values()]) {
      const at = chart.figure.closest('section');
      if (!at || !kept.includes(at)) unmount(chart);
    }
    if (!slide) return;
    // Arriving on a slide is a jump: land at its step without animating.
    for (const figure of slide.querySelectorAll<HTMLElement>(FIGURES))
      show(figure, visibleSteps(slide), false);
    premountAround(slide);
  };

  const onFragment = (event: Event): void => {
    if (!deck || isPrint()) return;
    const { fragment } = event as Event & { fragment?: Element };
    const slide = fragment?.closest('section') ?? deck.getCurrentSlide();
    if (!slide) return;
    const ctx = options.getContext();
    for (const figure of slide.querySelectorAll<HTMLElement>(FIGURES)) {
      show(figure, visibleSteps(slide), !ctx.reducedMotion, ctx);
    }
  };

  const onPdfReady = (): void => {
    if (printed) return;
    printed = true;
    const root = deck?.getRevealElement?.() ?? document;
    const ctx = { ...options.getContext(), reducedMotion: true };
    for (const page of root.querySelectorAll<HTMLElement>('.pdf-page')) {
      for (const figure of page.querySelectorAll<HTMLElement>(FIGURES)) {
        // A page cloned for a fragment step also cloned whatever its figure held: start clean.
        if (!live.has(figure)) clearFigure(figure);
        show(figure, visibleSteps(page), false, ctx);
      }
    }
    void whenIdle().then(() => {
      document.documentElement.dataset.chartsPrinted = 'true';
    });
  };

  const whenIdle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };

  const listeners: [string, (event: Event) => void][] = [
    ['ready', syncCurrentSlide],
    ['slidechanged', syncCurrentSlide],
    ['fragmentshown', onFragment],
    ['fragmenthidden', onFragment],
    ['pdf-ready', onPdfReady],
  ];

  let unsubscribe: (() => void) | undefined;
  const plugin: ChartsPlugin = {
    id: 'charts',
    init(next) {
      deck = next;
      unsubscribe = options.subscribe?.(() => plugin.setContext(options.getContext()));
      for (const [type, listener] of listeners) next.on(type, listener);
      // Registered after reveal got going: catch up with what already happened.
      if (document.querySelector('.pdf-page')) onPdfReady();
      else if (next.isReady?.()) syncCurrentSlide();
    },
    destroy() {
      unsubscribe?.();
      unsubscribe = undefined;
      if (deck) for (const [type, listener] of listeners) deck.off(type, listener);
      deck = null;
      for (const chart of [...live.values()]) unmount(chart);
    },
    setContext(ctx) {
      const current = deck?.getCurrentSlide();
      for (const chart of [...live.values()]) {
        // A chart drawn ahead on a slide off screen is dropped, and drawn again in the new language when idle:
        // a switch relabels only what is on screen.
        const offScreen = !isPrint() && current !== undefined && chart.figure.closest('section') !== current;
        if (!chart.figure.isConnected || offScreen) {
          unmount(chart);
          continue;
        }
        chart.ctx = isPrint() ? { ...ctx, reducedMotion: true } : ctx;
        if (chart.failed) {
          showFallback(chart);
          continue;
        }
        try {
          chart.instance?.setContext(chart.ctx);
        } catch (error) {
          fallback(chart, error);
          continue;
        }
        // The language switch keeps the step, but re-read it in case the slide's fragments changed.
        const slide = slideOf(chart.figure);
        if (slide) show(chart.figure, visibleSteps(slide), false, chart.ctx);
      }
      premountFor = undefined;
      syncCurrentSlide();
    },
    whenIdle,
  };
  return plugin;
}
