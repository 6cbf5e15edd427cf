import { describe, expect, it } from 'vitest';
import { htmlFileName } from '../../../src/cli/export-html';
import {
  escapeScript,
  escapeStyle,
  inlineBuild,
  singleFilePolicy,
  withLanguage,
  withSingleFilePolicy,
} from '../../../src/cli/single-file';
import { hashSource } from '../../../src/node/csp';

const built = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-x'; style-src 'self'; img-src 'self'; font-src 'self'" />
    <meta name="description" content="English description" />
    <title>Deck</title>
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/chunk.js">
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
  </head>
  <body><div class="reveal"></div></body>
</html>`;

const files: Record<string, string> = {
  './assets/index-abc.js': 'const html = "<p>x</p></script><!-- y -->"; console.log(html);',
  './assets/index-abc.css': "@font-face{src:url(data:font/woff2;base64,AAAA)}a::after{content:'</style>'}",
  './favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};
const read = (ref: string) => (ref in files ? Buffer.from(files[ref]!) : null);

describe('inlineBuild', () => {
  it('writes the script and stylesheet inline, the icon as a data: URL, and drops module preloads', () => {
    const page = inlineBuild(built, read);
    expect(page.inlined.sort()).toEqual(['./assets/index-abc.css', './assets/index-abc.js', './favicon.svg']);
    expect(page.html).not.toMatch(/assets\//);
    expect(page.html).not.toContain('modulepreload');
    expect(page.html).toContain('<script type="module">const html');
    expect(page.html).toContain('href="data:image/svg+xml;base64,');
    expect(page.html).toContain('<style>@font-face');
    // The inline code cannot end its element early.
    expect(page.scripts[0]).not.toMatch(/<\/script|<!--/i);
    expect(page.styles[0]).not.toMatch(/<\/style/i);
  });

  it('fails on a file the build does not have, and on a reference it cannot inline', () => {
    expect(() => inlineBuild(built, () => null)).toThrow(/no file for/);
    expect(() => inlineBuild('<img src="./photo.jpg">', read)).toThrow(/cannot inline/);
  });
});

describe('escaping', () => {
  it('keeps the meaning of the JavaScript and CSS', () => {
    const code =
      'const s = "</script><!--"; const t = `<!--x</SCRIPT>`; const r = /<!--/u; return [s, t, r.test("<!--")];';
    const escaped = escapeScript(code);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    expect(new Function(escaped)()).toEqual(['</script><!--', '<!--x</SCRIPT>', true]);
    expect(escapeScript('a\r\nb\rc')).toBe('a\nb\nc');
    expect(escapeStyle("a::after{content:'</style>'}")).toBe("a::after{content:'<\\/style>'}");
  });
});

describe('the single file policy', () => {
  it('allows the inline code by hash and fonts and images as data:, and keeps the rest', () => {
    const policy = singleFilePolicy(
      "default-src 'self'; script-src 'self' 'sha256-x'; font-src 'self'; img-src 'self'",
      {
        scripts: ['code'],
        styles: ['css'],
      },
    );
    expect(policy).toBe(
      `default-src 'self'; script-src 'self' 'sha256-x' ${hashSource('code')}; font-src data:; img-src 'self' data:`,
    );
  });

  it('rewrites the page meta with the hashes of what was inlined', () => {
    const page = inlineBuild(built, read);
    const html = withSingleFilePolicy(page);
    expect(html).toContain(hashSource(page.scripts[0]!));
    expect(html).toContain(hashSource(page.styles[0]!));
    expect(html).toContain('font-src data:');
  });
});

describe('withLanguage', () => {
  it('sets lang, title and description, and names the language the deck starts in', () => {
    const html = withLanguage(built, {
      lng: 'zh',
      htmlLang: 'zh-CN',
      title: '出海 <标题>',
      description: '描述 "引号"',
    });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>出海 &lt;标题&gt;</title>');
    expect(html).toContain('<meta name="description" content="描述 &quot;引号&quot;" />');
    expect(html).toMatch(/Content-Security-Policy[^>]*>\n {4}<meta name="deck-default-lng" content="zh" \/>/);
  });
});

describe('export:html arguments', () => {
  it('names the files from the deck title', () => {
    expect(htmlFileName('出海 · Going Global — Chinese AI companies abroad', 'en')).toBe(
      'chuhai-going-global-en.html',
    );
  });
});
