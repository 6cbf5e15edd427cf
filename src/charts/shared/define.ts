import { type ChartId, chartCatalog } from '../../shared/catalog';
import type { ValidatedData } from '../../shared/data-schema';
import type { ChartContext, ChartModule, ChartTable } from '../types';
import type { ChartKey } from './i18n';
import { type ChartBody, createChartInstance, type DrawStep } from './instance';
import { framePad, frameSize } from './tokens';

/** The charts with their own title and description in charts.json (`charts:<id>.title`): the framed ones. */
export type FrameChartId = {
  [Id in ChartId]: `charts:${Id}.title` extends ChartKey ? Id : never;
}[ChartId];

/** What a framed (non-map) chart provides; the module around it is the same for every such chart. */
export interface FrameChartSpec<Data> {
  id: FrameChartId;
  /** The chart's part of the validated data files. */
  select(files: ValidatedData): Data;
  table(data: Data, ctx: ChartContext): ChartTable;
  /** Values for the translated description (`charts:<id>.desc`). */
  describe(data: Data, ctx: ChartContext): Record<string, string>;
  /** Builds the static groups once and returns the step drawer. */
  setup(data: Data, body: ChartBody): DrawStep;
  /** The portrait frame for the phone article (ctx.width 'narrow'): its size and its own drawer. */
  narrow?: { size: { width: number; height: number }; setup(data: Data, body: ChartBody): DrawStep };
}

/**
 * A chart module from its parts: the step count comes from the catalog (one source for the build's fragment check
 * and the chart), the title and description from `charts:<id>.title` / `.desc`.
 */
export function defineFrameChart<Data>(spec: FrameChartSpec<Data>): ChartModule<Data> {
  const { id, steps } = { id: spec.id, steps: chartCatalog[spec.id].steps };
  const { narrow } = spec;
  return {
    id,
    steps,
    select: spec.select,
    table: spec.table,
    mount: (el, data, ctx) =>
      createChartInstance({
        el,
        ctx,
        steps,
        ...frameSize,
        padX: framePad,
        titleKey: `charts:${id}.title`,
        descKey: `charts:${id}.desc`,
        descValues: (next) => spec.describe(data, next),
        table: (next) => spec.table(data, next),
        setup: (body) => spec.setup(data, body),
        narrow: narrow && { ...narrow.size, setup: (body: ChartBody) => narrow.setup(data, body) },
      }),
  };
}
