import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleDeck, type SourceFile } from '../../../src/node/assemble-deck';
import { ContentError } from '../../../src/node/content-error';
import { chartCatalog } from '../../../src/shared/catalog';

const fixture = (lng: 'en' | 'zh') =>
  readFileSync(new URL(`../../fixtures/decks/good/${lng}/01-intro.md`, import.meta.url), 'utf8');

const goodFiles = (): SourceFile[] => [
  { lng: 'en', file: 'slides/en/01-intro.md', text: fixture('en') },
  { lng: 'zh', file: 'slides/zh/01-intro.md', text: fixture('zh') },
];

/** The problems a deck has, as the build prints them. */
function problemsOf(files: SourceFile[]): string[] {
  try {
    assembleDeck(files);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  }
}

function editZh(edit: (text: string) => string): SourceFile[] {
  const files = goodFiles();
  files[1] = { ...files[1]!, text: edit(files[1]!.text) };
  return files;
}

describe('assembleDeck', () => {
  it('builds both languages of a good deck', () => {
    const deck = assembleDeck(goodFiles());
    expect(deck.en.map((s) => s.id)).toEqual(['welcome', 'steps']);
    expect(deck.zh.map((s) => s.id)).toEqual(['welcome', 'steps']);
    expect(deck.zh[1]).toMatchObject({
      fragments: 3,
      charts: ['voyages-map'],
      attrs: { 'data-layout': 'chart-hero' },
    });
  });

  it('stops when a slide is missing in one language', () => {
    const files = editZh((t) => t.split('\n---\n')[0]!);
    expect(problemsOf(files)).toEqual([
      'slides/zh/01-intro.md:1: slide "steps" (slides/en/01-intro.md:12) is missing in zh.',
    ]);
  });

  it('stops when the slides are in a different order', () => {
    const [a, b] = fixture('zh').split('\n---\n');
    expect(problemsOf(editZh(() => `${b}\n---\n${a}`))).toEqual([
      'slides/zh/01-intro.md:2: slide "steps" is in position 1, but in en position 1 is "welcome" (slides/en/01-intro.md:1).',
      'slides/zh/01-intro.md:18: slide "welcome" is in position 2, but in en position 2 is "steps" (slides/en/01-intro.md:12).',
    ]);
  });

  it('stops when fragment counts differ', () => {
    const files = editZh((t) =>
      t.replace('结尾段落。\n<!-- .element: class="fragment fade-up" -->', '结尾段落。'),
    );
    expect(problemsOf(files)).toEqual([
      'slides/zh/01-intro.md:12: slide "steps" has 2 fragments but chart "voyages-map" has 3 steps.',
      'slides/zh/01-intro.md:12: slide "steps" has 2 fragments in zh but 3 in en (slides/en/01-intro.md:12).',
    ]);
  });

  it('stops on a duplicate id, pointing at the first use', () => {
    const files = goodFiles().map((f) => ({ ...f, text: f.text.replace('id="steps"', 'id="welcome"') }));
    expect(problemsOf(files)).toEqual([
      'slides/en/01-intro.md:12: slide id "welcome" is already used at slides/en/01-intro.md:1.',
      'slides/zh/01-intro.md:12: slide id "welcome" is already used at slides/zh/01-intro.md:1.',
    ]);
  });

  it('stops on a slide id that exists in only one language', () => {
    expect(problemsOf(editZh((t) => t.replace('id="steps"', 'id="stpes"')))).toEqual([
      'slides/zh/01-intro.md:1: slide "steps" (slides/en/01-intro.md:12) is missing in zh.',
      'slides/zh/01-intro.md:12: slide "stpes" has no en counterpart.',
    ]);
  });

  it('stops on a slide attribute that could carry script', () => {
    expect(problemsOf(editZh((t) => t.replace('id="welcome"', 'id="welcome" onclick="x()"')))).toEqual([
      'slides/zh/01-intro.md:1: slide attribute "onclick" is not allowed.',
    ]);
  });

  it('lists every problem at once, and the error message carries the hint', () => {
    const files = editZh((t) =>
      t
        .replace('Note:\n欢迎大家。这一行开始是演讲者备注。', '')
        .replace('<figure data-chart="voyages-map">', '<figure data-chart="nope">'),
    );
    try {
      assembleDeck(files);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          'The slides have 3 problems:',
          'slides/zh/01-intro.md:1: slide "welcome" has no speaker notes. Add a `Note:` line after the slide\'s content, followed by what the speaker says (40–150 words).',
          `slides/zh/01-intro.md:15: unknown chart "nope". Use one of: ${Object.keys(chartCatalog).join(', ')} (src/charts/catalog.ts).`,
          'slides/zh/01-intro.md:11: slide "steps" shows chart "nope" in zh but "voyages-map" in en. Place the same <figure data-chart="…"> on the slide in both languages.',
        ].join('\n'),
      );
    }
  });
});
