import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkSlide,
  parseAttributes,
  parseSlide,
  parseSlides,
  slideLayouts,
  splitSlides,
} from '../../../src/node/parse-slides';

const good = readFileSync(new URL('../../fixtures/decks/good/en/01-intro.md', import.meta.url), 'utf8');
const file = 'slides/en/01-intro.md';

describe('parseSlides', () => {
  it('splits slides on --- lines and records where each starts', () => {
    const { slides, problems } = parseSlides(good, file);
    expect(problems).toEqual([]);
    expect(slides.map((s) => [s.id, s.line])).toEqual([
      ['welcome', 1],
      ['steps', 12],
    ]);
    expect(slides[0]!.attrs).toEqual({ id: 'welcome', 'data-layout': 'title' });
  });

  it('separates the notes from the body at the Note: line', () => {
    const [welcome, steps] = parseSlides(good, file).slides;
    expect(welcome!.body).toBe("# Going global\n\nA small deck for the parser's tests.");
    expect(welcome!.notes).toMatch(/^Welcome everyone\./);
    expect(welcome!.notesLine).toBe(7);
    expect(steps!.notes).toContain('--- inside a fence is not a separator');
  });

  it('reports a slide without an id, with the file and line', () => {
    const { problems } = parseSlides('## No id here\n\nNote:\nSome notes.', file);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'slides/en/01-intro.md:1: the slide has no id.',
    ]);
    expect(problems[0]!.hint).toContain('<!-- .slide: id="a-stable-name" -->');
  });

  it('reports a slide without notes', () => {
    const { problems } = parseSlides('<!-- .slide: id="bare" -->\n\n## Bare\n', file);
    expect(problems).toEqual([
      {
        file,
        line: 1,
        message: 'slide "bare" has no speaker notes.',
        hint: "Add a `Note:` line after the slide's content, followed by what the speaker says (40–150 words).",
      },
    ]);
  });

  it('reports a malformed slide comment at its line', () => {
    const text = '## Heading\n<!-- .slide: id=broken -->\n\nNote:\nNotes.';
    const { problems } = parseSlides(text, file);
    expect(problems[0]).toMatchObject({
      line: 2,
      message: 'malformed slide comment `<!-- .slide: id=broken -->`.',
    });
  });

  it('reports an unknown layout at the line of its slide comment, listing the known ones', () => {
    const text = '## Intro\n\n<!-- .slide: id="intro" data-layout="hero" -->\n\nNote:\nNotes.';
    const { problems } = parseSlides(text, file);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'slides/en/01-intro.md:3: slide "intro" has an unknown layout data-layout="hero".',
    ]);
    expect(problems[0]!.hint).toContain(slideLayouts.join(', '));
  });

  it('refuses a slide background, which the deck does not draw, at the line of its slide comment', () => {
    const text = '## Intro\n\n<!-- .slide: id="intro" data-background-color="#000" -->\n\nNote:\nNotes.';
    const { problems } = parseSlides(text, file);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'slides/en/01-intro.md:3: slide "intro" sets data-background-color, but the deck draws no slide backgrounds.',
    ]);
    expect(problems[0]!.hint).toContain('data-layout');
  });

  it('accepts every documented layout', () => {
    for (const layout of slideLayouts) {
      const text = `<!-- .slide: id="s" data-layout="${layout}" -->\n\n## S\n\nNote:\nNotes.`;
      expect(parseSlides(text, file).problems, layout).toEqual([]);
    }
  });

  it('reports an unclosed slide comment', () => {
    const { problems } = parseSlides('<!-- .slide: id="x"\n## H\n\nNote:\nN.', file);
    expect(problems[0]!.message).toBe('malformed slide comment `<!-- .slide: id="x"`.');
  });

  it('reports a second Note: line, which reveal would leave on the slide', () => {
    const { problems } = parseSlides('<!-- .slide: id="a" -->\n## A\n\nNote:\nOne.\n\nNote:\nTwo.', file);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '7: a second `Note:` line (the first is on line 4).',
    ]);
  });

  it('reports an id that is not a plain name', () => {
    const { problems } = parseSlides('<!-- .slide: id="Price War" -->\n## A\n\nNote:\nOne.', file);
    expect(problems[0]!.message).toBe('slide id "Price War" is not a plain name.');
  });

  it('reports an empty slide left by a doubled separator', () => {
    const { problems } = parseSlides(
      '<!-- .slide: id="a" -->\n## A\nNote:\nx\n\n---\n\n---\n\n<!-- .slide: id="b" -->\n## B\nNote:\ny',
      file,
    );
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['7: empty slide.']);
  });
});

describe('parseAttributes', () => {
  it('reads name="value" pairs', () => {
    expect(parseAttributes(' id="a" data-timing="90" class="x y"')).toEqual({
      id: 'a',
      'data-timing': '90',
      class: 'x y',
    });
  });
  it('rejects anything else', () => {
    expect(parseAttributes('id=a')).toBeNull();
    expect(parseAttributes('id="a" stray')).toBeNull();
  });
});

describe('splitSlides', () => {
  it('keeps each slide’s start and end lines, and ignores --- inside a code fence', () => {
    const text = ['<!-- .slide: id="a" -->', '# A', '---', '```', '---', '```', 'Note: b', '---', ''].join(
      '\n',
    );
    expect(splitSlides(text).map(({ start, end }) => [start, end])).toEqual([
      [1, 2],
      [4, 7],
      [9, 9],
    ]);
  });
});

describe('parseSlide and checkSlide', () => {
  it('reads one chunk, and checks it for an id and notes separately', () => {
    const [chunk] = splitSlides('<!-- .slide: id="Bad Id" -->\n# Title\n');
    const { slide, problems } = parseSlide(chunk!, 'slides/en/x.md');
    expect(problems).toEqual([]);
    expect(slide).toMatchObject({ id: 'Bad Id', line: 1, endLine: 3, body: '# Title' });
    expect(checkSlide(slide).map((p) => p.message)).toEqual([
      'slide id "Bad Id" is not a plain name.',
      'slide "Bad Id" has no speaker notes.',
    ]);
  });
});
