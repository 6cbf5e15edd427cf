// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountSlides, prepareSlide, setNotes, swapSlides } from '../../../src/deck/slides';
import type { RenderedSlide } from '../../../src/shared/deck';

const slide = (id: string, html: string, notes: string): RenderedSlide => ({
  id,
  file: 'x.md',
  line: 1,
  attrs: { 'data-layout': 'chart' },
  html,
  notes,
  fragments: 2,
  charts: ['funding'],
});

const en = [
  slide(
    'a',
    '<h2>Hello</h2><figure class="chart" data-chart="funding"></figure><p class="fragment">one</p><p class="fragment">two</p>',
    '<p>Say hello</p>',
  ),
];
const zh = [
  slide(
    'a',
    '<h2>你好</h2><figure class="chart" data-chart="funding"></figure><p class="fragment">一</p><p class="fragment">二</p>',
    '<p>打招呼</p>',
  ),
];

describe('mountSlides / swapSlides / setNotes', () => {
  it('mounts sections with id, attributes, lang and notes', () => {
    const container = document.createElement('div');
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    const section = container.querySelector('section')!;
    expect(section.id).toBe('a');
    expect(section.dataset.layout).toBe('chart');
    expect(section.lang).toBe('en');
    expect(section.querySelector('aside.notes')!.outerHTML).toBe(
      '<aside class="notes" lang="en"><p>Say hello</p></aside>',
    );
  });

  it('swaps the language in place, keeping fragment state and the live chart figure', () => {
    const container = document.createElement('div');
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    const section = container.querySelector('section')!;
    const figure = section.querySelector('figure')!;
    figure.append(document.createElement('svg'));
    section.querySelectorAll('.fragment')[0]!.classList.add('visible', 'current-fragment');

    swapSlides(container, zh, 'zh', { lng: 'en', slides: en });
    expect(container.querySelector('section')).toBe(section);
    expect(section.lang).toBe('zh-CN');
    expect(section.querySelector('h2')!.textContent).toBe('你好');
    expect(section.querySelector('figure')).toBe(figure);
    const fragments = section.querySelectorAll('.fragment');
    expect(fragments[0]!.className).toBe('fragment visible current-fragment');
    expect(fragments[1]!.className).toBe('fragment');
    // The presenter reads English notes while the room sees Chinese.
    expect(section.querySelector('aside.notes')!.textContent).toBe('Say hello');
  });

  it('moves in a slide parsed ahead, when it is that slide in that language with those notes', () => {
    const container = document.createElement('div');
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    const section = container.querySelector('section')!;
    const figure = section.querySelector('figure')!;
    section.querySelectorAll('.fragment')[1]!.classList.add('visible');
    // Parsed for English notes: a swap with Chinese notes parses afresh and leaves it unused.
    const otherNotes = prepareSlide(zh, 'zh', { lng: 'en', slides: en }, 'a')!;
    const unused = otherNotes.content.querySelector('h2');
    expect(swapSlides(container, zh, 'zh', { lng: 'zh', slides: zh }, [section], otherNotes)).toBe(false);
    expect(section.querySelector('h2')).not.toBe(unused);
    expect(section.querySelector('h2')!.textContent).toBe('你好');

    const ahead = prepareSlide(en, 'en', { lng: 'en', slides: en }, 'a')!;
    const heading = ahead.content.querySelector('h2');
    expect(swapSlides(container, en, 'en', { lng: 'en', slides: en }, [section], ahead)).toBe(true);
    // The very nodes parsed ahead, the live figure kept, the fragments as they were.
    expect(section.querySelector('h2')).toBe(heading);
    expect(section.querySelector('figure')).toBe(figure);
    expect(Array.from(section.querySelectorAll('.fragment'), (f) => f.classList.contains('visible'))).toEqual(
      [false, true],
    );
    expect(section.querySelector('aside.notes')!.textContent).toBe('Say hello');
    expect(prepareSlide(en, 'en', { lng: 'en', slides: en }, 'missing')).toBeNull();
  });

  it('keeps a live chart figure in the document through a swap, with the new content around it', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    const section = container.querySelector('section')!;
    const figure = section.querySelector('figure')!;
    // A figure removed and put back would be laid out afresh: the observer would see it leave.
    const removed: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) removed.push(...record.removedNodes);
    });
    observer.observe(section, { childList: true });
    swapSlides(container, zh, 'zh', { lng: 'zh', slides: zh });
    await Promise.resolve();
    observer.disconnect();
    expect(removed).not.toContain(figure);
    expect(removed.length).toBeGreaterThan(0);
    expect(Array.from(section.children, (el) => el.textContent || el.tagName)).toEqual([
      '你好',
      'FIGURE',
      '一',
      '二',
      '打招呼',
    ]);
    expect(section.querySelector('figure')).toBe(figure);
    swapSlides(container, en, 'en', { lng: 'en', slides: en });
    expect(Array.from(section.children, (el) => el.textContent || el.tagName)).toEqual([
      'Hello',
      'FIGURE',
      'one',
      'two',
      'Say hello',
    ]);
    expect(section.querySelectorAll('figure')).toHaveLength(1);
    container.remove();
  });

  it('moves a live figure nested in the content into its placeholder', () => {
    const nested = (html: string) => [
      slide(
        'a',
        `<div class="two-col"><p>${html}</p><figure class="chart" data-chart="funding"></figure></div>`,
        '',
      ),
    ];
    const container = document.createElement('div');
    mountSlides(container, nested('left'), 'en', { lng: 'en', slides: nested('left') });
    const figure = container.querySelector('figure')!;
    swapSlides(container, nested('左'), 'zh', { lng: 'zh', slides: nested('左') });
    expect(container.querySelector('figure')).toBe(figure);
    expect(container.querySelectorAll('figure')).toHaveLength(1);
    expect(container.querySelector('.two-col p')!.textContent).toBe('左');
  });

  it('changes only the notes when the presenter picks another notes language', () => {
    const container = document.createElement('div');
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    setNotes(container, { lng: 'zh', slides: zh });
    expect(container.querySelector('h2')!.textContent).toBe('Hello');
    expect(container.querySelector('aside.notes')!.outerHTML).toBe(
      '<aside class="notes" lang="zh-CN"><p>打招呼</p></aside>',
    );
  });
});

describe('mountSlides over a prerendered first slide', () => {
  const prerender = (lang: string, notesLang: string) => {
    const container = document.createElement('div');
    container.innerHTML = `<section id="a" class="present" lang="${lang}" data-prerendered=""><h2>Painted</h2><aside class="notes" lang="${notesLang}">n</aside></section>`;
    return { container, painted: container.querySelector('section')! };
  };

  it('takes the painted section over as it is: same element, still shown, content untouched', () => {
    const { container, painted } = prerender('en', 'en');
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    const first = container.querySelector('section')!;
    expect(first).toBe(painted);
    expect(first.classList.contains('present')).toBe(true);
    expect(first.hasAttribute('data-prerendered')).toBe(false);
    expect(first.querySelector('h2')?.textContent).toBe('Painted');
  });

  it('changes only the notes when the presenter reads another language', () => {
    const { container, painted } = prerender('en', 'en');
    mountSlides(container, en, 'en', { lng: 'zh', slides: zh });
    expect(container.querySelector('section')).toBe(painted);
    expect(painted.querySelectorAll('aside.notes')).toHaveLength(1);
    expect(painted.querySelector('aside.notes')?.getAttribute('lang')).toBe('zh-CN');
    expect(painted.querySelector('aside.notes')?.textContent).toBe('打招呼');
  });

  it('mounts afresh when the painted slide is another language', () => {
    const { container, painted } = prerender('zh-CN', 'zh-CN');
    mountSlides(container, en, 'en', { lng: 'en', slides: en });
    expect(container.querySelector('section')).not.toBe(painted);
    expect(container.querySelector('h2')?.textContent).toBe('Hello');
  });
});
