import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Deck } from '../shared/deck.ts';
import { type Lng, supportedLngs } from '../shared/languages.ts';
import { checkParity, checkUniqueIds } from './check-parity.ts';
import { ContentError, type ContentProblem } from './content-error.ts';
import { parseSlides } from './parse-slides.ts';
import { renderSlide } from './render-slide.ts';

export interface SourceFile {
  lng: Lng;
  /** Path relative to the project root, e.g. slides/en/01-zheng-he.md (used in messages). */
  file: string;
  text: string;
}

const allowedSlideAttribute = /^(class|data-[a-z0-9-]+)$/;

/** Parses, renders and checks every language; throws ContentError listing every problem. Pure. */
export function assembleDeck(files: readonly SourceFile[]): Deck {
  const problems: ContentProblem[] = [];
  const deck = {} as Deck;
  for (const lng of supportedLngs) {
    const ofLng = files.filter((f) => f.lng === lng).sort((a, b) => a.file.localeCompare(b.file));
    if (ofLng.length === 0) {
      problems.push({
        file: `slides/${lng}/`,
        line: 1,
        message: `no slides in ${lng}.`,
        hint: `Add Markdown files to slides/${lng}/ with the same names as in the other languages.`,
      });
    }
    deck[lng] = ofLng.flatMap((source) => {
      const parsed = parseSlides(source.text, source.file);
      problems.push(...parsed.problems);
      const lines = source.text.replace(/\r\n?/g, '\n').split('\n');
      return parsed.slides.map((slide) => {
        for (const name of Object.keys(slide.attrs)) {
          if (name !== 'id' && !allowedSlideAttribute.test(name)) {
            problems.push({
              file: slide.file,
              line: slide.line,
              message: `slide attribute "${name}" is not allowed.`,
              hint: 'A slide comment takes id, class and data-* attributes only.',
            });
          }
        }
        return renderSlide(slide, lines, problems);
      });
    });
    problems.push(...checkUniqueIds(deck[lng]));
  }
  const [reference, ...others] = supportedLngs;
  for (const lng of others) {
    if (deck[reference!].length && deck[lng].length) {
      problems.push(
        ...checkParity({ lng: reference!, slides: deck[reference!] }, { lng, slides: deck[lng] }),
      );
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return deck;
}

/** Reads slides/<lng>/*.md under the project root. */
export function readSlideFiles(root: string): SourceFile[] {
  return supportedLngs.flatMap((lng) => {
    const dir = join(root, 'slides', lng);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.md'));
    } catch (error) {
      // No folder for a language is reported as missing slides by the checks; anything else is a real failure.
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
      throw error;
    }
    return names.map((name) => {
      const path = join(dir, name);
      return { lng, file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
    });
  });
}

export function loadDeck(root: string): Deck {
  return assembleDeck(readSlideFiles(root));
}
