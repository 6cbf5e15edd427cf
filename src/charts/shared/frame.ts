import { type Selection, select } from 'd3';
import { languages } from '../../shared/languages';
import type { ChartContext } from '../types';
import type { ChartKey } from './i18n';
import { chartColors, chartFont } from './tokens';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface FrameOptions {
  width: number;
  height: number;
  /** Room added left and right of the drawing, in viewBox units: a wider frame for the chart-hero layout. */
  padX?: number;
  ctx: ChartContext;
  /** i18n keys of the accessible name and description, e.g. 'charts:funding.title'. */
  titleKey: ChartKey;
  descKey: ChartKey;
  /** Interpolation values for the description (already formatted for ctx's language). */
  descValues?: (ctx: ChartContext) => Record<string, string>;
  /** Prefix of the <title>/<desc> ids; unique per frame by default. */
  idPrefix?: string;
}

export interface ChartFrame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Where the chart draws. */
  body: Selection<SVGGElement, unknown, null, undefined>;
  /** Relabel title, description and language for a new context. */
  setContext(ctx: ChartContext): void;
  /** Remove the SVG. Safe to call twice. */
  destroy(): void;
}

let frameCount = 0;

/**
 * An SVG with a fixed viewBox (reveal scales the whole slide, so charts never re-fit), role="img" and a
 * translated <title>/<desc> wired through aria-labelledby/aria-describedby. It goes first in `el`.
 */
export function createFrame(el: HTMLElement, options: FrameOptions): ChartFrame {
  frameCount += 1;
  const prefix = options.idPrefix ?? `chart-${frameCount}`;
  const padX = options.padX ?? 0;
  const svgNode = el.ownerDocument.createElementNS(SVG_NS, 'svg');
  el.prepend(svgNode);
  const svg = select(svgNode)
    .attr('class', 'chart')
    .attr('viewBox', `${-padX} 0 ${options.width + 2 * padX} ${options.height}`)
    .attr('preserveAspectRatio', 'xMidYMid meet')
    .attr('role', 'img')
    .attr('aria-labelledby', `${prefix}-title`)
    .attr('aria-describedby', `${prefix}-desc`)
    .style('font-family', chartFont)
    .style('fill', chartColors.ink);
  const title = svg.append('title').attr('id', `${prefix}-title`);
  const desc = svg.append('desc').attr('id', `${prefix}-desc`);
  const body = svg.append('g').attr('class', 'chart-body');

  const setContext = (ctx: ChartContext): void => {
    // lang lets the browser pick CJK glyphs and screen readers pick the voice.
    svg.attr('lang', languages[ctx.lng].htmlLang);
    const { t } = ctx;
    title.text(t(options.titleKey));
    desc.text(t(options.descKey, { replace: options.descValues?.(ctx) }));
  };
  setContext(options.ctx);

  return {
    svg,
    body,
    setContext,
    destroy: () => {
      svg.remove();
    },
  };
}
