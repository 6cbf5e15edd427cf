import type { Selection } from 'd3';
import { whenIdleAfterFrames } from '../../shared/idle';
import { languages } from '../../shared/languages';
import type { ChartContext, ChartInstance, ChartTable } from '../types';
import { createFrame } from './frame';
import type { ChartKey } from './i18n';
import { removeTable, renderTable } from './table';
import { clampStep, interruptSteps } from './transition';

export type ChartBody = Selection<SVGGElement, unknown, null, undefined>;

/** Draws the state at `step`. Text is set at once; marks move through stepTransition when `animate`. */
export type DrawStep = (step: number, ctx: ChartContext, animate: boolean) => Promise<void>;

export interface ChartShellOptions {
  el: HTMLElement;
  ctx: ChartContext;
  /** The last step (= the chart module's `steps`). */
  steps: number;
  width: number;
  height: number;
  padX?: number;
  titleKey: ChartKey;
  descKey: ChartKey;
  descValues?: (ctx: ChartContext) => Record<string, string>;
  table: (ctx: ChartContext) => ChartTable;
  /** Builds the static groups once and returns the step drawer. */
  setup: (body: ChartBody) => DrawStep;
  /** The portrait frame for ctx.width 'narrow' (the phone article), drawn by the same module. */
  narrow?: { width: number; height: number; padX?: number; setup: (body: ChartBody) => DrawStep };
}

/**
 * The ChartInstance every chart returns: frame + accessible table + the chart's own drawer, with the step
 * bookkeeping (clamping, relabel at the current step, idempotent destroy) in one place.
 */
export function createChartInstance(options: ChartShellOptions): ChartInstance {
  const { el, steps } = options;
  let ctx = options.ctx;
  let current = 0;
  let destroyed = false;
  // The width class is fixed for an instance: a new one is mounted when it changes.
  // The narrow frame is its own portrait frame: none of the wide frame's side padding (chart-hero's 2.2:1).
  const frameOptions =
    ctx.width === 'narrow' && options.narrow ? { ...options, padX: 0, ...options.narrow } : options;
  const frame = createFrame(el, frameOptions);
  if (ctx.width === 'narrow') frame.svg.attr('data-width', 'narrow');
  // The table says its own language: after a switch it keeps the old one (and its style and layout) until the
  // browser is idle and it is relabelled.
  const drawTable = (): void => {
    renderTable(el, options.table(ctx), { lang: languages[ctx.lng].htmlLang });
  };
  drawTable();
  const draw = frameOptions.setup(frame.body);
  // A draw the shell starts itself (on mount, on a relabel) that fails later is kept, not swallowed: the next
  // step() rejects with it, and the charts plugin shows the data table in the chart's place.
  let failure: { error: unknown } | undefined;
  /** A relabel of the screen readers' table, waiting for the browser to be idle. */
  let cancelTable: (() => void) | undefined;
  const redraw = (): void => {
    draw(current, ctx, false).catch((error: unknown) => {
      failure ??= { error };
    });
  };
  redraw();

  return {
    step(n, opts) {
      if (destroyed) return Promise.resolve();
      if (failure) return Promise.reject(failure.error);
      current = clampStep(n, steps);
      try {
        return draw(current, ctx, (opts?.animate ?? true) && !ctx.reducedMotion);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    setContext(next) {
      if (destroyed) return;
      ctx = next;
      frame.setContext(ctx);
      redraw();
      // What is seen relabels now; the screen readers' copy of the data (a table set in one line per cell, whose
      // layout cost a switch more than the drawing's) follows when the browser is next idle once the switch's two
      // frames are drawn (idle time between them is the raster's), within a second.
      cancelTable?.();
      cancelTable = whenIdleAfterFrames(2, () => {
        cancelTable = undefined;
        drawTable();
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelTable?.();
      interruptSteps(frame.svg);
      frame.destroy();
      removeTable(el);
    },
  };
}
