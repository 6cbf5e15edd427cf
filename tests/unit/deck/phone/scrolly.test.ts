// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScrolly, type StepChange, triggerAt } from '../../../../src/deck/phone/scrolly';

/** jsdom lays nothing out: each element gets the box a test gives it, and counts how often it was read. */
function place(element: Element, top: number, height: number, reads: Map<Element, number>) {
  element.getBoundingClientRect = () => {
    reads.set(element, (reads.get(element) ?? 0) + 1);
    return DOMRect.fromRect({ x: 0, y: top, width: 300, height });
  };
}

class NoObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', NoObserver);
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 1000 });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createScrolly', () => {
  it('counts captions past the line, reading caption boxes only for a section that straddles it', () => {
    const line = 1000 * triggerAt;
    const article = document.createElement('main');
    article.innerHTML = ['past', 'here', 'ahead']
      .map(
        (id) =>
          `<section class="phone-slide has-scrolly" data-slide-id="${id}"><ol><li class="scrolly-step">1</li><li class="scrolly-step">2</li><li class="scrolly-step">3</li></ol></section>`,
      )
      .join('');
    const reads = new Map<Element, number>();
    const [past, here, ahead] = Array.from(article.querySelectorAll('section'));
    place(past!, -2000, 1500, reads);
    place(here!, 200, 1500, reads);
    place(ahead!, 3000, 1500, reads);
    // In the section on screen: two captions above the line, one below.
    const captions = here!.querySelectorAll('.scrolly-step');
    [300, line - 10, line + 200].forEach((top, i) => {
      place(captions[i]!, top, 40, reads);
    });
    for (const section of [past, ahead])
      for (const c of section!.querySelectorAll('.scrolly-step')) place(c, 0, 0, reads);

    const changes: StepChange[] = [];
    const scrolly = createScrolly(article, (change) => changes.push(change));
    scrolly.sync();
    expect(scrolly.stepOf(past!)).toBe(3);
    expect(scrolly.stepOf(here!)).toBe(2);
    expect(scrolly.stepOf(ahead!)).toBe(0);
    // Sections wholly past or ahead of the line: their captions were never measured (no layout forced).
    for (const section of [past, ahead]) {
      for (const caption of section!.querySelectorAll('.scrolly-step'))
        expect(reads.get(caption)).toBeUndefined();
    }
    expect(here!.querySelectorAll('.scrolly-step.visible')).toHaveLength(2);
    expect(changes.map((c) => [c.section.dataset.slideId, c.step, c.jump])).toEqual([
      ['past', 3, true],
      ['here', 2, true],
    ]);
    scrolly.destroy();
  });
});
