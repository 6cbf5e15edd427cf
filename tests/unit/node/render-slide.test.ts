import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../../src/node/content-error';
import { parseSlides } from '../../../src/node/parse-slides';
import { renderSlide } from '../../../src/node/render-slide';

const file = 'slides/en/05-test.md';

function render(text: string) {
  const { slides } = parseSlides(text, file);
  const problems: ContentProblem[] = [];
  const slide = renderSlide(slides[0]!, text.split('\n'), problems);
  return { slide, problems: problems.map((p) => `${p.file}:${p.line}: ${p.message} ${p.hint}`) };
}

const notes = '\n\nNote:\nWhat the speaker says.';

describe('renderSlide: reveal.js Markdown conventions', () => {
  it('applies an .element comment at the end of a list item to the <li>', () => {
    const { slide } = render(
      `<!-- .slide: id="a" -->\n\n- One <!-- .element: class="fragment" -->\n- Two${notes}`,
    );
    expect(slide.html).toBe('<ul>\n<li class="fragment">One </li>\n<li>Two</li>\n</ul>\n');
    expect(slide.fragments).toBe(1);
  });

  it('applies an .element comment after inline markup (a link, an abbreviation) to the line, not the markup', () => {
    const { slide } = render(
      `<!-- .slide: id="a" -->\n\n- 197 with the <abbr title="x">CAC</abbr> <!-- .element: class="fragment" -->\n- See [Qwen](https://example.org) <!-- .element: class="fragment" -->${notes}`,
    );
    expect(slide.html).toContain('<li class="fragment">197 with the <abbr title="x">CAC</abbr> </li>');
    expect(slide.html).toMatch(/<li class="fragment">See <a /);
    expect(slide.fragments).toBe(2);
  });

  it('applies an .element comment on the line after a paragraph to the paragraph', () => {
    const { slide } = render(
      `<!-- .slide: id="a" -->\n\nA claim.\n<!-- .element: class="fragment" data-fragment-index="2" -->${notes}`,
    );
    expect(slide.html).toContain('<p class="fragment" data-fragment-index="2">A claim.</p>');
  });

  it('renders notes to HTML and keeps lang on mixed-language spans', () => {
    const { slide } = render(`<!-- .slide: id="a" -->\n\nThe word <span lang="zh-CN">出海</span>.${notes}`);
    expect(slide.html).toBe('<p>The word <span lang="zh-CN">出海</span>.</p>\n');
    expect(slide.notes).toBe('<p>What the speaker says.</p>\n');
  });

  it('opens external links in a new tab, safely', () => {
    const { slide } = render(`<!-- .slide: id="a" -->\n\n[Source](https://example.org/a)${notes}`);
    expect(slide.html).toContain(
      '<a href="https://example.org/a" target="_blank" rel="noopener noreferrer">Source</a>',
    );
  });

  it('records the chart and checks its fragment count against the chart steps', () => {
    const { slide, problems } = render(
      `<!-- .slide: id="a" -->\n\n<figure data-chart="funding"></figure>\n\n- 2024 <!-- .element: class="fragment" -->${notes}`,
    );
    expect(slide.charts).toEqual(['funding']);
    expect(slide.html).toMatch(
      /<figure (class="chart" data-chart="funding"|data-chart="funding" class="chart")><\/figure>/,
    );
    expect(problems).toEqual([]);
  });

  it('stops on a chart whose fragments do not match its steps', () => {
    const { problems } = render(
      `<!-- .slide: id="a" -->\n\n<figure data-chart="funding"></figure>\n${notes}`,
    );
    expect(problems).toEqual([
      'slides/en/05-test.md:1: slide "a" has 0 fragments but chart "funding" has 1 step. Give the slide exactly 1 fragment (one per chart step), or change the chart\'s steps.',
    ]);
  });

  it('stops on a chart-hero slide without a chart, at its layout line', () => {
    const { problems } = render(`<!-- .slide: id="a" data-layout="chart-hero" -->\n\n## A${notes}`);
    expect(problems).toEqual([
      'slides/en/05-test.md:1: slide "a" has the chart-hero layout but no chart. Add <figure data-chart="…"></figure>, or pick another layout (e.g. "text").',
    ]);
  });

  it('stops on an unknown chart id, at its line', () => {
    const { problems } = render(
      `<!-- .slide: id="a" -->\n\n## A\n\n<figure data-chart="fundng"></figure>${notes}`,
    );
    expect(problems[0]).toMatch(
      /^slides\/en\/05-test\.md:5: unknown chart "fundng"\. Use one of: voyages-map, /,
    );
  });
});

describe('renderSlide: the sanitiser reports instead of silently removing', () => {
  it('stops on a <script>, naming its line', () => {
    const { slide, problems } = render(
      `<!-- .slide: id="a" -->\n\n## A\n\n<script>alert(1)</script>${notes}`,
    );
    expect(problems).toEqual([
      'slides/en/05-test.md:5: <script> is not allowed in a slide. Slides are content only: put behaviour in src/ and styles in src/styles/.',
    ]);
    expect(slide.html).not.toContain('script');
  });

  it('stops on an event-handler attribute', () => {
    const { problems } = render(
      `<!-- .slide: id="a" -->\n\n<img src="x.png" alt="x" onerror="alert(1)">${notes}`,
    );
    expect(problems).toEqual([
      'slides/en/05-test.md:3: event-handler attribute onerror="…" on <img>. Slides cannot run scripts: remove the attribute (behaviour belongs in src/).',
    ]);
  });

  it('stops on a javascript: URL', () => {
    const { slide, problems } = render(
      `<!-- .slide: id="a" -->\n\n## A\n\n[click](javascript:alert(1))${notes}`,
    );
    expect(problems).toEqual([
      'slides/en/05-test.md:5: unsafe URL "javascript:alert(1)" in href. Link to an https:// page or to another slide (#/slide-id).',
    ]);
    expect(slide.html).not.toContain('javascript:');
  });

  it('stops on an inline style, which the CSP would block anyway', () => {
    const { problems } = render(`<!-- .slide: id="a" -->\n\n<p style="color:red">x</p>${notes}`);
    expect(problems[0]).toBe(
      'slides/en/05-test.md:3: style attribute on <p>. The Content-Security-Policy blocks inline styles: use a class from src/styles/ instead.',
    );
  });

  it('checks the notes too', () => {
    const { problems } = render(
      `<!-- .slide: id="a" -->\n\n## A\n\nNote:\nSay this <iframe src="https://x.org"></iframe>`,
    );
    expect(problems[0]).toMatch(/^slides\/en\/05-test\.md:6: <iframe> is not allowed in a slide\./);
  });
});
