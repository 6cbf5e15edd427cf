import type { ValidatedData } from '../shared/data-schema';
import { defineFrameChart } from './shared/define';
import {
  type FigureRecord,
  figureRow,
  figureTableHead,
  formatFigure,
  localText,
  pickFigure,
  shortSource,
} from './shared/figures';
import type { ChartBody } from './shared/instance';
import { chartColors, textStyle } from './shared/tokens';
import { stepTransition } from './shared/transition';
import type { ChartContext, ChartModule, ChartTable } from './types';

/**
 * 1,500 active AI companies worldwide → 751 in China → 103 of them abroad, as a unit chart: one square per
 * ten companies, filled column by column so each subset is a block inside the one before.
 * Step 0: the world (outlined squares). Step 1: China's half fills. Step 2: the abroad block turns vermilion.
 */

const COMPANIES_PER_SQUARE = 10;
const ROWS = 10;
/** Positions in the slide's frame (frameSize), in viewBox units: the squares left, the labels right. */
const wide = {
  CELL: 24,
  PITCH: 28,
  GRID_X: 40,
  GRID_Y: 40,
  LABEL_X: 480,
  LABEL_Y: [70, 180, 290] as readonly [number, number, number],
  FOOTER_Y: [400, 440] as readonly [number, number],
};
type Geometry = typeof wide;

/** The phone's frame: the squares on top, the three labels stacked under them. */
const narrowSize = { width: 400, height: 600 } as const;
const narrow: Geometry = {
  CELL: 20,
  PITCH: 24,
  GRID_X: 22,
  GRID_Y: 16,
  LABEL_X: 22,
  LABEL_Y: [290, 375, 460],
  FOOTER_Y: [552, 584],
};
const CELL_STAGGER_MS = 300;
const CELL_MS = 450;

export interface AiCompaniesData {
  world: FigureRecord;
  china: FigureRecord;
  abroad: FigureRecord;
}

/** 0 = the world, 1 = in China, 2 = abroad: the step at which a square or label takes its colour. */
export type Tier = 0 | 1 | 2;

export interface Square {
  index: number;
  x: number;
  y: number;
  tier: Tier;
}

/** Pure layout: squares in column-major order, so the first ones (China, then abroad) form left blocks. */
export function layoutSquares(data: AiCompaniesData, { GRID_X, GRID_Y, PITCH }: Geometry = wide): Square[] {
  const count = (figure: FigureRecord) => Math.round(figure.value / COMPANIES_PER_SQUARE);
  const [world, china, abroad] = [count(data.world), count(data.china), count(data.abroad)];
  return Array.from({ length: world }, (_, index) => ({
    index,
    x: GRID_X + Math.floor(index / ROWS) * PITCH,
    y: GRID_Y + (index % ROWS) * PITCH,
    tier: index < abroad ? 2 : index < china ? 1 : 0,
  }));
}

/** What a square shows at a step: a tier not reached yet looks like the tier before. */
export function squareFill(square: Square, step: number): string {
  const shown = Math.min(square.tier, step);
  return shown === 2 ? chartColors.accent : shown === 1 ? chartColors.ink : 'transparent';
}

function squareStroke(square: Square, step: number): string {
  return Math.min(square.tier, step) === 2 ? chartColors.accent : chartColors.muted;
}

interface TierLabel {
  tier: Tier;
  value: string;
  name: string;
  note: string;
}

function tierLabels(data: AiCompaniesData, ctx: ChartContext): TierLabel[] {
  const { t } = ctx;
  const share = (part: FigureRecord, whole: FigureRecord) => ctx.format.percent(part.value / whole.value);
  return [
    { tier: 0, value: formatFigure(data.world, ctx), name: t('charts:ai-companies.world'), note: '' },
    {
      tier: 1,
      value: formatFigure(data.china, ctx),
      name: t('charts:ai-companies.china'),
      note: t('charts:ai-companies.chinaShare', { value: share(data.china, data.world) }),
    },
    {
      tier: 2,
      value: formatFigure(data.abroad, ctx),
      name: t('charts:ai-companies.abroad'),
      note: t('charts:ai-companies.abroadShare', { value: share(data.abroad, data.china) }),
    },
  ];
}

function describeChart(data: AiCompaniesData, ctx: ChartContext): Record<string, string> {
  return {
    unit: ctx.format.number(COMPANIES_PER_SQUARE),
    world: ctx.format.number(data.world.value),
    china: ctx.format.number(data.china.value),
    abroad: ctx.format.number(data.abroad.value),
    chinaShare: ctx.format.percent(data.china.value / data.world.value),
    abroadShare: ctx.format.percent(data.abroad.value / data.china.value),
    date: ctx.format.date(data.world.asOf),
    source: localText(data.world.source.name, ctx.lng),
  };
}

function table(data: AiCompaniesData, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    caption: t('charts:ai-companies.title'),
    head: figureTableHead(ctx),
    rows: [
      figureRow(t('charts:ai-companies.world'), data.world, ctx),
      figureRow(t('charts:ai-companies.china'), data.china, ctx),
      figureRow(t('charts:ai-companies.abroad'), data.abroad, ctx),
    ],
  };
}

function setup(data: AiCompaniesData, body: ChartBody, g: Geometry = wide) {
  const { CELL, GRID_X, LABEL_X, LABEL_Y, FOOTER_Y } = g;
  const squares = layoutSquares(data, g);
  const squareSel = body
    .append('g')
    .attr('class', 'squares')
    .selectAll('rect')
    .data(squares)
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', CELL)
    .attr('height', CELL)
    .attr('rx', 3)
    .style('stroke-width', 1.5);
  const labelSel = body
    .append('g')
    .attr('class', 'tier-labels')
    .selectAll('g')
    .data([0, 1, 2] as const)
    .join('g')
    .attr('transform', (tier) => `translate(${LABEL_X},${LABEL_Y[tier]})`);
  const valueSel = labelSel
    .append('text')
    .attr('class', 'value')
    .call(textStyle, 'value', { bold: true })
    .style('fill', (tier) => (tier === 2 ? chartColors.accent : chartColors.ink));
  const nameSel = labelSel.append('text').attr('class', 'name').attr('y', 30).call(textStyle, 'label');
  const noteSel = labelSel
    .append('text')
    .attr('class', 'note')
    .attr('y', 58)
    .call(textStyle, 'small', { muted: true });
  const footer = body.append('g').attr('class', 'footer').call(textStyle, 'small');
  const unitText = footer.append('text').attr('x', GRID_X).attr('y', FOOTER_Y[0]);
  const sourceText = footer
    .append('text')
    .attr('x', GRID_X)
    .attr('y', FOOTER_Y[1])
    .style('fill', chartColors.muted);

  return (step: number, ctx: ChartContext, animate: boolean): Promise<void> => {
    const { t } = ctx;
    const labels = tierLabels(data, ctx);
    valueSel.text((tier) => labels[tier]?.value ?? '');
    nameSel.text((tier) => labels[tier]?.name ?? '');
    noteSel.text((tier) => labels[tier]?.note ?? '');
    unitText.text(`■ ${t('charts:ai-companies.unit', { value: ctx.format.number(COMPANIES_PER_SQUARE) })}`);
    sourceText.text(t('charts:common.source', { value: shortSource(data.world.source, ctx.lng) }));

    // Only the squares that change colour take part in the wave, in their order.
    const squaresDone = stepTransition(
      squareSel,
      animate,
      (target) =>
        target.style('fill', (d) => squareFill(d, step)).style('stroke', (d) => squareStroke(d, step)),
      { duration: CELL_MS, delay: (d) => (d.index / squares.length) * CELL_STAGGER_MS },
    );
    const labelsDone = stepTransition(labelSel, animate, (target) =>
      target.style('opacity', (tier) => (tier <= step ? 1 : 0)),
    );
    return Promise.all([squaresDone, labelsDone]).then(() => undefined);
  };
}

/** The chart's part of the validated data files. */
function select(files: ValidatedData): AiCompaniesData {
  const figures = files.figures.figures;
  return {
    world: pickFigure(figures, 'ai-companies-world'),
    china: pickFigure(figures, 'ai-companies-china'),
    abroad: pickFigure(figures, 'ai-companies-abroad'),
  };
}

export const chart: ChartModule<AiCompaniesData> = defineFrameChart({
  id: 'ai-companies',
  select,
  table,
  describe: describeChart,
  setup: (d, body) => setup(d, body),
  narrow: { size: narrowSize, setup: (d, body) => setup(d, body, narrow) },
});
