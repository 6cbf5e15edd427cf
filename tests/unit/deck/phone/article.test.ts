// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderArticle, sectionFor, slideIdsOf } from '../../../../src/deck/phone/article';
import type { RenderedSlide } from '../../../../src/shared/deck';

const slide = (id: string, html: string, attrs: Record<string, string> = {}): RenderedSlide => ({
  id,
  file: 'slides/en/x.md',
  line: 1,
  attrs,
  html,
  notes: `<p>Notes for ${id}</p>`,
  fragments: (html.match(/class="fragment"/g) ?? []).length,
  charts: [],
});

const slides = [
  slide('intro', '<h2>Intro</h2><ul><li class="fragment">one</li><li class="fragment">two</li></ul>', {
    'data-layout': 'text',
  }),
  slide(
    'funding',
    '<h2>Funding</h2><figure data-chart="funding" class="chart"></figure><ul><li class="fragment">a</li><li class="fragment">b</li></ul><p><small>Source</small></p>',
    { 'data-layout': 'chart' },
  ),
];

describe('renderArticle', () => {
  const article = document.createElement('main');
  renderArticle(article, {
    lng: 'zh',
    slides,
    notes: { lng: 'en', slides },
    notesLabel: '讲稿',
  });

  it('makes one section per slide, in order, in the deck language, with no element ids to clash', () => {
    expect(slideIdsOf(article)).toEqual(['intro', 'funding']);
    expect(sectionFor(article, 'funding')?.lang).toBe('zh-CN');
    expect(sectionFor(article, 'funding')?.dataset.layout).toBe('chart');
    expect(article.querySelector('[id]')).toBeNull();
  });

  it('shows a text slide’s fragments at once', () => {
    expect(sectionFor(article, 'intro')?.querySelectorAll('.fragment')).toHaveLength(0);
    expect(sectionFor(article, 'intro')?.querySelectorAll('li')).toHaveLength(2);
  });

  it('turns a chart slide into a sticky graphic and its fragments into numbered step captions', () => {
    const section = sectionFor(article, 'funding')!;
    expect(section.classList.contains('has-scrolly')).toBe(true);
    expect(
      section.querySelector('.scrolly > .scrolly-graphic > figure[data-chart="funding"]'),
    ).not.toBeNull();
    const steps = Array.from(
      section.querySelectorAll<HTMLElement>('.scrolly > .scrolly-steps > .scrolly-step'),
    );
    expect(steps.map((s) => s.dataset.step)).toEqual(['1', '2']);
    expect(steps.every((s) => s.classList.contains('fragment'))).toBe(true);
    // What follows the steps (the source line) stays after the scrolly.
    expect(section.querySelector('.scrolly + p small')?.textContent).toBe('Source');
  });

  it('puts the narration under each section as a labelled note in the notes language', () => {
    const note = sectionFor(article, 'intro')?.querySelector('.phone-notes');
    expect(note?.getAttribute('role')).toBe('note');
    expect(note?.getAttribute('aria-label')).toBe('讲稿');
    expect(note?.getAttribute('lang')).toBe('en');
    expect(note?.textContent).toBe('Notes for intro');
  });
});

describe('renderArticle over the section painted from the HTML', () => {
  const title = slide('title', '<h1>Going Global</h1><p>How and why</p>', { 'data-layout': 'title' });
  const painted = () => {
    const article = document.createElement('main');
    // What src/node/first-slide.ts writes for a phone's first paint.
    article.innerHTML =
      '<section class="phone-slide" data-slide-id="title" data-layout="title" lang="en"><h1>Going Global</h1><p>How and why</p></section>';
    return article;
  };

  it('keeps the painted section and its elements in place, and adds what the build left out', () => {
    const article = painted();
    const section = article.querySelector('section');
    const heading = article.querySelector('h1');
    renderArticle(article, { lng: 'en', slides: [title, ...slides], notes: { lng: 'en', slides: [title] } });
    expect(article.querySelector('section')).toBe(section);
    expect(article.querySelector('h1')).toBe(heading);
    expect(section?.querySelector('.phone-notes')?.textContent).toBe('Notes for title');
    expect(slideIdsOf(article)).toEqual(['title', 'intro', 'funding']);
  });

  it('replaces the painted section when the language differs', () => {
    const article = painted();
    const section = article.querySelector('section');
    renderArticle(article, { lng: 'zh', slides: [title], notes: { lng: 'zh', slides: [title] } });
    expect(article.querySelector('section')).not.toBe(section);
    expect(article.querySelector('section')?.lang).toBe('zh-CN');
  });
});
