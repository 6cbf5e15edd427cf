import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** One visible run of text on the 1280×720 canvas: where it is and how large it renders. */
export interface TextSample {
  text: string;
  /** Font size on the canvas, in px: CSS font size, or SVG font size × the SVG's scale. */
  size: number;
  svg: boolean;
  /** Body text: a paragraph, list item or quote directly in the slide (not a caption or source line). */
  body: boolean;
}

export interface SlideMeasure {
  id: string;
  layout: string;
  texts: TextSample[];
  /** Lowest edge of the content, in canvas px from the top. */
  contentBottom: number;
  /** Elements reaching past the canvas, or scrolled/clipped inside their box. */
  overflow: string[];
  /** Share of the canvas the chart's SVG takes (0 when the slide has no chart). */
  chartShare: number;
  /** A chart, map, big number or diagram. */
  visual: boolean;
  /** Lines of text that the deck's own controls (`.deck-ui`, fixed over the slide) cover. */
  covered: string[];
}

export const canvas = { width: 1280, height: 720 } as const;

/**
 * Measures the current slide in the page. Runs in the browser: everything is read from layout, nothing is
 * assumed, and sizes are converted to the 1280×720 canvas by reveal's own scale.
 */
export function measureCurrentSlide(page: Page): Promise<SlideMeasure> {
  return page.evaluate((size) => {
    const scale = window.Reveal.getScale();
    const section = document.querySelector<HTMLElement>('.reveal .slides section.present')!;
    const frame = document.querySelector('.reveal .slides')!.getBoundingClientRect();
    const hiddenBySrOnly = (el: Element) => el.closest('.sr-only, aside.notes, title, desc') !== null;
    const effectivelyVisible = (el: Element): boolean => {
      for (let node: Element | null = el; node && node !== section.parentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) < 0.05) {
          return false;
        }
      }
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    };
    const toCanvas = (rect: DOMRect) => ({
      left: (rect.left - frame.left) / scale,
      top: (rect.top - frame.top) / scale,
      right: (rect.right - frame.left) / scale,
      bottom: (rect.bottom - frame.top) / scale,
    });
    const label = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;

    const texts: { text: string; size: number; svg: boolean; body: boolean }[] = [];
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const text = (node.data ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || hiddenBySrOnly(el) || !effectivelyVisible(el)) continue;
      const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        const unit = m ? Math.hypot(m.a, m.b) / scale : 1;
        texts.push({ text, size: fontSize * unit, svg: true, body: false });
      } else {
        const block = el.closest('p, li, blockquote, small, figcaption, h1, h2, h3, td, th, cite, footer');
        const body =
          block !== null &&
          ['P', 'LI', 'BLOCKQUOTE'].includes(block.tagName) &&
          block.closest('figure, small, .caption, .source, footer') === null;
        texts.push({ text, size: fontSize, svg: false, body });
      }
    }

    // Content = the text itself (line boxes, not the stretched boxes around it) and the drawings.
    let contentBottom = 0;
    const inkWalker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    while (inkWalker.nextNode()) {
      const node = inkWalker.currentNode as Text;
      const el = node.parentElement;
      if (
        !node.data.trim() ||
        !el ||
        hiddenBySrOnly(el) ||
        el.closest('figure.deck-qr') ||
        !effectivelyVisible(el)
      ) {
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      contentBottom = Math.max(contentBottom, toCanvas(range.getBoundingClientRect()).bottom);
    }
    for (const drawing of section.querySelectorAll('svg[role="img"], img')) {
      if (effectivelyVisible(drawing) && !drawing.closest('figure.deck-qr')) {
        contentBottom = Math.max(contentBottom, toCanvas(drawing.getBoundingClientRect()).bottom);
      }
    }
    const overflow: string[] = [];
    for (const el of section.querySelectorAll('*')) {
      if (hiddenBySrOnly(el) || !effectivelyVisible(el)) continue;
      const box = toCanvas(el.getBoundingClientRect());
      if (box.left < -1 || box.top < -1 || box.right > size.width + 1 || box.bottom > size.height + 1) {
        overflow.push(
          `${label(el)} reaches past the canvas (${box.left.toFixed(0)},${box.top.toFixed(0)})–(${box.right.toFixed(0)},${box.bottom.toFixed(0)})`,
        );
      }
      if (el instanceof HTMLElement) {
        const style = getComputedStyle(el);
        const clips = [style.overflowX, style.overflowY].some((o) => o !== 'visible');
        if (clips && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)) {
          overflow.push(
            `${label(el)} is clipped (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
          );
        }
      }
    }
    // The chart's drawn area: its viewBox fitted into the SVG's box (preserveAspectRatio meet).
    const chartSvg = section.querySelector<SVGSVGElement>('figure[data-chart] svg[role="img"]');
    let chartShare = 0;
    if (chartSvg && effectivelyVisible(chartSvg)) {
      const box = toCanvas(chartSvg.getBoundingClientRect());
      const [w, h] = [box.right - box.left, box.bottom - box.top];
      const view = chartSvg.viewBox.baseVal;
      const fit = view && view.width > 0 ? Math.min(w / view.width, h / view.height) : 1;
      const drawn = view && view.width > 0 ? view.width * fit * view.height * fit : w * h;
      chartShare = drawn / (size.width * size.height);
    }
    // The deck's controls float over the slide: no line of its text may sit under them.
    const controls = [...document.querySelectorAll('.deck-ui > *')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const covered: string[] = [];
    const lineWalker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    while (lineWalker.nextNode()) {
      const node = lineWalker.currentNode as Text;
      const el = node.parentElement;
      if (!node.data.trim() || !el || hiddenBySrOnly(el) || !effectivelyVisible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        const under = controls.find(
          (c) => line.left < c.right && line.right > c.left && line.top < c.bottom && line.bottom > c.top,
        );
        if (under) {
          covered.push(
            `"${node.data.trim().slice(0, 40)}" (line at ${line.left.toFixed(0)}–${line.right.toFixed(0)}, ${line.top.toFixed(0)}–${line.bottom.toFixed(0)}) under a control at ${under.left.toFixed(0)}–${under.right.toFixed(0)}, ${under.top.toFixed(0)}–${under.bottom.toFixed(0)}`,
          );
          break;
        }
      }
    }
    const visual = section.querySelector('figure[data-chart], .big-number, .diagram') !== null;
    return {
      id: section.id,
      layout: section.dataset.layout ?? '',
      texts,
      contentBottom,
      overflow,
      chartShare,
      visual,
      covered,
    };
  }, canvas);
}

/** Goes to slide `index` at its last step and waits until its chart (if any) has drawn that step. */
export async function showLastStep(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => window.Reveal.slide(i, 0, 99), index);
  const figure = page.locator('.reveal .slides section.present figure[data-chart]');
  if ((await figure.count()) > 0) {
    const steps = await page.evaluate(
      () => document.querySelectorAll('.reveal .slides section.present .fragment').length,
    );
    await expect(figure).toHaveAttribute('data-chart-state', /ready|failed/);
    await expect(figure).toHaveAttribute('data-step', String(steps));
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
