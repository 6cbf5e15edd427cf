import type { ContentProblem } from './content-error.ts';

/** What must be the same in every language, slide by slide. */
interface Shape {
  id: string;
  file: string;
  line: number;
  fragments: number;
  charts: string[];
}

const where = (s: Shape) => `${s.file}:${s.line}`;

/** Ids must be unique within a language (they are the deck's deep links). */
export function checkUniqueIds(slides: readonly Shape[]): ContentProblem[] {
  const seen = new Map<string, Shape>();
  const problems: ContentProblem[] = [];
  for (const slide of slides) {
    if (!slide.id) continue;
    const first = seen.get(slide.id);
    if (first) {
      problems.push({
        file: slide.file,
        line: slide.line,
        message: `slide id "${slide.id}" is already used at ${where(first)}.`,
        hint: "Give each slide its own id: ids are the deck's deep links (#/<id>).",
      });
    } else seen.set(slide.id, slide);
  }
  return problems;
}

/**
 * Compares each language with the reference one: same slide ids in the same order, and the same fragment
 * count and charts per slide, so a language switch can keep the same slide and step on screen.
 */
export function checkParity(
  reference: { lng: string; slides: readonly Shape[] },
  other: { lng: string; slides: readonly Shape[] },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const refIds = reference.slides.map((s) => s.id);
  const otherIds = other.slides.map((s) => s.id);
  const refSet = new Set(refIds);
  const otherSet = new Set(otherIds);

  for (const slide of reference.slides) {
    if (!otherSet.has(slide.id)) {
      problems.push({
        file: slide.file.replace(`/${reference.lng}/`, `/${other.lng}/`),
        line: 1,
        message: `slide "${slide.id}" (${where(slide)}) is missing in ${other.lng}.`,
        hint: `Add a slide with <!-- .slide: id="${slide.id}" --> at the same place in slides/${other.lng}/.`,
      });
    }
  }
  for (const slide of other.slides) {
    if (!refSet.has(slide.id)) {
      problems.push({
        file: slide.file,
        line: slide.line,
        message: `slide "${slide.id}" has no ${reference.lng} counterpart.`,
        hint: `Add it to slides/${reference.lng}/ with the same id, or fix the id to match an existing slide.`,
      });
    }
  }
  if (problems.length > 0) return problems;

  other.slides.forEach((slide, index) => {
    const ref = reference.slides[index]!;
    if (ref.id !== slide.id) {
      problems.push({
        file: slide.file,
        line: slide.line,
        message: `slide "${slide.id}" is in position ${index + 1}, but in ${reference.lng} position ${index + 1} is "${ref.id}" (${where(ref)}).`,
        hint: `Put the slides in the same order in both languages (file names sort the files).`,
      });
      return;
    }
    if (ref.fragments !== slide.fragments) {
      problems.push({
        file: slide.file,
        line: slide.line,
        message: `slide "${slide.id}" has ${slide.fragments} fragments in ${other.lng} but ${ref.fragments} in ${reference.lng} (${where(ref)}).`,
        hint: 'Give both languages the same steps: add or remove <!-- .element: class="fragment" --> marks.',
      });
    }
    if (ref.charts.join() !== slide.charts.join()) {
      problems.push({
        file: slide.file,
        line: slide.line,
        message: `slide "${slide.id}" shows chart "${slide.charts.join(', ') || 'none'}" in ${other.lng} but "${ref.charts.join(', ') || 'none'}" in ${reference.lng}.`,
        hint: 'Place the same <figure data-chart="…"> on the slide in both languages.',
      });
    }
  });
  return problems;
}
