import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { Marked } from 'marked';
import { chartCatalog, isChartId } from '../shared/catalog.ts';
import type { RenderedSlide } from '../shared/deck.ts';
import type { ContentProblem } from './content-error.ts';
import { parseAttributes, type SlideSource } from './parse-slides.ts';

const window = new JSDOM('').window;
const purify = createDOMPurify(window);
// Markdown is rendered at build time only; no parser ships to the browser. No smartypants: it would
// turn quotes inside Chinese text into the wrong marks.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const forbiddenElements = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'LINK',
  'META',
  'BASE',
  'FORM',
  'INPUT',
  'BUTTON',
  'TEXTAREA',
  'FRAME',
  'FRAMESET',
]);
/** Phrasing markup: an `.element` comment after one of these marks the line around it, not the markup. */
const inlineElements = new Set([
  'A',
  'ABBR',
  'B',
  'STRONG',
  'EM',
  'I',
  'SPAN',
  'CODE',
  'SMALL',
  'SUB',
  'SUP',
  'MARK',
  'Q',
  'CITE',
  'TIME',
  'KBD',
  'S',
  'U',
]);
const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster'];
const unsafeUrl = /^\s*(javascript|vbscript|data):/i;
const elementComment = /^\s*\.element:?\s*(.*?)\s*$/;

/** Finds the first line of the slide's source that matches, for an error that points at the right place. */
function lineOf(slide: SlideSource, fileLines: readonly string[], pattern: RegExp): number {
  for (let i = slide.line - 1; i < Math.min(slide.endLine, fileLines.length); i++) {
    if (pattern.test(fileLines[i] ?? '')) return i + 1;
  }
  return slide.line;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Applies `<!-- .element: … -->` comments the way reveal.js's Markdown plugin does. */
function applyElementComments(
  root: Element,
  slide: SlideSource,
  fileLines: readonly string[],
  problems: ContentProblem[],
) {
  const walker = root.ownerDocument.createTreeWalker(root, window.NodeFilter.SHOW_COMMENT);
  const comments: Comment[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode as Comment);
  for (const comment of comments) {
    const match = elementComment.exec(comment.data);
    if (!match) continue;
    const attrs = parseAttributes(match[1]!);
    if (!attrs) {
      problems.push({
        file: slide.file,
        line: lineOf(slide, fileLines, /\.element/),
        message: `malformed element comment \`<!--${comment.data}-->\`.`,
        hint: 'Write it as <!-- .element: class="fragment" --> (name="value" pairs in double quotes).',
      });
      continue;
    }
    // The target is the nearest previous element sibling (not <br>), else the parent: a comment at the
    // end of a list item applies to the <li>, one after a paragraph to the paragraph. Inline markup inside
    // a line (a link, <abbr>, bold) is part of that line, so a comment after it still marks the line.
    let target: Element | null = comment.parentElement;
    for (let node = comment.previousSibling; node; node = node.previousSibling) {
      if (node.nodeType === window.Node.ELEMENT_NODE && (node as Element).tagName !== 'BR') {
        if (!inlineElements.has((node as Element).tagName)) target = node as Element;
        break;
      }
    }
    if (target && target !== root)
      for (const [name, value] of Object.entries(attrs)) target.setAttribute(name, value);
    comment.remove();
  }
}

/** Authors should know when a slide holds something unsafe, so this reports instead of silently removing. */
function findUnsafe(
  root: Element,
  slide: SlideSource,
  fileLines: readonly string[],
  problems: ContentProblem[],
) {
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (forbiddenElements.has(el.tagName)) {
      problems.push({
        file: slide.file,
        line: lineOf(slide, fileLines, new RegExp(`<${tag}\\b`, 'i')),
        message: `<${tag}> is not allowed in a slide.`,
        hint:
          tag === 'script' || tag === 'style'
            ? `Slides are content only: put behaviour in src/ and styles in src/styles/.`
            : 'Use Markdown, or a <figure data-chart="…"> for a chart.',
      });
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) {
        problems.push({
          file: slide.file,
          line: lineOf(slide, fileLines, new RegExp(`\\b${escapeRegExp(name)}\\s*=`, 'i')),
          message: `event-handler attribute ${name}="…" on <${tag}>.`,
          hint: 'Slides cannot run scripts: remove the attribute (behaviour belongs in src/).',
        });
      } else if (name === 'style') {
        problems.push({
          file: slide.file,
          line: lineOf(slide, fileLines, /\bstyle\s*=/i),
          message: `style attribute on <${tag}>.`,
          hint: 'The Content-Security-Policy blocks inline styles: use a class from src/styles/ instead.',
        });
      } else if (urlAttributes.includes(name) && unsafeUrl.test(attr.value)) {
        problems.push({
          file: slide.file,
          line: lineOf(slide, fileLines, new RegExp(escapeRegExp(attr.value.trim().slice(0, 11)), 'i')),
          message: `unsafe URL "${attr.value.slice(0, 40)}" in ${name}.`,
          hint: 'Link to an https:// page or to another slide (#/slide-id).',
        });
      }
    }
  }
}

function sanitize(html: string): string {
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    ADD_ATTR: ['target', 'lang'],
    FORBID_ATTR: ['style'],
  });
}

function renderHtml(markdown: string): string {
  return marked.parse(markdown) as string;
}

export function renderSlide(
  slide: SlideSource,
  fileLines: readonly string[],
  problems: ContentProblem[],
): RenderedSlide {
  const doc = window.document;
  const root = doc.createElement('div');
  root.innerHTML = renderHtml(slide.body);
  applyElementComments(root, slide, fileLines, problems);
  findUnsafe(root, slide, fileLines, problems);

  const charts: string[] = [];
  for (const figure of root.querySelectorAll('figure[data-chart]')) {
    const id = figure.getAttribute('data-chart') ?? '';
    if (!isChartId(id)) {
      problems.push({
        file: slide.file,
        line: lineOf(slide, fileLines, new RegExp(`data-chart="${escapeRegExp(id)}"`)),
        message: `unknown chart "${id}".`,
        hint: `Use one of: ${Object.keys(chartCatalog).join(', ')} (src/charts/catalog.ts).`,
      });
    }
    figure.classList.add('chart');
    charts.push(id);
  }
  const fragments = root.querySelectorAll('.fragment').length;
  if (slide.attrs['data-layout'] === 'chart-hero' && charts.length === 0) {
    problems.push({
      file: slide.file,
      line: lineOf(slide, fileLines, /data-layout="chart-hero"/),
      message: `slide "${slide.id}" has the chart-hero layout but no chart.`,
      hint: 'Add <figure data-chart="…"></figure>, or pick another layout (e.g. "text").',
    });
  }
  if (charts.length > 1) {
    problems.push({
      file: slide.file,
      line: slide.line,
      message: `slide "${slide.id}" has ${charts.length} charts.`,
      hint: "A slide's fragments are its chart's steps, so a slide holds one chart: split it into two slides.",
    });
  } else if (charts.length === 1 && isChartId(charts[0]!)) {
    const expected = chartCatalog[charts[0]! as keyof typeof chartCatalog].steps;
    if (fragments !== expected) {
      problems.push({
        file: slide.file,
        line: slide.line,
        message: `slide "${slide.id}" has ${count(fragments, 'fragment')} but chart "${charts[0]}" has ${count(expected, 'step')}.`,
        hint: `Give the slide exactly ${count(expected, 'fragment')} (one per chart step), or change the chart's steps.`,
      });
    }
  }

  for (const link of root.querySelectorAll('a[href^="http"]')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }

  const notesRoot = doc.createElement('div');
  notesRoot.innerHTML = renderHtml(slide.notes);
  findUnsafe(notesRoot, { ...slide, line: slide.notesLine }, fileLines, problems);

  const { id: _id, ...attrs } = slide.attrs;
  return {
    id: slide.id,
    file: slide.file,
    line: slide.line,
    attrs,
    html: sanitize(root.innerHTML),
    notes: sanitize(notesRoot.innerHTML),
    fragments,
    charts,
  };
}
