import type { Selection } from 'd3';
import { textWidth } from './map-labels';

/**
 * Lines of at most `maxWidth` (estimated, in viewBox units) for a note in a narrow frame. Latin text breaks at
 * spaces; Chinese between characters, never before closing punctuation (the usual line-start rule).
 */
export function wrapLines(text: string, maxWidth: number, size: number): string[] {
  if (textWidth(text, size) <= maxWidth) return [text];
  const spaced = /\s/.test(text);
  const units = spaced ? text.split(/(?<=\s)/) : Array.from(text);
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const next = line + unit;
    const closing = !spaced && /^[，。、；：！？）」』》”’,.;:!?)]/.test(unit);
    if (line && !closing && textWidth(next.trimEnd(), size) > maxWidth) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * Items joined by `separator` into lines of at most `maxWidth`, broken only between items (a name such as
 * "DeepSeek Coder" stays whole). An item wider than the line gets a line of its own.
 */
export function joinLines(
  items: readonly string[],
  separator: string,
  maxWidth: number,
  size: number,
  bold = false,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}${separator}${item}` : item;
    if (line && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Sets a text element's content, as one line when it fits and as tspans (one per line) when it does not. */
export function setWrappedText(
  text: Selection<SVGTextElement, unknown, null, undefined>,
  value: string,
  maxWidth: number,
  size: number,
  lineHeight = size * 1.25,
): void {
  setTextLines(text, wrapLines(value, maxWidth, size), lineHeight);
}

/** Sets a text element's lines: plain text for one, a tspan per line (each `lineHeight` below the last) for more. */
export function setTextLines(
  text: Selection<SVGTextElement, unknown, null, undefined>,
  lines: readonly string[],
  lineHeight: number,
): void {
  text.selectAll('tspan').remove();
  if (lines.length <= 1) {
    text.text(lines[0] ?? '');
    return;
  }
  text.text(null);
  const x = text.attr('x') ?? 0;
  lines.forEach((line, index) => {
    text
      .append('tspan')
      .attr('x', x)
      .attr('dy', index === 0 ? 0 : lineHeight)
      .text(line);
  });
}
