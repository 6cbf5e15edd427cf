/**
 * How long a browser (or a CDN) may keep each file of dist/, in one place for `npm run preview` (the deck:compress
 * plugin's preview middleware) and `npm run present` (src/server/http.ts). The README's nginx snippet says the
 * same in nginx's words.
 *
 * Vite names everything under /assets/ by a hash of its content, so those files never change under their name:
 * a year, and `immutable` so a reload does not even ask. Everything else (index.html, zh.html, favicon.svg, the
 * link-preview images) keeps its name across builds and names the hashed files, so it is revalidated on every
 * use: `no-cache` stores it but asks first, and the ETag turns the answer into a 304 when nothing changed.
 */

/** Vite's assetsDir, as a URL path prefix. */
export const hashedPrefix = '/assets/';
export const immutableCacheControl = 'public, max-age=31536000, immutable';
export const revalidateCacheControl = 'no-cache';

/** The Cache-Control header for a URL path (no query string) of dist/. */
export function cacheControlFor(pathname: string): string {
  return pathname.startsWith(hashedPrefix) ? immutableCacheControl : revalidateCacheControl;
}

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for a request's Accept-Encoding: brotli when accepted, then gzip, else none (identity).
 * A coding listed with q=0 is refused; `*` accepts both.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (coding: string) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}
