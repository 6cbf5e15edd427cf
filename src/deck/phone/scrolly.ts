import { SECTION } from './article';

/**
 * Scrollytelling: a chart section's step is the number of its captions whose top has passed a line across the
 * screen (`triggerAt`, a fraction of the viewport's height from the top). Scrolling down brings steps in, in
 * order; scrolling back takes them out. An IntersectionObserver per caption only says *when* to recount, so
 * the count is always what is on screen, however fast the scroll or the jump.
 */

export interface StepChange {
  section: HTMLElement;
  step: number;
  /** A scroll by the reader (animate, unless reduced motion), or a jump (a deep link, a language switch). */
  jump: boolean;
}

export interface Scrolly {
  /** Recount every section now (after a jump), reporting changes as jumps. */
  sync(): void;
  /** The step a section shows. */
  stepOf(section: HTMLElement): number;
  destroy(): void;
}

export const triggerAt = 0.7;

/** Pure: how many captions (their tops, in viewport px) have passed the trigger line. */
export function stepFromTops(tops: readonly number[], viewportHeight: number, at = triggerAt): number {
  let step = 0;
  for (const top of tops) if (top < viewportHeight * at) step += 1;
  return step;
}

export function createScrolly(article: HTMLElement, onStep: (change: StepChange) => void): Scrolly {
  const steps = new Map<HTMLElement, number>();
  const captionsOf = (section: HTMLElement) =>
    Array.from(section.querySelectorAll<HTMLElement>('.scrolly-step'));

  const recount = (section: HTMLElement, jump: boolean): void => {
    const captions = captionsOf(section);
    const line = window.innerHeight * triggerAt;
    // A section wholly past the line, or wholly below it, has all or none of its captions past it: known from
    // the section's own box, without laying out its content (sections off screen skip layout: phone.css).
    const box = section.getBoundingClientRect();
    const step =
      box.bottom <= line
        ? captions.length
        : box.top >= line
          ? 0
          : stepFromTops(
              captions.map((c) => c.getBoundingClientRect().top),
              window.innerHeight,
            );
    captions.forEach((caption, index) => {
      caption.classList.toggle('visible', index < step);
      caption.classList.toggle('current-fragment', index === step - 1);
    });
    if (steps.get(section) === step) return;
    steps.set(section, step);
    onStep({ section, step, jump });
  };

  const sections = () => Array.from(article.querySelectorAll<HTMLElement>(`${SECTION}.has-scrolly`));

  // The observed band: the part of the screen above the trigger line. A caption crossing it is a step.
  const observer = new IntersectionObserver(
    (entries) => {
      const touched = new Set<HTMLElement>();
      for (const entry of entries) {
        const section = entry.target.closest<HTMLElement>(SECTION);
        if (section) touched.add(section);
      }
      for (const section of touched) recount(section, false);
    },
    { rootMargin: `0px 0px -${Math.round((1 - triggerAt) * 100)}% 0px`, threshold: [0] },
  );
  for (const section of sections()) {
    steps.set(section, 0);
    for (const caption of captionsOf(section)) observer.observe(caption);
  }
  // A fling can carry a caption from below the line to above the screen between two frames, which the
  // observer never reports: recount the sections on screen once the scroll settles.
  const controller = new AbortController();
  const onScrollEnd = () => {
    for (const section of sections()) {
      const box = section.getBoundingClientRect();
      if (box.bottom > 0 && box.top < window.innerHeight) recount(section, false);
    }
  };
  window.addEventListener('scrollend', onScrollEnd, { passive: true, signal: controller.signal });

  return {
    sync() {
      for (const section of sections()) recount(section, true);
    },
    stepOf: (section) => steps.get(section) ?? 0,
    destroy() {
      observer.disconnect();
      controller.abort();
      steps.clear();
    },
  };
}
