// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountSlides, setNotes, swapSlides } from '../../../src/deck/slides';
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
