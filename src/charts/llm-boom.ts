import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import {
  caveatText,
  type FigureRecord,
  figureRow,
  figureTableHead,
  formatFigure,
  formatFigureShort,
  isDisputed,
  pickFigure,
} from './shared/figures';
import type { ChartKey } from './shared/i18n';
import type { ChartBody } from './shared/instance';
import { chartColors, textStyle } from './shared/tokens';
import { stepTransition } from './shared/transition';
import { setWrappedText } from './shared/wrap';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * The LLM boom as two bars on one scale. Step 0: 238 models released (disputed: "*"). Step 1: the smaller
 * bar of models registered with the CAC. Step 2: about 70 % of those are industry models (finance,
 * healthcare, education), marked inside the registered bar.
 */

/** Positions in the slide's frame (frameSize), in viewBox units. */
const wide = {
  BAR_X: 40,
  BAR_MAX_WIDTH: 560,
  BAR_HEIGHT: 48,
  RELEASED_Y: 70,
  REGISTERED_Y: 200,
  INDUSTRY_LABEL_Y: 300,
  NOTE_Y: 440,
  /** Widest a note may run before it wraps. */
  NOTE_MAX: Number.POSITIVE_INFINITY,
};
type Geometry = typeof wide;

/** The phone's frame: the same horizontal bars, shorter, with room for the value after them. */
const narrowSize = { width: 440, height: 480 } as const;
const narrow: Geometry = { ...wide, BAR_X: 12, BAR_MAX_WIDTH: 320, NOTE_Y: 436, NOTE_MAX: 416 };
const SECTORS = ['finance', 'healthcare', 'education'] as const;

export interface LlmBoomData {
  released: FigureRecord;
  registered: FigureRecord;
  industryShare: FigureRecord;
}

export interface LlmBoomLayout {
  releasedWidth: number;
  registeredWidth: number;
  industryWidth: number;
  /** Opacity of the registered row and of the industry row. */
  registeredShown: number;
  industryShown: number;
}

/** Pure layout: bar widths on a shared scale, zero until their step. */
export function layoutLlmBoom(
  data: LlmBoomData,
  step: number,
  { BAR_MAX_WIDTH }: Geometry = wide,
): LlmBoomLayout {
  const scale = BAR_MAX_WIDTH / Math.max(data.released.value, data.registered.value);
  const registeredFull = data.registered.value * scale;
  return {
    releasedWidth: data.released.value * scale,
    registeredWidth: step >= 1 ? registeredFull : 0,
    industryWidth: step >= 2 ? registeredFull * data.industryShare.value : 0,
    registeredShown: step >= 1 ? 1 : 0,
    industryShown: step >= 2 ? 1 : 0,
  };
}

function sectors(ctx: ChartContext): string {
  const { t } = ctx;
  return ctx.format.list(SECTORS.map((sector) => t(`charts:llm-boom.sectors.${sector}`)));
}

function describeChart(data: LlmBoomData, ctx: ChartContext): Record<string, string> {
  const { t } = ctx;
  const disputed = [data.released, data.registered, data.industryShare].filter(isDisputed);
  return {
    released: formatFigure(data.released, ctx),
    registered: formatFigure(data.registered, ctx),
    share: formatFigure(data.industryShare, ctx),
    sectors: sectors(ctx),
    caveats: disputed
      .map((figure) => t('charts:common.caveat', { value: caveatText(figure, ctx) }))
      .join(' '),
  };
}

function table(data: LlmBoomData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    caption: t('charts:llm-boom.title'),
    head: figureTableHead(ctx),
    rows: [
      figureRow(t('charts:llm-boom.released'), data.released, ctx),
      figureRow(t('charts:llm-boom.registered'), data.registered, ctx),
      figureRow(`${t('charts:llm-boom.industryName')} (${sectors(ctx)})`, data.industryShare, ctx),
    ],
  };
}

function setup(data: LlmBoomData, body: ChartBody, g: Geometry = wide) {
  const { BAR_X, BAR_HEIGHT, RELEASED_Y, REGISTERED_Y, INDUSTRY_LABEL_Y, NOTE_Y, NOTE_MAX } = g;
  const bars = body.append('g').attr('class', 'bars');
  const released = bars
    .append('rect')
    .attr('class', 'released')
    .attr('x', BAR_X)
    .attr('y', RELEASED_Y)
    .attr('height', BAR_HEIGHT)
    .style('fill', chartColors.muted);
  const registered = bars
    .append('rect')
    .attr('class', 'registered')
    .attr('x', BAR_X)
    .attr('y', REGISTERED_Y)
    .attr('height', BAR_HEIGHT)
    .style('fill', chartColors.ink);
  // A background-coloured edge keeps the vermilion part apart from the ink bar it sits in.
  const industry = bars
    .append('rect')
    .attr('class', 'industry')
    .attr('x', BAR_X)
    .attr('y', REGISTERED_Y)
    .attr('height', BAR_HEIGHT)
    .style('fill', chartColors.accent)
    .style('stroke', chartColors.sea)
    .style('stroke-width', 3);

  const labels = body.append('g').attr('class', 'labels');
  const rowLabel = (y: number) => {
    const row = labels.append('g').attr('transform', `translate(${BAR_X},${y})`);
    const name = row.append('text').attr('y', -14).call(textStyle, 'label');
    const value = row
      .append('text')
      .attr('class', 'value')
      .attr('y', BAR_HEIGHT / 2 + 11)
      .call(textStyle, 'value', { bold: true });
    return { row, name, value };
  };
  const releasedLabel = rowLabel(RELEASED_Y);
  const registeredLabel = rowLabel(REGISTERED_Y);
  const industryRow = labels.append('g').attr('transform', `translate(${BAR_X},${INDUSTRY_LABEL_Y})`);
  const industryName = industryRow
    .append('text')
    .call(textStyle, 'label', { bold: true })
    .style('fill', chartColors.accent);
  const industrySectors = industryRow.append('text').attr('y', 30).call(textStyle, 'label');
  const note = body
    .append('text')
    .attr('class', 'note')
    .attr('x', BAR_X)
    .attr('y', NOTE_Y)
    .call(textStyle, 'small', { muted: true });

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const { t } = ctx;
    const layout = layoutLlmBoom(data, step, g);
    const byDate = (key: ChartKey, figure: FigureRecord) =>
      t('charts:common.byDate', { name: t(key), date: ctx.format.date(figure.asOf) });
    releasedLabel.name.text(byDate('charts:llm-boom.released', data.released));
    releasedLabel.value.text(formatFigureShort(data.released, ctx));
    registeredLabel.name.text(byDate('charts:llm-boom.registered', data.registered));
    registeredLabel.value.text(formatFigureShort(data.registered, ctx));
    industryName.text(t('charts:llm-boom.industry', { value: formatFigureShort(data.industryShare, ctx) }));
    industrySectors.text(sectors(ctx));
    const anyDisputed = [data.released, data.registered, data.industryShare].some(isDisputed);
    setWrappedText(note, anyDisputed ? t('charts:common.disputed') : '', NOTE_MAX, 18);

    // Values sit just right of their bar, so they travel with it.
    const valueX = (width: number) => `translate(${width + 12},0)`;
    return Promise.all([
      stepTransition(released, animate, (s) => s.attr('width', layout.releasedWidth)),
      stepTransition(registered, animate, (s) => s.attr('width', layout.registeredWidth)),
      stepTransition(industry, animate, (s) =>
        s.attr('width', layout.industryWidth).style('opacity', layout.industryShown),
      ),
      stepTransition(releasedLabel.value, animate, (s) => s.attr('transform', valueX(layout.releasedWidth))),
      stepTransition(registeredLabel.value, animate, (s) =>
        s.attr('transform', valueX(layout.registeredWidth)),
      ),
      stepTransition(registeredLabel.row, animate, (s) => s.style('opacity', layout.registeredShown)),
      stepTransition(industryRow, animate, (s) => s.style('opacity', layout.industryShown)),
    ]).then(() => undefined);
  };
}

/** The chart's part of the validated data files. */
function select(files: ValidatedData): LlmBoomData {
  const figures = files.figures.figures;
  return {
    released: pickFigure(figures, 'llms-released'),
    registered: pickFigure(figures, 'cac-registered-models'),
    industryShare: pickFigure(figures, 'cac-industry-share'),
  };
}

export const chart: ChartModule<LlmBoomData> = defineFrameChart({
  id: 'llm-boom',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
