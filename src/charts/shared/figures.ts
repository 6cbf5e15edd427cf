import type { Lng } from '../../shared/languages';
import type { ChartContext } from '../types';
import { tIn } from './i18n';

/**
 * The parts of data/figures.json and data/events.json the charts read (see src/shared/data-schema.ts for the
 * full, validated shapes, which the charts receive from `virtual:data`). Structural: a chart asks for no more.
 */
export interface LocalText {
  en: string;
  zh: string;
}

export interface FigureRecord {
  id: string;
  value: number;
  unit: string;
  asOf: string;
  period?: { from: string; to: string };
  status: string;
  source: { name: LocalText; url: string };
  caveat?: LocalText;
  approx?: boolean;
  atLeast?: boolean;
}

export interface EventRecord {
  id: string;
  chart: string;
  step: number;
  date: string;
  status: string;
  source?: { name: LocalText; url: string };
  caveat?: LocalText;
  figure?: string;
}

export function localText(text: LocalText, lng: Lng): string {
  return text[lng];
}

/** A source name short enough for a chart footer: up to the first comma or bracket (the table has it all). */
export function shortSource(source: { name: LocalText }, lng: Lng): string {
  const [head] = localText(source.name, lng).split(/[,，(（]/);
  return (head ?? '').trim();
}

/** A figure that may or may not be in the data (an optional refinement, such as a share the source states). */
export function findFigure(figures: readonly FigureRecord[], id: string): FigureRecord | undefined {
  return figures.find((figure) => figure.id === id);
}

/** Finds a figure by id; a missing id is a data error worth a clear message. */
export function pickFigure(figures: readonly FigureRecord[], id: string): FigureRecord {
  const hit = findFigure(figures, id);
  if (!hit) throw new Error(`data/figures.json: no figure "${id}". Add it there (see data/README.md).`);
  return hit;
}

/** The bare value in the figure's unit: 4.4B → US$4.4B / 44亿美元, 0.7 → 70%, 78612 → 78,612. */
function formatValue(figure: FigureRecord, ctx: ChartContext): string {
  if (figure.unit === 'usd') return ctx.format.usd(figure.value);
  if (figure.unit === 'share') return ctx.format.percent(figure.value);
  if (figure.value >= 1e6) return ctx.format.compact(figure.value);
  return ctx.format.number(figure.value);
}

/** The value with the article's hedge: "more than 197" / "197余", "about 70%" / "约70%". */
export function formatFigure(figure: FigureRecord, ctx: ChartContext): string {
  const value = formatValue(figure, ctx);
  if (figure.atLeast) return ctx.t('charts:common.atLeast', { value });
  if (figure.approx) return ctx.t('charts:common.approx', { value });
  return value;
}

/** The compact form for big labels on a chart: "197+", "≈70%", plus the "*" of a disputed figure. */
export function formatFigureShort(figure: FigureRecord, ctx: ChartContext): string {
  const { t } = ctx;
  const value = formatValue(figure, ctx);
  const hedged = figure.atLeast
    ? t('charts:common.atLeastShort', { value })
    : figure.approx
      ? t('charts:common.approxShort', { value })
      : value;
  return `${hedged}${caveatMarker(figure)}`;
}

/** Figures the sources contradict get a visible footnote marker; the caveat itself is in the desc and table. */
export function isDisputed(record: { status: string }): boolean {
  return record.status === 'C';
}

export function caveatMarker(record: { status: string }): string {
  return isDisputed(record) ? '*' : '';
}

/** "Verified", "Partly verified", "Sources disagree", "Unverified (per the blog)", "Opinion". */
export function statusLabel(record: { status: string }, ctx: ChartContext): string {
  return tIn(ctx, 'charts:common.status', record.status);
}

/** The caveat in the current language, or '' when there is none. */
export function caveatText(record: { caveat?: LocalText }, ctx: ChartContext): string {
  return record.caveat ? localText(record.caveat, ctx.lng) : '';
}

/** A standard table row for a figure: label, value, as of, status, source, note. */
export function figureRow(label: string, figure: FigureRecord, ctx: ChartContext): string[] {
  const when = figure.period
    ? `${ctx.format.date(figure.period.from)} – ${ctx.format.date(figure.period.to)}`
    : ctx.format.date(figure.asOf);
  return [
    label,
    formatFigure(figure, ctx),
    when,
    statusLabel(figure, ctx),
    localText(figure.source.name, ctx.lng),
    caveatText(figure, ctx),
  ];
}

/** Column headers matching figureRow. */
export function figureTableHead(ctx: ChartContext): string[] {
  return [
    ctx.t('charts:common.table.item'),
    ctx.t('charts:common.table.value'),
    ctx.t('charts:common.table.date'),
    ctx.t('charts:common.table.status'),
    ctx.t('charts:common.table.source'),
    ctx.t('charts:common.table.note'),
  ];
}
