import { isSlideLayout, slideLayouts } from '../shared/slide-layouts.ts';
import type { ContentProblem } from './content-error.ts';

export { slideLayouts };

/**
 * Splits one Markdown file into slides, in reveal.js's own Markdown conventions:
 * `---` on its own line between slides, `<!-- .slide: … -->` for the slide's attributes,
 * `Note:` (or `Notes:`) at the start of a line for the speaker notes.
 * Pure: text in, slides and problems out, every slide and problem with its file and line.
 */
export interface SlideSource {
  file: string;
  /** 1-based line of the slide's first line in the file. */
  line: number;
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

/** Splits lines into chunks at `---` lines that are outside code fences. */
function splitChunks(lines: string[]): { start: number; lines: string[] }[] {
  const chunks: { start: number; lines: string[] }[] = [{ start: 0, lines: [] }];
  let inFence = false;
  lines.forEach((text, index) => {
    if (fence.test(text)) inFence = !inFence;
    if (!inFence && separator.test(text)) {
      chunks.push({ start: index + 1, lines: [] });
      return;
    }
    chunks.at(-1)!.lines.push(text);
  });
  return chunks;
}

export function parseSlides(text: string, file: string): ParseResult {
  const slides: SlideSource[] = [];
  const problems: ContentProblem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');

  for (const chunk of splitChunks(lines)) {
    const firstContent = chunk.lines.findIndex((l) => l.trim() !== '');
    if (firstContent === -1) {
      if (chunk.start > 0 || lines.length > 1) {
        problems.push({
          file,
          line: chunk.start + 1,
          message: 'empty slide.',
          hint: 'Remove the extra `---` line or write the slide.',
        });
      }
      continue;
    }
    const line = chunk.start + firstContent + 1;
    let attrs: Record<string, string> = {};
    let hasSlideComment = false;
    let commentLine = line;
    const bodyLines: string[] = [];
    const notesLines: string[] = [];
    let notesLine = 0;
    let inFence = false;

    chunk.lines.forEach((text, offset) => {
      const lineNo = chunk.start + offset + 1;
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
          commentLine = lineNo;
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
          notesLines.push(text.replace(notesStart, ''));
          return;
        }
        notesLine = lineNo;
        notesLines.push(text.replace(notesStart, ''));
        return;
      }
      (notesLine ? notesLines : bodyLines).push(text);
    });

    const id = attrs.id ?? '';
    if (!hasSlideComment || !id) {
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
    const layout = attrs['data-layout'];
    if (layout !== undefined && !isSlideLayout(layout)) {
      problems.push({
        file,
        line: commentLine,
        message: `slide "${id || '(no id)'}" has an unknown layout data-layout="${layout}".`,
        hint: `Use one of: ${slideLayouts.join(', ')} (README, "Writing slides").`,
      });
    }
    const notes = notesLines.join('\n').trim();
    if (!notes) {
      problems.push({
        file,
        line,
        message: `slide "${id || '(no id)'}" has no speaker notes.`,
        hint: "Add a `Note:` line after the slide's content, followed by what the speaker says (40–150 words).",
      });
    }
    slides.push({
      file,
      line,
      id,
      attrs,
      body: bodyLines.join('\n').trim(),
      notes,
      notesLine: notesLine || line,
    });
  }
  return { slides, problems };
}
