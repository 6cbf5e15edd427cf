import type { RenderedSlide } from '../../shared/deck';
import { type Lng, languages } from '../../shared/languages';

/**
 * The phone article: each slide laid out as a section of one scrolling page, from the same rendered slides
 * the deck mounts. A chart slide becomes a "scrolly": its figure stays in view (sticky) while its fragments,
 * now step captions, scroll past. Every other fragment is simply text, shown at once.
 */

export interface ArticleSource {
  lng: Lng;
  slides: readonly RenderedSlide[];
  /** The narration under each section: the notes, in the notes language. */
  notes: { lng: Lng; slides: readonly RenderedSlide[] };
  /** The narration's accessible name ("Narration"), in the deck language. */
  notesLabel?: string;
}

export const SECTION = 'section.phone-slide';

/** The article's section for a slide id, if any. */
export function sectionFor(root: ParentNode, id: string): HTMLElement | null {
  for (const section of root.querySelectorAll<HTMLElement>(SECTION))
    if (section.dataset.slideId === id) return section;
  return null;
}

export function slideIdsOf(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll<HTMLElement>(SECTION), (s) => s.dataset.slideId ?? '');
}

/** Turns a chart slide's figure and the list of its fragments into a sticky graphic and its step captions. */
function makeScrolly(doc: Document, section: HTMLElement): void {
  const figure = section.querySelector<HTMLElement>(':scope > figure[data-chart]');
  const steps = figure ? section.querySelector<HTMLElement>(':scope > ul, :scope > ol') : null;
  if (!figure || !steps?.querySelector('.fragment')) return;
  const scrolly = doc.createElement('div');
  scrolly.className = 'scrolly';
  const graphic = doc.createElement('div');
  graphic.className = 'scrolly-graphic';
  figure.replaceWith(scrolly);
  graphic.append(figure);
  steps.classList.add('scrolly-steps');
  steps.querySelectorAll('.fragment').forEach((fragment, index) => {
    fragment.classList.add('scrolly-step');
    (fragment as HTMLElement).dataset.step = String(index + 1);
  });
  scrolly.append(graphic, steps);
  section.classList.add('has-scrolly');
}

export function renderSection(doc: Document, slide: RenderedSlide, source: ArticleSource): HTMLElement {
  const section = doc.createElement('section');
  section.className = 'phone-slide';
  section.dataset.slideId = slide.id;
  const layout = slide.attrs['data-layout'];
  if (layout) section.dataset.layout = layout;
  section.lang = languages[source.lng].htmlLang;
  section.innerHTML = slide.html; // sanitised at build time
  makeScrolly(doc, section);
  // Outside a scrolly, a fragment is just text: a reader sees it at once.
  for (const fragment of section.querySelectorAll('.fragment:not(.scrolly-step)')) {
    fragment.classList.remove('fragment');
  }
  const notes = source.notes.slides.find((s) => s.id === slide.id)?.notes;
  if (notes) {
    // A note, not an <aside>: a complementary landmark may not sit inside the article's <main>.
    const box = doc.createElement('div');
    box.className = 'phone-notes';
    box.setAttribute('role', 'note');
    if (source.notesLabel) box.setAttribute('aria-label', source.notesLabel);
    box.lang = languages[source.notes.lng].htmlLang;
    box.innerHTML = notes;
    section.append(box);
  }
  return section;
}

/** Fills `article` with one section per slide (replacing what was there). */
export function renderArticle(article: HTMLElement, source: ArticleSource): void {
  const doc = article.ownerDocument;
  article.replaceChildren(...source.slides.map((slide) => renderSection(doc, slide, source)));
}
