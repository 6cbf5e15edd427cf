/**
 * Design tokens shared by every chart. Colours are CSS custom properties so the theme can change them; the
 * fallbacks keep the charts readable without the theme (and keep jsdom snapshots stable).
 * On the navy slide (#0b1d33): ink, muted and accent pass 4.5:1 for text; accent against ink passes 3:1.
 */
export const chartColors = {
  ink: 'var(--chart-ink, #f4efe6)',
  muted: 'var(--chart-muted, #9fb0c3)',
  accent: 'var(--chart-accent, #e8553e)',
  sea: 'var(--chart-sea, #16314f)',
  land: 'var(--chart-land, #2c4a6b)',
  route: 'var(--chart-route, #e0b44c)',
  grid: 'var(--chart-grid, #3a5574)',
} as const;

export const chartFont = "var(--chart-font, 'Inter Variable', 'Noto Sans SC Variable', sans-serif)";

/** Text sizes in viewBox units: nothing below 18 so labels read at the back of a room. */
export const fontSize = {
  small: 18,
  label: 20,
  value: 30,
  big: 40,
} as const;

/** The usual chart frame: reveal scales the whole slide, so charts draw in these fixed units. */
export const frameSize = { width: 800, height: 480 } as const;

/** Step animations: long enough to follow, short enough not to hold up the speaker. */
export const stepDuration = 750;
