import type { RenderedSlide } from '../shared/deck';
import { type Lng, languages } from '../shared/languages';

/** Which notes go into the slides: the presenter's language, which may differ from the audience's. */
export interface NotesSource {
  lng: Lng;
  slides: readonly RenderedSlide[];
}

function notesHtml(id: string, notes: NotesSource): string {
  const slide = notes.slides.find((s) => s.id === id);
  return `<aside class="notes" lang="${languages[notes.lng].htmlLang}">${slide?.notes ?? ''}</aside>`;
}

/** Creates the deck's <section> elements for one language (first mount). */
export function mountSlides(
  container: HTMLElement,
  slides: readonly RenderedSlide[],
  lng: Lng,
  notes: NotesSource,
): void {
  // The build writes the first slide into the page (src/node/first-slide.ts): take that element over as it is,
  // so what is already painted stays put; its content is only rewritten when it is not this language's.
  const prerendered = container.querySelector<HTMLElement>(':scope > section[data-prerendered]');
  const sections = slides.map((slide) => {
    const htmlLang = languages[lng].htmlLang;
    const content = slide.html + notesHtml(slide.id, notes);
    if (prerendered?.id === slide.id && prerendered.lang === htmlLang) {
      const aside = prerendered.querySelector(':scope > aside.notes');
      if (aside?.getAttribute('lang') !== languages[notes.lng].htmlLang) {
        aside?.remove();
        prerendered.insertAdjacentHTML('beforeend', notesHtml(slide.id, notes));
      }
      prerendered.removeAttribute('data-prerendered');
      return prerendered;
    }
    const section = document.createElement('section');
    section.id = slide.id;
    for (const [name, value] of Object.entries(slide.attrs)) section.setAttribute(name, value);
    section.setAttribute('lang', htmlLang);
    section.innerHTML = content;
    return section;
  });
  const kept = prerendered && sections.includes(prerendered) ? prerendered : null;
  if (!kept) {
    container.replaceChildren(...sections);
    return;
  }
  // The painted section stays in the document (never removed and re-inserted), the others go around it.
  for (const child of Array.from(container.children)) if (child !== kept) child.remove();
  const at = sections.indexOf(kept);
  kept.before(...sections.slice(0, at));
  kept.after(...sections.slice(at + 1));
}

export const sectionsOf = (container: HTMLElement) => container.querySelectorAll<HTMLElement>('section[id]');

/** A slide's content and notes in one language, parsed ahead of a switch (when the browser is idle). */
export interface PreparedSlide {
  id: string;
  lng: Lng;
  notesLng: Lng;
  /** Taken by the swap that uses it: its nodes move into the slide. */
  content: DocumentFragment;
}

/** Whether `prepared` is slide `id` in `lng` with these notes: the only swap it may be used for. */
export function preparedFits(prepared: PreparedSlide, id: string, lng: Lng, notes: NotesSource): boolean {
  return prepared.id === id && prepared.lng === lng && prepared.notesLng === notes.lng;
}

/** Parses a slide's content and notes into nodes, outside the document. */
function parseContent(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/**
 * Parses slide `id`'s content and notes in `lng` ahead of a switch, so the switch only moves nodes: parsing the
 * slide on screen took about 2 ms of the click. Null when the language has no such slide.
 */
export function prepareSlide(
  slides: readonly RenderedSlide[],
  lng: Lng,
  notes: NotesSource,
  id: string,
): PreparedSlide | null {
  const slide = slides.find((s) => s.id === id);
  if (!slide) return null;
  return { id, lng, notesLng: notes.lng, content: parseContent(slide.html + notesHtml(id, notes)) };
}

/**
 * Swaps slides' content and notes to another language in place: every slide, or only `sections`. The <section>
 * elements stay (so reveal's indices, hash and backgrounds stay valid), fragments keep their shown/hidden
 * classes by position, and live chart figures are moved into the new content so charts keep their state and
 * only need relabelling. A slide `prepared` ahead that fits is moved in rather than parsed; returns whether it
 * was (its nodes are then the slide's, so it cannot be used again).
 */
export function swapSlides(
  container: HTMLElement,
  slides: readonly RenderedSlide[],
  lng: Lng,
  notes: NotesSource,
  sections: Iterable<HTMLElement> = sectionsOf(container),
  prepared: PreparedSlide | null = null,
): boolean {
  const byId = new Map(slides.map((slide) => [slide.id, slide]));
  let used = false;
  for (const section of sections) {
    const slide = byId.get(section.id);
    if (!slide) continue;
    let content: DocumentFragment;
    if (prepared && !used && preparedFits(prepared, slide.id, lng, notes)) {
      content = prepared.content;
      used = true;
    } else content = parseContent(slide.html + notesHtml(slide.id, notes));
    const fragmentClasses = Array.from(section.querySelectorAll('.fragment'), (f) => [
      f.classList.contains('visible'),
      f.classList.contains('current-fragment'),
    ]);
    const liveFigures = new Map(
      Array.from(section.querySelectorAll<HTMLElement>('figure[data-chart]'), (f) => [f.dataset.chart, f]),
    );
    replaceContent(section, content, liveFigures);
    section.setAttribute('lang', languages[lng].htmlLang);
    section.querySelectorAll('.fragment').forEach((fragment, index) => {
      const [visible, current] = fragmentClasses[index] ?? [false, false];
      fragment.classList.toggle('visible', visible);
      fragment.classList.toggle('current-fragment', current);
    });
  }
  return used;
}

const isChartFigure = (node: Node): node is HTMLElement =>
  node instanceof HTMLElement && node.matches('figure[data-chart]');

/**
 * Replaces a slide's content with `content`, keeping its live chart figures. A figure that is a child of the slide
 * in both languages (every chart slide so far) never leaves the document: the new content is put in around it,
 * so the browser keeps its layout and a relabel lays out only the text that changed. (A figure taken out and put
 * back is laid out afresh, the whole chart.) A figure deeper in the content replaces its placeholder.
 */
function replaceContent(
  section: HTMLElement,
  content: DocumentFragment,
  live: ReadonlyMap<string | undefined, HTMLElement>,
) {
  const kept = new Set<Node>();
  const wanted = Array.from(content.childNodes, (node) => {
    const figure = isChartFigure(node) ? live.get(node.dataset.chart) : undefined;
    if (!figure || figure.parentNode !== section) return node;
    kept.add(figure);
    return figure;
  });
  for (const child of Array.from(section.childNodes)) if (!kept.has(child)) child.remove();
  // The kept figures are in the same order in both languages, so inserting before them never moves one.
  let cursor = section.firstChild;
  for (const node of wanted) {
    if (node === cursor) cursor = cursor.nextSibling;
    else section.insertBefore(node, cursor);
  }
  for (const placeholder of section.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    const figure = live.get(placeholder.dataset.chart);
    if (figure && figure !== placeholder && !kept.has(figure)) placeholder.replaceWith(figure);
  }
}

/** Replaces only the speaker notes (the presenter changed the notes language). */
export function setNotes(container: HTMLElement, notes: NotesSource): void {
  for (const section of sectionsOf(container)) {
    const aside = section.querySelector(':scope > aside.notes');
    if (aside) aside.outerHTML = notesHtml(section.id, notes);
  }
}
