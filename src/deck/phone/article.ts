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

/** The article the build wrote into the page for a phone's first paint (src/node/first-slide.ts), if any. */
export const prerenderedArticle = (doc: Document): HTMLElement | null =>
  doc.querySelector<HTMLElement>('main.phone-article[data-prerendered]');

/**
 * Brings `kept` to `fresh`'s content while keeping every leading child that is already the same: a section
 * painted from the HTML keeps its heading and paragraphs (and with them the page's largest paint), and only
 * gains what the build left out (the narration).
 */
function adoptSection(kept: HTMLElement, fresh: HTMLElement): HTMLElement {
  const next = Array.from(fresh.childNodes);
  const have = Array.from(kept.childNodes);
  let same = 0;
  while (same < next.length && same < have.length && have[same]?.isEqualNode(next[same] ?? null)) same++;
  for (const node of have.slice(same)) node.remove();
  kept.append(...next.slice(same));
  kept.className = fresh.className;
  return kept;
}

/**
 * Fills `article` with one section per slide, replacing what was there; a section already there for the same
 * slide in the same language (the one painted from the HTML) is kept in place and brought up to date.
 */
export function renderArticle(article: HTMLElement, source: ArticleSource): void {
  const doc = article.ownerDocument;
  const existing = new Map(
    Array.from(article.querySelectorAll<HTMLElement>(`:scope > ${SECTION}`), (s) => [s.dataset.slideId, s]),
  );
  const sections = source.slides.map((slide) => {
    const fresh = renderSection(doc, slide, source);
    const kept = existing.get(slide.id);
    return kept && kept.lang === fresh.lang && kept.dataset.layout === fresh.dataset.layout
      ? adoptSection(kept, fresh)
      : fresh;
  });
  const first = sections[0];
  if (first && article.firstElementChild === first) {
    // The painted section stays in the document (never removed and re-inserted); the others go after it.
    for (const child of Array.from(article.children)) if (child !== first) child.remove();
    first.after(...sections.slice(1));
  } else article.replaceChildren(...sections);
}
