/**
 * What a page needs before its first paint, in bytes (`npm run bench`, src/cli/bench.ts): the page's HTML and
 * the files that block its rendering, each gzipped (-9) on its own, as a host would send them. The HTML is read
 * with a real parser (jsdom; no script runs and nothing is fetched). Counted:
 * - the page itself (its inline `<style>` and `<script>` are in it);
 * - every `<link rel="stylesheet">` that is not `disabled` and whose `media` can match a screen (absent, `all`,
 *   `screen`, or a query without a media type: counted as matching, since its features depend on the window);
 *   `media="print"` and the like do not block rendering;
 * - every classic `<script src>` in `<head>` without `async` or `defer` (module scripts are deferred);
 * - any `<link>` or `<script src>` marked `blocking="render"`.
 * Not counted: fonts (preloaded or not, they are neither JS, CSS nor content; the text paints in a fallback or
 * waits by font-display), `modulepreload`/`preload` hints, images, and `@import`s inside the stylesheets (Vite
 * bundles them; none is left in a build). A file the page names that the build does not hold (another origin)
 * is listed in `missing`, not counted.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { JSDOM } from 'jsdom';
import { gzipSize } from '../bench-lib.ts';

export interface FirstPaintPart {
  /** The page's file name, or the file's path in the build, without a leading slash. */
  path: string;
  kind: 'page' | 'css' | 'js';
  raw: number;
  gzip: number;
}

export interface FirstPaintBytes {
  parts: FirstPaintPart[];
  raw: number;
  gzip: number;
  /** URLs the page blocks on that are not files of the build. */
  missing: string[];
}

const tokens = (value: string | null): string[] => (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** Whether a `media` attribute can match a screen: see the module comment. */
export function mediaCanMatchScreen(media: string | null): boolean {
  const queries = (media ?? '')
    .toLowerCase()
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean);
  if (queries.length === 0) return true;
  return queries.some((query) => {
    const words = query.split(/\s+/);
    const negated = words[0] === 'not';
    const rest = words.slice(negated || words[0] === 'only' ? 1 : 0);
    const type = rest[0] && !rest[0].startsWith('(') ? rest[0] : null;
    if (type === null) return !negated;
    const matches = type === 'all' || type === 'screen';
    // `not print and (…)` may match a screen; `not all`/`not screen` never does.
    return negated ? !matches || rest.length > 1 : matches;
  });
}

/**
 * The render-blocking files of a page, as paths in the build (no leading slash), or null for a URL of another
 * origin. `pagePath` is the page's path in the build (`index.html`, `zh.html`).
 */
export function renderBlocking(
  html: string,
  pagePath: string,
): { files: { path: string; kind: 'css' | 'js' }[]; missing: string[] } {
  const { document } = new JSDOM(html).window;
  const base = new URL(pagePath, 'http://build.invalid/');
  const files: { path: string; kind: 'css' | 'js' }[] = [];
  const missing: string[] = [];
  const add = (href: string | null, kind: 'css' | 'js') => {
    if (!href) return;
    const url = new URL(href, base);
    if (url.origin !== base.origin) {
      missing.push(url.href);
      return;
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (!files.some((f) => f.path === path)) files.push({ path, kind });
  };
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = tokens(link.getAttribute('rel'));
    const forced = tokens(link.getAttribute('blocking')).includes('render');
    const stylesheet =
      rel.includes('stylesheet') &&
      !rel.includes('alternate') &&
      !link.hasAttribute('disabled') &&
      mediaCanMatchScreen(link.getAttribute('media'));
    if (stylesheet || (forced && rel.includes('stylesheet'))) add(link.getAttribute('href'), 'css');
  }
  for (const script of document.querySelectorAll('script[src]')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    const classic = type === '' || type.includes('javascript') || type === 'text/ecmascript';
    const forced = tokens(script.getAttribute('blocking')).includes('render');
    const inHead = script.closest('head') !== null;
    const parserBlocking =
      classic && inHead && !script.hasAttribute('async') && !script.hasAttribute('defer');
    if (parserBlocking || (forced && (classic || type === 'module'))) add(script.getAttribute('src'), 'js');
  }
  return { files, missing };
}

/**
 * A page's HTML and its render-blocking files, each gzipped on its own. `read` gives a file of the build by its
 * path (no leading slash), or null when the build has none.
 */
export function firstPaintBytes(
  html: string,
  pagePath: string,
  read: (path: string) => Uint8Array | string | null,
): FirstPaintBytes {
  const count = (data: Uint8Array | string) => ({
    raw: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
    gzip: gzipSize(data),
  });
  const parts: FirstPaintPart[] = [{ path: pagePath, kind: 'page', ...count(html) }];
  const { files, missing } = renderBlocking(html, pagePath);
  for (const file of files) {
    const data = read(file.path);
    if (data === null) missing.push(file.path);
    else parts.push({ path: file.path, kind: file.kind, ...count(data) });
  }
  return {
    parts,
    raw: parts.reduce((s, p) => s + p.raw, 0),
    gzip: parts.reduce((s, p) => s + p.gzip, 0),
    missing,
  };
}

/** firstPaintBytes of a page of a build folder, reading its files from disk. */
export function firstPaintOf(outDir: string, pagePath: string): FirstPaintBytes {
  const read = (path: string): Buffer | null => {
    const file = normalize(join(outDir, path));
    if (!file.startsWith(normalize(outDir))) return null;
    try {
      return readFileSync(file);
    } catch {
      return null;
    }
  };
  const html = read(pagePath);
  if (html === null) throw new Error(`${pagePath} is not in ${outDir}.`);
  return firstPaintBytes(html.toString('utf8'), pagePath, read);
}
