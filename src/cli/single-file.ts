import { extname } from 'node:path';
import { hashSource } from '../node/csp.ts';
import { escapeHtml } from '../node/html.ts';

/**
 * Turns a built index.html into one self-contained page: the module script and the stylesheet are written
 * inline, the favicon becomes a data: URL, and the Content-Security-Policy is extended with the hashes of the
 * inlined code (and data: for fonts and images) instead of being dropped. Pure: files are read through `read`.
 */

/** A build output file by the reference the HTML uses ("./assets/index-abc.js"), or null when there is none. */
export type ReadAsset = (ref: string) => Buffer | null;

export interface SingleFile {
  html: string;
  /** The references that were inlined. */
  inlined: string[];
  /** The text of the inline <script> and <style> elements written, as the browser hashes it. */
  scripts: string[];
  styles: string[];
}

/**
 * Code for a <script> element: `</script` and `<!--` would end or confuse the raw text, so their `<` is
 * written as \x3C, which means the same inside JavaScript strings, templates and regular expressions.
 */
export function escapeScript(code: string): string {
  // The HTML parser turns CR LF into LF before a CSP hash is taken; JavaScript reads both the same way.
  return code.replace(/\r\n?/g, '\n').replace(/<(?=\/script|!--)/gi, '\\x3C');
}

/** CSS for a <style> element: `</style` is written with an escaped slash, which CSS reads as "/". */
export function escapeStyle(css: string): string {
  return css.replace(/\r\n?/g, '\n').replace(/<\/(?=style)/gi, '<\\/');
}

const mimeTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function dataUrl(ref: string, content: Buffer): string {
  const mime = mimeTypes[extname(ref).toLowerCase()] ?? 'application/octet-stream';
  return `data:${mime};base64,${content.toString('base64')}`;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];

export function inlineBuild(html: string, read: ReadAsset): SingleFile {
  // Only the page's own tags are checked (the inlined code may well contain src="…" in its strings).
  const unknown = Array.from(html.matchAll(/<(script|link|img|iframe|source)\b[^>]*>/gi), (m) => m[0]).filter(
    (tag) => {
      const ref = attribute(tag, 'src') ?? attribute(tag, 'href');
      if (!ref || /^(data:|#)/.test(ref)) return false;
      const rel = attribute(tag, 'rel')?.toLowerCase();
      return (
        !/^<script/i.test(tag) && !['modulepreload', 'preload', 'stylesheet', 'icon'].includes(rel ?? '')
      );
    },
  );
  if (unknown.length > 0) throw new Error(`single file: cannot inline ${unknown.join(', ')}`);
  const inlined: string[] = [];
  const scripts: string[] = [];
  const styles: string[] = [];
  const need = (ref: string): Buffer => {
    const content = read(ref);
    if (!content) throw new Error(`single file: the build has no file for "${ref}".`);
    inlined.push(ref);
    return content;
  };
  let out = html.replace(/<script\b[^>]*\ssrc="[^"]*"[^>]*><\/script>/gi, (tag) => {
    const src = attribute(tag, 'src')!;
    const type = attribute(tag, 'type');
    const code = escapeScript(need(src).toString('utf8'));
    scripts.push(code);
    return `<script${type ? ` type="${type}"` : ''}>${code}</script>`;
  });
  out = out.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const href = attribute(tag, 'href');
    if (!href || href.startsWith('data:')) return tag;
    if (rel === 'modulepreload' || rel === 'preload') return '';
    if (rel === 'stylesheet') {
      const css = escapeStyle(need(href).toString('utf8'));
      styles.push(css);
      return `<style>${css}</style>`;
    }
    if (rel === 'icon') return tag.replace(`href="${href}"`, `href="${dataUrl(href, need(href))}"`);
    return tag;
  });
  return { html: out, inlined, scripts, styles };
}

/**
 * The deck's policy for the single file: the inline <script> and <style> elements are allowed by hash, fonts
 * and images by data: (they are inlined), everything else as the deck's policy says.
 */
export function singleFilePolicy(policy: string, inline: { scripts: string[]; styles: string[] }): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0]);
  const add = (name: string, sources: string[], replace = false) => {
    const directive = directives.find((d) => d[0] === name);
    if (directive)
      directive.splice(replace ? 1 : directive.length, replace ? directive.length - 1 : 0, ...sources);
  };
  add('script-src', inline.scripts.map(hashSource));
  add('style-src', inline.styles.map(hashSource));
  add('style-src-elem', inline.styles.map(hashSource));
  add('font-src', ['data:'], true);
  add('img-src', ['data:']);
  return directives.map((d) => d.join(' ')).join('; ');
}

const cspMeta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Rewrites the page's CSP meta (when it has one) for the code inlineBuild wrote into it. */
export function withSingleFilePolicy(page: SingleFile): string {
  const match = cspMeta.exec(page.html);
  if (!match) return page.html;
  const policy = singleFilePolicy(decodeAttribute(match[1]!), page);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}" />`;
  return page.html.replace(match[0], () => meta);
}

export interface PageLanguage {
  /** The deck language the file boots in (read by src/main.ts from <meta name="deck-default-lng">). */
  lng: string;
  /** <html lang>, e.g. zh-CN. */
  htmlLang: string;
  title: string;
  description: string;
}

/** Sets the page's language, title and description, and names the language the deck starts in. */
export function withLanguage(html: string, page: PageLanguage): string {
  const meta = `<meta name="deck-default-lng" content="${escapeHtml(page.lng)}" />`;
  let out = html
    .replace(/<html\b[^>]*>/i, `<html lang="${escapeHtml(page.htmlLang)}">`)
    .replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      /<meta\s+name="description"\s+content="[^"]*"\s*\/?>/i,
      () => `<meta name="description" content="${escapeHtml(page.description)}" />`,
    );
  const anchor = cspMeta.exec(out) ?? /<meta\s+charset=[^>]*>/i.exec(out);
  if (!anchor) throw new Error('single file: index.html needs a <meta charset>.');
  const at = anchor.index + anchor[0].length;
  out = `${out.slice(0, at)}\n    ${meta}${out.slice(at)}`;
  return out;
}
