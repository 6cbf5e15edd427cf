/**
 * The slide layouts, chosen per slide with `data-layout` and styled once in src/styles/layouts.css (every view:
 * present, speaker previews, print/PDF, single-file export). README's authoring section describes each.
 */
export const slideLayouts = [
  'title',
  'section',
  'statement',
  'text',
  'chart-hero',
  'quote',
  'comparison',
  'sources',
] as const;
export type SlideLayout = (typeof slideLayouts)[number];

export function isSlideLayout(value: string): value is SlideLayout {
  return (slideLayouts as readonly string[]).includes(value);
}
