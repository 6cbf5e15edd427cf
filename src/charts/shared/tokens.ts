/**
 * Design tokens shared by every chart. Colours are CSS custom properties so the theme can change them; the
 * fallbacks keep the charts readable without the theme (and keep jsdom snapshots stable).
 * The fallbacks equal the theme's values in src/styles/tokens.css. On the navy slide (#0b1d33) ink, muted,
 * accent and route pass 4.5:1 for text; marks that differ only by colour are kept apart by a gap of
 * background, so each is judged against the slide.
 */
import type { BaseType, Selection } from 'd3';

export const chartColors = {
  ink: 'var(--chart-ink, #f4efe6)',
  muted: 'var(--chart-muted, #a9b6c8)',
  accent: 'var(--chart-accent, #ef6a4c)',
  sea: 'var(--chart-sea, #0f2742)',
  land: 'var(--chart-land, #223d5e)',
  route: 'var(--chart-route, #e8b04a)',
  grid: 'var(--chart-grid, #3a5478)',
} as const;

export const chartFont = "var(--chart-font, 'Inter Variable', 'Noto Sans SC Variable', sans-serif)";

/**
 * Text sizes in viewBox units (CSS px inside an SVG). A framed chart's 1040-unit-wide frame spans about 1100
 * canvas pixels in the chart-hero layout, so each unit is ≥ 1.05 px: the smallest text is ≥ 24 px on the canvas.
 */
export const fontSize = {
  small: '23px',
  label: '25px',
  value: '32px',
  big: '44px',
} as const;

/**
 * Text sizes in a narrow (phone) frame: its 400–520 units are shown about 360 px wide, so 18 units stay ≥ 12 px
 * on screen; the slide's larger sizes would crowd a portrait frame drawn for these.
 */
export const narrowFontSize = {
  small: '18px',
  label: '20px',
  value: '30px',
  big: '40px',
} as const satisfies Record<keyof typeof fontSize, string>;

/** The font sizes for the frame a chart draws in (its SVG carries data-width="narrow" on a phone). */
export function fontSizesFor(narrow: boolean): Record<keyof typeof fontSize, string> {
  return narrow ? narrowFontSize : fontSize;
}

/** Whether a node sits in a narrow (phone) frame. */
export function inNarrowFrame(node: unknown): boolean {
  return node instanceof Element && node.closest('svg')?.getAttribute('data-width') === 'narrow';
}

/** The usual chart frame: reveal scales the whole slide, so charts draw in these fixed units. */
export const frameSize = { width: 800, height: 480 } as const;
/** Room left and right of the 800-unit drawing, so the frame has the chart-hero's wide format (≈ 2.2:1). */
export const framePad = 120;

/** Step animations: long enough to follow, short enough not to hold up the speaker. */
export const stepDuration = 750;

/**
 * Styles chart text: a size from the scale and, where the text asks for it, bold (values) or the muted colour
 * (axes, notes, sources). Used through d3's call: `text.call(textStyle, 'small', { muted: true })`.
 */
export function textStyle<E extends BaseType, D, P extends BaseType, PD>(
  text: Selection<E, D, P, PD>,
  size: keyof typeof fontSize,
  look: { bold?: boolean; muted?: boolean } = {},
): void {
  text.style('font-size', fontSizesFor(inNarrowFrame(text.node()))[size]);
  if (look.bold) text.style('font-weight', 700);
  if (look.muted) text.style('fill', chartColors.muted);
}
