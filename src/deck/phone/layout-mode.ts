/**
 * When the reading view becomes the phone article: phones, and tablets held upright. A landscape phone (844 px
 * wide) keeps the slides, whose text is then large enough (32 px × 0.66 = 21 px).
 */
export const phoneQuery = '(max-width: 560px), (max-width: 900px) and (orientation: portrait)';

/** Charts are drawn in their narrow (portrait) frame in a column narrower than this, in CSS px. */
export const narrowChartBelow = 600;

export type WidthClass = 'wide' | 'narrow';

export function widthClassOf(columnWidth: number): WidthClass {
  return columnWidth < narrowChartBelow ? 'narrow' : 'wide';
}

/** Print, the speaker view's previews and the PDF exporter always get the slides. */
export function wantsPhoneLayout(search: string, matches: boolean): boolean {
  const params = new URLSearchParams(search);
  if (params.has('print-pdf') || params.has('receiver')) return false;
  if (params.get('layout') === 'slides') return false;
  return matches || params.get('layout') === 'phone';
}
