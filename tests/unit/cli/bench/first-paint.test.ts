import { describe, expect, it } from 'vitest';
import { firstPaintBytes, mediaCanMatchScreen, renderBlocking } from '../../../../src/cli/bench/first-paint';
import { gzipSize } from '../../../../src/cli/bench-lib';

/** A built page with one of each kind of tag: only the page, main.css, legacy.js and forced.js block. */
const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <script>/* inline: in the page's own bytes */</script>
  <style>.slide{color:red}</style>
  <link rel="preload" href="/assets/inter.woff2" as="font" type="font/woff2" crossorigin />
  <link rel="modulepreload" href="/assets/chunk.js" />
  <script type="module" crossorigin src="/assets/index.js"></script>
  <script src="./assets/legacy.js"></script>
  <script src="/assets/later.js" defer></script>
  <script src="/assets/whenever.js" async></script>
  <script type="module" src="/assets/forced.js" blocking="render"></script>
  <script type="application/json" src="/assets/data.json"></script>
  <link rel="stylesheet" crossorigin href="/assets/main.css" />
  <link rel="stylesheet" href="/assets/print.css" media="print" />
  <link rel="stylesheet" href="/assets/print-later.css" media="print" onload="this.media='all'" />
  <link rel="alternate stylesheet" href="/assets/alt.css" title="alt" />
  <link rel="stylesheet" href="https://cdn.example.com/x.css" />
  <link rel="icon" href="/favicon.svg" />
</head>
<body>
  <section>Hello</section>
  <script src="/assets/body.js"></script>
</body>
</html>
`;

const files: Record<string, string> = {
  'assets/main.css': `.reveal{font-family:Inter}${'.a{color:blue}'.repeat(50)}`,
  'assets/legacy.js': 'console.log("legacy")',
  'assets/forced.js': 'export const x = 1;',
  'assets/index.js': 'x'.repeat(10_000),
  'assets/inter.woff2': 'font',
};

describe('bytes before first paint', () => {
  it('finds the render-blocking files: stylesheets for screens, classic head scripts, blocking=render', () => {
    expect(renderBlocking(page, 'index.html')).toEqual({
      files: [
        { path: 'assets/main.css', kind: 'css' },
        { path: 'assets/legacy.js', kind: 'js' },
        { path: 'assets/forced.js', kind: 'js' },
      ],
      missing: ['https://cdn.example.com/x.css'],
    });
  });

  it('counts the page and each blocking file, each gzipped on its own', () => {
    const bytes = firstPaintBytes(page, 'index.html', (path) => files[path] ?? null);
    expect(bytes.parts.map((p) => [p.path, p.kind])).toEqual([
      ['index.html', 'page'],
      ['assets/main.css', 'css'],
      ['assets/legacy.js', 'js'],
      ['assets/forced.js', 'js'],
    ]);
    const expected = [page, files['assets/main.css'], files['assets/legacy.js'], files['assets/forced.js']];
    expect(bytes.gzip).toBe(expected.reduce((s, text) => s + gzipSize(text ?? ''), 0));
    expect(bytes.raw).toBe(expected.reduce((s, text) => s + Buffer.byteLength(text ?? ''), 0));
    expect(bytes.missing).toEqual(['https://cdn.example.com/x.css']);
  });

  it('resolves paths against the page and reports a file the build lacks', () => {
    const html = '<html><head><link rel="stylesheet" href="../assets/a.css"></head></html>';
    expect(renderBlocking(html, 'zh/index.html').files).toEqual([{ path: 'assets/a.css', kind: 'css' }]);
    const bytes = firstPaintBytes(html, 'zh.html', () => null);
    expect(bytes.parts).toHaveLength(1);
    expect(bytes.missing).toEqual(['assets/a.css']);
  });

  it('tells which media can match a screen', () => {
    for (const media of [null, '', 'all', 'screen', 'only screen and (min-width: 1px)', '(max-width: 600px)'])
      expect(mediaCanMatchScreen(media)).toBe(true);
    expect(mediaCanMatchScreen('not print')).toBe(true);
    expect(mediaCanMatchScreen('print, screen')).toBe(true);
    for (const media of ['print', 'speech', 'not all', 'not screen', 'print and (color)'])
      expect(mediaCanMatchScreen(media)).toBe(false);
  });
});
