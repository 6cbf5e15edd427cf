import { describe, expect, it } from 'vitest';
import {
  bootScript,
  bootTemplateId,
  criticalCss,
  deferScripts,
  fontFacesOf,
  fontPreloads,
  languageRedirectScript,
  pageFile,
  prerenderPage,
  sectionHtml,
  textOf,
} from '../../../src/node/first-slide';
import type { Deck, RenderedSlide } from '../../../src/shared/deck';

const slide = (id: string, html: string, attrs: Record<string, string> = {}): RenderedSlide => ({
  id,
  file: `slides/x/${id}.md`,
  line: 1,
  attrs,
  html,
  notes: '<p>notes</p>',
  fragments: 0,
  charts: [],
});

const deck: Deck = {
  en: [slide('title', '<h1>Going Global, US$ 5</h1>', { class: 'title-slide', 'data-state': 'a"b' })],
  zh: [slide('title', '<h1>出海</h1>')],
};

const template = [
  '<!doctype html>',
  '<html lang="en">',
  '<head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="x" />',
  '<meta name="description" content="old" /><title>old</title></head>',
  '<body><div class="reveal"><div class="slides"></div></div></body></html>',
].join('\n');

const render = (lng: 'en' | 'zh') =>
  prerenderPage({
    html: template,
    lng,
    deck,
    strings: { title: `T-${lng} <&>`, description: `D-${lng} "q"` },
    css: '.c{}',
    script: 'go()',
  });

describe('pageFile', () => {
  it('serves the default language at index.html and the others beside it', () => {
    expect(pageFile('en')).toBe('index.html');
    expect(pageFile('zh')).toBe('zh.html');
  });
});

describe('sectionHtml', () => {
  it('writes the section src/deck/slides.ts mounts, shown, with escaped attributes', () => {
    const html = sectionHtml(deck.en[0]!, 'en');
    expect(html).toContain('id="title"');
    expect(html).toContain('data-state="a&quot;b"');
    expect(html).toContain('class="present title-slide"');
    expect(html).toContain('lang="en"');
    expect(html).toContain('data-prerendered=""');
    expect(html).toContain('<aside class="notes" lang="en"><p>notes</p></aside>');
  });
});

describe('prerenderPage', () => {
  it('writes the language, title, description, inline code and first slide into the page', () => {
    const zh = render('zh');
    expect(zh).toContain('<html lang="zh-CN" class="reveal-full-page" data-page-lng="zh">');
    expect(zh).toContain('<title>T-zh &lt;&amp;&gt;</title>');
    expect(zh).toContain('content="D-zh &quot;q&quot;"');
    expect(zh).toContain('<div class="slides"><section id="title"');
    expect(zh).toContain('<h1>出海</h1>');
    expect(zh).toContain('<body class="reveal-viewport">');
  });

  it("writes the first slide again as the phone article's first section, before the deck", () => {
    const zh = render('zh');
    expect(zh).toContain(
      '<main class="phone-article" id="phone-article" data-prerendered=""><section class="phone-slide" data-slide-id="title"',
    );
    expect(zh.indexOf('<main class="phone-article"')).toBeLessThan(zh.indexOf('<div class="reveal">'));
    const phone = zh.slice(zh.indexOf('<main'), zh.indexOf('</main>'));
    expect(phone).toContain('lang="zh-CN"><h1>出海</h1>');
    // No notes: the article shows them only when the reader asks.
    expect(phone).not.toContain('aside');
  });

  it('puts the inline script and style after the policy, and keeps `$` in the slide text', () => {
    const en = render('en');
    expect(en.indexOf('<script>go()</script>')).toBeGreaterThan(en.indexOf('Content-Security-Policy'));
    expect(en.indexOf('<style>.c{}</style>')).toBeGreaterThan(en.indexOf('Content-Security-Policy'));
    expect(en).toContain('US$ 5');
  });

  it('names what the page lacks', () => {
    expect(() =>
      prerenderPage({
        html: template.replace('<div class="slides"></div>', ''),
        lng: 'en',
        deck,
        strings: { title: '', description: '' },
        css: '',
        script: '',
      }),
    ).toThrow(/empty <div class="slides">/);
    expect(() =>
      prerenderPage({
        html: template,
        lng: 'en',
        deck: { en: [], zh: [] },
        strings: { title: '', description: '' },
        css: '',
        script: '',
      }),
    ).toThrow(/slides\/en\/ has no slides/);
  });
});

describe('deferScripts', () => {
  const page = [
    '<html><head><title>t</title>',
    '<script type="module" crossorigin src="/assets/index.js"></script>',
    '<link rel="modulepreload" crossorigin href="/assets/en.js">',
    '<link rel="stylesheet" crossorigin href="/assets/index.css">',
    '</head><body><div class="reveal"></div></body></html>',
  ].join('\n');

  it('moves the module script and its preloads into the inert boot template, with the boot script after it', () => {
    const html = deferScripts(page);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('type="module"');
    expect(head).not.toContain('modulepreload');
    // The stylesheet stays: the first paint needs it.
    expect(head).toContain('rel="stylesheet"');
    expect(html).toContain(
      `<template id="${bootTemplateId}"><script type="module" crossorigin src="/assets/index.js"></script><link rel="modulepreload" crossorigin href="/assets/en.js"></template>`,
    );
    expect(html.indexOf(`<script>${bootScript}</script>`)).toBeGreaterThan(html.indexOf('</template>'));
    expect(html.indexOf(`<script>${bootScript}</script>`)).toBeLessThan(html.indexOf('</body>'));
  });

  it('names what the page lacks', () => {
    expect(() => deferScripts('<html><body></body></html>')).toThrow(/no module script/);
  });
});

describe('criticalCss', () => {
  it('scales the slide box as reveal does, to hundredths, within its 0.2–2 bounds', () => {
    const css = criticalCss({ width: 1280, height: 720, margin: 0.04 });
    expect(css).toContain('width:1280px;height:720px');
    expect(css).toContain('100vw * 0.96 / 1280px');
    expect(css).toContain('100vh * 0.96 / 720px');
    expect(css).toContain('clamp(0.2,round(');
    // reveal's scroll view starts when the window less its margin is 435 px or less.
    expect(css).toContain('@media (max-width:453px)');
  });
});

describe('languageRedirectScript', () => {
  type Env = { search: string; page: string; stored: string | null; languages: string[]; meta?: boolean };
  const run = (env: Env): string | null => {
    let target: string | null = null;
    const globals = {
      document: {
        documentElement: { getAttribute: () => env.page },
        querySelector: () => (env.meta ? {} : null),
      },
      location: {
        search: env.search,
        hash: '#/x',
        protocol: 'http:',
        replace: (url: string) => {
          target = url;
        },
      },
      localStorage: { getItem: () => env.stored },
      navigator: { languages: env.languages },
      URLSearchParams,
    };
    const names = Object.keys(globals);
    new Function(...names, languageRedirectScript('key'))(...Object.values(globals));
    return target;
  };

  it('follows ?lng= first', () => {
    expect(run({ search: '?lng=zh', page: 'en', stored: 'en', languages: ['en'] })).toBe(
      './zh.html?lng=zh#/x',
    );
    expect(run({ search: '?lng=en', page: 'zh', stored: null, languages: [] })).toBe(
      './index.html?lng=en#/x',
    );
  });

  it('keeps a language page, then follows the saved choice, then the browser', () => {
    expect(run({ search: '', page: 'zh', stored: 'en', languages: ['en-US'] })).toBeNull();
    expect(run({ search: '', page: 'en', stored: 'zh', languages: ['en-US'] })).toBe('./zh.html#/x');
    expect(run({ search: '', page: 'en', stored: null, languages: ['zh-TW', 'en'] })).toBe('./zh.html#/x');
    expect(run({ search: '', page: 'en', stored: null, languages: ['fr'] })).toBeNull();
  });

  it('leaves the speaker previews, the print view and a single-file export alone', () => {
    expect(run({ search: '?receiver&lng=zh', page: 'en', stored: null, languages: [] })).toBeNull();
    expect(run({ search: '?print-pdf&lng=zh', page: 'en', stored: null, languages: [] })).toBeNull();
    expect(run({ search: '?lng=zh', page: 'en', stored: null, languages: [], meta: true })).toBeNull();
  });
});

describe('fontPreloads', () => {
  const css = [
    "@font-face{font-family:Inter Variable;src:url(/assets/inter-latin.woff2)format('woff2');unicode-range:U+20-7E}",
    "@font-face{font-family:'Noto Sans SC Variable';src:url(/assets/noto-1.woff2);unicode-range:U+20-7E,U+51FA}",
    "@font-face{font-family:'Noto Sans SC Variable';src:url(/assets/noto-2.woff2);unicode-range:U+6D77}",
  ].join('\n');
  const faces = fontFacesOf(css);
  const inter = 'Inter Variable';
  const noto = 'Noto Sans SC Variable';

  it('reads family, file and ranges from the built stylesheet', () => {
    expect(faces.map((f) => f.url)).toEqual([
      '/assets/inter-latin.woff2',
      '/assets/noto-1.woff2',
      '/assets/noto-2.woff2',
    ]);
    expect(faces[1]).toMatchObject({
      family: noto,
      ranges: [
        [0x20, 0x7e],
        [0x51fa, 0x51fa],
      ],
    });
  });

  it('takes, for each character, every family of the page that has it, and nothing for the others', () => {
    expect(fontPreloads(faces, '出海', [inter, noto])).toEqual([
      '/assets/noto-1.woff2',
      '/assets/noto-2.woff2',
    ]);
    expect(fontPreloads(faces, 'Go', [noto, inter])).toEqual([
      '/assets/noto-1.woff2',
      '/assets/inter-latin.woff2',
    ]);
    expect(fontPreloads(faces, 'Go', [inter])).toEqual(['/assets/inter-latin.woff2']);
  });

  it('reads the text of slide HTML without its notes', () => {
    expect(textOf('<h1>A &amp; B</h1><aside class="notes" lang="en">secret</aside>').trim()).toBe('A & B');
  });
});
