/**
 * Splits one Markdown file into slides, in reveal.js's own Markdown conventions:
 * `---` on its own line between slides, `<!-- .slide: … -->` for the slide's attributes,
 * `Note:` (or `Notes:`) at the start of a line for the speaker notes.
 * Pure: text in, slides and problems out, every slide and problem with its file and line.
 */
import { isSlideLayout, slideLayouts } from '../shared/slide-layouts.ts';
import type { ContentProblem } from './content-error.ts';

export { slideLayouts };

export interface SlideSource {
  file: string;
  /** 1-based line of the slide's first line in the file. */
  line: number;
  /** 1-based line of the slide's last line (before the next `---`). */
  endLine: number;
  id: string;
  /** Attributes from the `.slide:` comment, `id` included. */
  attrs: Record<string, string>;
  body: string;
  notes: string;
  notesLine: number;
}

export interface ParseResult {
  slides: SlideSource[];
  problems: ContentProblem[];
}

const separator = /^---\s*$/;
const fence = /^\s*(```|~~~)/;
const notesStart = /^\s*notes?:\s?/i;
const slideComment = /^\s*<!--\s*\.slide:(.*?)(-->)?\s*$/;
const attribute = /\s*([A-Za-z_:][-\w:.]*)\s*=\s*"([^"]*)"/y;
export const idPattern = /^[a-z][a-z0-9-]*$/;

/** Parses `key="value" key2="value"`; returns null when anything else is in the string. */
export function parseAttributes(text: string): Record<string, string> | null {
  const attrs: Record<string, string> = {};
  attribute.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (text.slice(position).trim() === '') break;
    attribute.lastIndex = position;
    const match = attribute.exec(text);
    if (!match) return null;
    attrs[match[1]!] = match[2]!;
    position = attribute.lastIndex;
  }
  return attrs;
}

/** One slide's lines in its file: between two `---` lines outside code fences. */
export interface SlideChunk {
  /** 1-based line of the chunk's first line (the line after its `---`). */
  start: number;
  /** 1-based line of its last line. */
  end: number;
  lines: string[];
}

/** Splits a slide file at `---` lines outside code fences. Pure; every chunk keeps its start and end lines. */
export function splitSlides(text: string): SlideChunk[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chunks: SlideChunk[] = [{ start: 1, end: 0, lines: [] }];
  let inFence = false;
  lines.forEach((line, index) => {
    if (fence.test(line)) inFence = !inFence;
    if (!inFence && separator.test(line)) {
      chunks.push({ start: index + 2, end: index + 1, lines: [] });
      return;
    }
    const chunk = chunks.at(-1)!;
    chunk.lines.push(line);
    chunk.end = index + 1;
  });
  return chunks;
}

/** One chunk's slide: its attributes, body and notes, and the problems of its comments and notes lines. */
export function parseSlide(
  chunk: SlideChunk,
  file: string,
): { slide: SlideSource; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const line = chunk.start + chunk.lines.findIndex((l) => l.trim() !== '');
  let attrs: Record<string, string> = {};
  let hasSlideComment = false;
  const bodyLines: string[] = [];
  const notesLines: string[] = [];
  let notesLine = 0;
  let inFence = false;

  chunk.lines.forEach((text, offset) => {
    const lineNo = chunk.start + offset;
    if (fence.test(text)) inFence = !inFence;
    const comment = inFence ? null : slideComment.exec(text);
    if (comment) {
      const parsed = comment[2] ? parseAttributes(comment[1]!) : null;
      if (hasSlideComment) {
        problems.push({
          file,
          line: lineNo,
          message: 'a second `<!-- .slide: -->` comment in one slide.',
          hint: 'Put all of the slide\'s attributes in one comment, e.g. <!-- .slide: id="intro" data-layout="text" -->.',
        });
      } else if (!parsed) {
        problems.push({
          file,
          line: lineNo,
          message: `malformed slide comment \`${text.trim()}\`.`,
          hint: 'Write it as <!-- .slide: id="my-slide" data-layout="text" -->: name="value" pairs in double quotes, closed by -->.',
        });
      } else {
        attrs = parsed;
        const background = Object.keys(attrs).find((name) => name.startsWith('data-background'));
        if (background) {
          problems.push({
            file,
            line: lineNo,
            message: `slide "${attrs.id ?? '(no id)'}" sets ${background}, but the deck draws no slide backgrounds.`,
            hint: 'The sea is drawn once for every slide (src/styles/theme.css); give the slide a layout (data-layout) or style it in src/styles/layouts.css instead.',
          });
        }
        const layout = attrs['data-layout'];
        if (layout !== undefined && !isSlideLayout(layout)) {
          problems.push({
            file,
            line: lineNo,
            message: `slide "${attrs.id ?? '(no id)'}" has an unknown layout data-layout="${layout}".`,
            hint: `Use one of: ${slideLayouts.join(', ')} (README, "Writing slides").`,
          });
        }
      }
      hasSlideComment = true;
      return;
    }
    if (!inFence && notesStart.test(text)) {
      if (notesLine) {
        problems.push({
          file,
          line: lineNo,
          message: `a second \`Note:\` line (the first is on line ${notesLine}).`,
          hint: 'A slide has one notes section: merge them under the first `Note:`.',
        });
      } else notesLine = lineNo;
      notesLines.push(text.replace(notesStart, ''));
      return;
    }
    (notesLine ? notesLines : bodyLines).push(text);
  });

  const slide: SlideSource = {
    file,
    line,
    endLine: chunk.end,
    id: hasSlideComment ? (attrs.id ?? '') : '',
    attrs,
    body: bodyLines.join('\n').trim(),
    notes: notesLines.join('\n').trim(),
    notesLine: notesLine || line,
  };
  return { slide, problems };
}

/** What every slide needs: a plain, stable id and speaker notes. */
export function checkSlide(slide: SlideSource): ContentProblem[] {
  const { file, line, id } = slide;
  const problems: ContentProblem[] = [];
  if (!id) {
    problems.push({
      file,
      line,
      message: 'the slide has no id.',
      hint: 'Add <!-- .slide: id="a-stable-name" --> as its first line; ids are language-neutral and the same in every language.',
    });
  } else if (!idPattern.test(id)) {
    problems.push({
      file,
      line,
      message: `slide id "${id}" is not a plain name.`,
      hint: 'Use lowercase letters, digits and hyphens, starting with a letter (e.g. "price-war").',
    });
  }
  if (!slide.notes) {
    problems.push({
      file,
      line,
      message: `slide "${id || '(no id)'}" has no speaker notes.`,
      hint: "Add a `Note:` line after the slide's content, followed by what the speaker says (40–150 words).",
    });
  }
  return problems;
}

/** Splits, parses and checks one file. Pure: text in, slides and problems out, each with its file and line. */
export function parseSlides(text: string, file: string): ParseResult {
  const slides: SlideSource[] = [];
  const problems: ContentProblem[] = [];
  const chunks = splitSlides(text);
  for (const chunk of chunks) {
    if (chunk.lines.every((l) => l.trim() === '')) {
      // An empty file is no slide; an empty chunk between two `---` lines is a slip.
      if (chunks.length > 1 || chunk.lines.length > 1) {
        problems.push({
          file,
          line: chunk.start,
          message: 'empty slide.',
          hint: 'Remove the extra `---` line or write the slide.',
        });
      }
      continue;
    }
    const parsed = parseSlide(chunk, file);
    slides.push(parsed.slide);
    problems.push(...parsed.problems, ...checkSlide(parsed.slide));
  }
  return { slides, problems };
}
