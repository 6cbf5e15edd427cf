/**
 * The first slide of each language, written into its page by the build, so a phone paints the title from the
 * HTML before any script has arrived. `index.html` is the default language's page; every other language gets
 * `<lng>.html` next to it (plain files: any static host serves them, no server logic). A small inline script
 * in the head sends a visitor whose language is another one (`?lng=`, a language page's own, the saved
 * choice, then the browser's languages: the order of src/i18n/detect.ts) to that page before anything paints. Pure
 * string work, unit-tested; the Vite side is in vite-plugin-deck.ts.
 */
import type { Deck, RenderedSlide } from '../shared/deck.ts';
import { fallbackLng, type Lng, languages, supportedLngs } from '../shared/languages.ts';
import { escapeHtml } from './html.ts';

export interface PageStrings {
  title: string;
  description: string;
}

export interface PrintLayoutLike {
  width: number;
  height: number;
  margin: number;
}

/** The page a language is served from: the default language at index.html, the others at <lng>.html. */
export function pageFile(lng: Lng): string {
  return lng === fallbackLng ? 'index.html' : `${lng}.html`;
}

/**
 * The same <section> src/deck/slides.ts mounts for a slide (attributes, lang, content, notes), plus `present`
 * (reveal's class for the slide on screen) and `data-prerendered`, so the script can take it over as it is.
 */
export function sectionHtml(slide: RenderedSlide, lng: Lng): string {
  const htmlLang = languages[lng].htmlLang;
  const attrs = Object.entries(slide.attrs)
    .filter(([name]) => name !== 'class')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const classes = ['present', ...(slide.attrs.class?.split(/\s+/).filter(Boolean) ?? [])].join(' ');
  const notes = `<aside class="notes" lang="${htmlLang}">${slide.notes}</aside>`;
  return `<section id="${escapeHtml(slide.id)}"${attrs} class="${escapeHtml(classes)}" lang="${htmlLang}" data-prerendered="">${slide.html}${notes}</section>`;
}

/**
 * The first slide as the phone article's first section (src/deck/phone/article.ts), for a phone's first paint:
 * before any script, a phone shows it as the article will (src/styles/phone.css), and the article takes the
 * section over in place, so what was painted first is what stays, at its size and place.
 */
export function phoneSectionHtml(slide: RenderedSlide, lng: Lng): string {
  const layout = slide.attrs['data-layout'];
  const layoutAttr = layout ? ` data-layout="${escapeHtml(layout)}"` : '';
  return `<section class="phone-slide" data-slide-id="${escapeHtml(slide.id)}"${layoutAttr} lang="${languages[lng].htmlLang}">${slide.html}</section>`;
}

/**
 * The critical CSS: what reveal.js's layout() would do to the slide box (its size, and the scale to the
 * window, rounded to hundredths as reveal rounds it) until reveal has started and writes the same values
 * itself. With it the prerendered slide sits exactly where reveal will put it: no shift when the script
 * takes over. reveal's scroll view (narrow screens) centres each slide in a window-high page at the same
 * scale, so the same rule holds there.
 */
export function criticalCss(layout: PrintLayoutLike, scrollActivationWidth = 435): string {
  const keep = 1 - layout.margin;
  const scale = `round(min(100vw * ${keep} / ${layout.width}px,100vh * ${keep} / ${layout.height}px),0.01)`;
  // reveal's presentation width is the window less its margin; the scroll view starts at or below 435 px.
  const narrow = Math.floor(scrollActivationWidth / keep);
  return [
    `.reveal:not(.ready) .slides{width:${layout.width}px;height:${layout.height}px;inset:50% auto auto 50%;`,
    `transform:translate(-50%,-50%) scale(clamp(0.2,${scale},2))}`,
    // The scroll view: the slide box fills the window and the slide is centred in it, as in a scroll page.
    `@media (max-width:${narrow}px){.reveal:not(.ready) .slides{inset:0;width:100%;height:100%;transform:none}`,
    `.reveal:not(.ready) .slides>section.present{top:50%;left:50%;width:${layout.width}px;height:${layout.height}px;`,
    `transform-origin:0 0;transform:scale(${scale}) translate(-50%,-50%)}}`,
  ].join('');
}

/**
 * The deck's script and its preloads wait in this inert template until the page has painted its first slide:
 * on a slow link the slide's fonts and stylesheet then have the bandwidth to themselves. `bootScript` moves
 * them into the document right after the first frame (or after a second, in a tab opened in the background).
 */
export const bootTemplateId = 'deck-boot';

export const bootScript = [
  '(function(){var d=document,s=0;function go(){if(s)return;s=1;',
  `var t=d.getElementById(${JSON.stringify(bootTemplateId)});if(t)d.body.append(d.importNode(t.content,true))}`,
  'requestAnimationFrame(function(){setTimeout(go,0)});setTimeout(go,1000)})()',
].join('');

/**
 * Moves the page's module script and module preloads into the boot template at the end of the body, followed by
 * the boot script (allowed by hash in the Content-Security-Policy).
 */
export function deferScripts(html: string): string {
  const tags: string[] = [];
  const pattern =
    /\s*(<script\b[^>]*\btype="module"[^>]*\bsrc="[^"]*"[^>]*><\/script>|<link\b[^>]*\brel="modulepreload"[^>]*>)/gi;
  const without = html.replace(pattern, (_match, tag: string) => {
    tags.push(tag);
    return '';
  });
  if (tags.length === 0) throw new Error('first slide: index.html has no module script to defer.');
  if (!/<\/body>/i.test(without)) throw new Error('first slide: index.html has no </body>.');
  const boot = `<template id="${bootTemplateId}">${tags.join('')}</template>\n    <script>${bootScript}</script>\n  `;
  return without.replace(/<\/body>/i, () => `${boot}</body>`);
}

/**
 * The inline script that sends a visitor to their language's page before the first paint. It does nothing in
 * the speaker view's previews (?receiver), the print view (?print-pdf), a single-file export (which names its
 * language in <meta name="deck-default-lng">) or a page opened from disk.
 */
export function languageRedirectScript(storageKey: string): string {
  const pages = Object.fromEntries(supportedLngs.map((lng) => [lng, `./${pageFile(lng)}`]));
  return [
    '(function(){try{',
    'var d=document,q=new URLSearchParams(location.search),p=d.documentElement.getAttribute("data-page-lng");',
    'if(!p||q.has("receiver")||q.has("print-pdf")||location.protocol==="file:"||d.querySelector("meta[name=deck-default-lng]"))return;',
    `var L=${JSON.stringify(supportedLngs)},P=${JSON.stringify(pages)};`,
    'var m=function(t){t=String(t||"").trim().toLowerCase().split(/[-_]/)[0];return L.indexOf(t)>=0?t:null};',
    `var s=null;try{s=localStorage.getItem(${JSON.stringify(storageKey)})}catch(e){}`,
    'var b=(navigator.languages||[]).map(m).filter(Boolean)[0];',
    `var f=${JSON.stringify(fallbackLng)},l=m(q.get("lng"))||(p!==f?p:null)||m(s)||b||f;`,
    'if(l!==p)location.replace(P[l]+location.search+location.hash)',
    '}catch(e){}})()',
  ].join('');
}

export interface PrerenderOptions {
  /** The built page (Vite's index.html after every other transform, the CSP meta included). */
  html: string;
  lng: Lng;
  deck: Deck;
  strings: PageStrings;
  css: string;
  script: string;
  /** Font files to preload (fontPreloads). */
  preloads?: readonly string[];
}

/** The page of one language: its lang, title and description, the critical CSS and script, the first slide. */
export function prerenderPage(options: PrerenderOptions): string {
  const { lng, deck, strings } = options;
  const first = deck[lng][0];
  if (!first) throw new Error(`first slide: slides/${lng}/ has no slides to prerender.`);
  const replaceOnce = (html: string, pattern: RegExp, by: string, what: string): string => {
    if (!pattern.test(html)) throw new Error(`first slide: index.html has no ${what}.`);
    // A function replacer: the slide text may hold `$` (US$), which a string replacement would read.
    return html.replace(pattern, () => by);
  };
  let html = options.html;
  html = replaceOnce(
    html,
    /<html\b[^>]*>/i,
    `<html lang="${languages[lng].htmlLang}" class="reveal-full-page" data-page-lng="${lng}">`,
    '<html> element',
  );
  html = replaceOnce(
    html,
    /<title>[\s\S]*?<\/title>/i,
    `<title>${escapeHtml(strings.title)}</title>`,
    '<title>',
  );
  html = replaceOnce(
    html,
    /<meta\s+name="description"\s+content="[^"]*"\s*\/?>/i,
    `<meta name="description" content="${escapeHtml(strings.description)}" />`,
    'meta description',
  );
  // After the CSP meta (a policy applies only to what follows it), before the title and any stylesheet.
  html = replaceOnce(
    html,
    /<title>/i,
    [
      `<script>${options.script}</script>`,
      `<style>${options.css}</style>`,
      ...(options.preloads ?? []).map(
        (href) => `<link rel="preload" href="${escapeHtml(href)}" as="font" type="font/woff2" crossorigin />`,
      ),
      '<title>',
    ].join('\n    '),
    '<title>',
  );
  html = replaceOnce(html, /<body\b[^>]*>/i, '<body class="reveal-viewport">', '<body>');
  // Before the deck: on a phone the stylesheet shows this and hides what follows it (src/styles/phone.css).
  html = replaceOnce(
    html,
    /<div class="reveal">/i,
    `<main class="phone-article" id="phone-article" data-prerendered="">${phoneSectionHtml(first, lng)}</main>\n    <div class="reveal">`,
    '<div class="reveal">',
  );
  html = replaceOnce(
    html,
    /<div class="slides">\s*<\/div>/i,
    `<div class="slides">${sectionHtml(first, lng)}</div>`,
    'empty <div class="slides">',
  );
  return html;
}

export interface FontFace {
  family: string;
  url: string;
  ranges: Array<[number, number]>;
}

/** The @font-face rules of a built stylesheet: family, file and unicode-range. */
export function fontFacesOf(css: string): FontFace[] {
  return Array.from(css.matchAll(/@font-face\s*\{([^}]*)\}/g), (m) => {
    const body = m[1] ?? '';
    const family = /font-family:\s*["']?([^;"']+)["']?/.exec(body)?.[1]?.trim() ?? '';
    const url = /url\(\s*["']?([^)"']+)["']?\s*\)/.exec(body)?.[1] ?? '';
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1] ?? 'U+0-10FFFF';
    const ranges = range.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(from ?? '0', 16), Number.parseInt(to ?? from ?? '0', 16)];
    });
    return { family, url, ranges };
  }).filter((face) => face.family && face.url);
}

/** The visible text of slide HTML (tags dropped, the few entities the renderer writes decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<aside class="notes"[\s\S]*?<\/aside>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The font files that can draw `text` in the page's font stack (`order`): preloading them lets the first
 * paint use the deck's fonts, so no line moves and the largest paint is not redone when they arrive.
 */
export function fontPreloads(faces: readonly FontFace[], text: string, order: readonly string[]): string[] {
  const urls = new Set<string>();
  for (const char of new Set(text)) {
    const cp = char.codePointAt(0)!;
    if (cp <= 0x20) continue;
    // Every family of the stack that has the character: a slide's Latin words inside Chinese text may be
    // marked English (lang="en") and drawn from the Latin font.
    for (const family of order) {
      const face = faces.find(
        (f) => f.family === family && f.ranges.some(([from, to]) => cp >= from && cp <= to),
      );
      if (face) urls.add(face.url);
    }
  }
  return [...urls];
}
