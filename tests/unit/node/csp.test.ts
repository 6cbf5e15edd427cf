import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDirectives,
  deckPolicy,
  decodeStringLiteral,
  findRevealDir,
  hashSource,
  inlineSourcesOfHtml,
  printViewStyles,
  revealInlineSources,
  serializePolicy,
  speakerViewTemplate,
  styleAttributesInSource,
} from '../../../src/node/csp';
import { cspPlugin } from '../../../src/node/vite-plugin-csp';
import { slideLayout } from '../../../src/shared/layout';

const revealDir = findRevealDir();
const revealVersion = (
  JSON.parse(readFileSync(join(revealDir, 'package.json'), 'utf8')) as { version: string }
).version;

describe('hashSource', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    const nbsp = 'a\u00a0b';
    const expected = createHash('sha256').update(Buffer.from(nbsp, 'utf8')).digest('base64');
    expect(hashSource(nbsp)).toBe(`'sha256-${expected}'`);
  });
});

describe('decodeStringLiteral', () => {
  it('decodes the escapes a bundler writes', () => {
    expect(decodeStringLiteral(String.raw`a\nb\t\"c\"`)).toBe('a\nb\t"c"');
    expect(decodeStringLiteral(String.raw`<\/script>`)).toBe('</script>');
    expect(decodeStringLiteral(String.raw`selector\xA0*/`)).toBe('selector\u00a0*/');
    expect(decodeStringLiteral(String.raw`caf\u00e9 \u{1F600} \\n`)).toBe('café 😀 \\n');
  });
});

describe('speakerViewTemplate', () => {
  it('finds the page the notes plugin writes into its popup', () => {
    const source = String.raw`x = window.open(), x.document.write("<div id=\"speaker-controls\"></div>\n<script>go()<\/script>"), y()`;
    expect(speakerViewTemplate(source)).toBe('<div id="speaker-controls"></div>\n<script>go()</script>');
  });

  it('fails loudly when reveal.js changes how it writes the view', () => {
    expect(() => speakerViewTemplate('nothing here')).toThrow(/speaker-view template/);
  });
});

describe('inline sources', () => {
  it('lists inline scripts, styles and style attributes of an HTML string', () => {
    const html = '<style>\n a{} \n</style><p style="display: none">x</p><script>\n go() \n</script>';
    expect(inlineSourcesOfHtml(html)).toEqual({
      scripts: ['\n go() \n'],
      styles: ['\n a{} \n'],
      styleAttributes: ['display: none'],
    });
  });

  it('finds style attributes inside escaped string literals (the search plugin)', () => {
    const source = String.raw`t.innerHTML = "<input class=\"searchinput\" style=\"vertical-align: top;\"/>"`;
    expect(styleAttributesInSource(source)).toEqual(['vertical-align: top;']);
  });

  it("computes the print view's two stylesheets the way reveal.js does", () => {
    const source = `l("@page{size:" + o + "px " + s + "px; margin: 0px;}"), l(".reveal section>img, .reveal section>video, .reveal section>iframe{max-width: " + c + "px; max-height:" + u + "px}")`;
    expect(printViewStyles(source, { width: 1280, height: 720, margin: 0.04 })).toEqual([
      '@page{size:1331px 748px; margin: 0px;}',
      '.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: 1280px; max-height:720px}',
    ]);
    expect(() => printViewStyles('l("@media print{}")', slideLayout)).toThrow(/print view/);
  });
});

describe('the installed reveal.js', () => {
  const inline = revealInlineSources(slideLayout, revealDir);

  it('has one inline script and one <style> in the speaker view, and two print stylesheets', () => {
    expect(inline.scripts).toHaveLength(1);
    expect(inline.scripts[0]).toContain("namespace === 'reveal-notes'");
    expect(inline.styles).toHaveLength(3);
    expect(inline.styles[0]).toContain('#speaker-controls');
    expect(inline.styles[1]).toBe('@page{size:1331px 748px; margin: 0px;}');
    expect(inline.styleAttributes).toEqual(['display: none', 'display: none', 'vertical-align: top;']);
  });

  // The hashes Chromium 156 asked for when the policy lacked them (tests/e2e/csp.spec.ts prints them).
  it.runIf(revealVersion === '6.0.2')('gives the hashes Chromium asks for with reveal.js 6.0.2', () => {
    expect(inline.scripts.map(hashSource)).toEqual(["'sha256-GzCveToXhSIzS3M5eQeRm3McVRB7cYneYKwTkzA3wDk='"]);
    expect(inline.styles.map(hashSource)).toEqual([
      "'sha256-FO8+tEZY4XAJsThREbo8dTCiyACqv1VGgxX0NfVfEAs='",
      "'sha256-x2zZJRFUd59EAh9OsKlVnfMg55XvFuNtHCGzHIy7utQ='",
      "'sha256-AQ1Rup+sfRMid+jMjYcK8Gnh5UlxtbXLT/YRRbHGtW8='",
    ]);
    expect(inline.styleAttributes.map(hashSource)).toEqual([
      "'sha256-ZdHxw9eWtnxUb3mk6tBS+gIiVUPE3pGM470keHPDFlE='",
      "'sha256-ZdHxw9eWtnxUb3mk6tBS+gIiVUPE3pGM470keHPDFlE='",
      "'sha256-TVJNw8uhYM1WSQKLqn1BdM8woVJ4pNCFBNLTuq8tuLw='",
    ]);
  });
});

describe('buildDirectives', () => {
  const inline = { scripts: ['s()'], styles: ['a{}', 'a{}'], styleAttributes: ['display: none'] };
  const directives = new Map(buildDirectives(inline));

  it('writes every directive of the strict policy, in order', () => {
    expect(buildDirectives(inline).map(([name]) => name)).toEqual([
      'default-src',
      'script-src',
      'style-src',
      'style-src-elem',
      'style-src-attr',
      'img-src',
      'font-src',
      'connect-src',
      'frame-src',
      'object-src',
      'base-uri',
      'form-action',
    ]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
  });

  it('allows inline code by hash only, each hash once', () => {
    expect(directives.get('script-src')).toEqual(["'self'", hashSource('s()')]);
    expect(directives.get('style-src-elem')).toEqual(["'self'", hashSource('a{}')]);
    expect(directives.get('style-src-attr')).toEqual(["'unsafe-hashes'", hashSource('display: none')]);
    const policy = serializePolicy(buildDirectives(inline));
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).not.toContain('frame-ancestors'); // ignored in a <meta> policy
  });

  it("blocks all style attributes when nothing needs one, without 'unsafe-hashes'", () => {
    const none = new Map(buildDirectives({ scripts: [], styles: [], styleAttributes: [] }));
    expect(none.get('style-src-attr')).toEqual(["'none'"]);
    expect(none.get('script-src')).toEqual(["'self'"]);
  });

  it('serializes as "name sources; name sources"', () => {
    expect(
      serializePolicy([
        ['default-src', ["'self'"]],
        ['object-src', ["'none'"]],
      ]),
    ).toBe("default-src 'self'; object-src 'none'");
  });
});

describe('cspPlugin', () => {
  type Handler = (html: string) => string;
  const plugin = cspPlugin({ layout: slideLayout, revealDir });
  const buildStart = plugin.buildStart as () => void;
  const transform = (plugin.transformIndexHtml as { handler: Handler }).handler;

  it('applies to builds only (the dev server needs inline scripts and ws:)', () => {
    expect(plugin.apply).toBe('build');
  });

  it('writes the policy as a meta right after <meta charset>', () => {
    buildStart();
    const html = transform('<html><head><meta charset="utf-8" /><script src="/a.js"></script></head></html>');
    const meta =
      /<meta charset="utf-8" \/>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>\s*<script/.exec(
        html,
      );
    expect(meta?.[1]).toBe(deckPolicy(slideLayout, revealDir));
  });

  it('refuses a page that already has a policy', () => {
    buildStart();
    expect(() =>
      transform('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src *">'),
    ).toThrow(/already has/);
  });
});
