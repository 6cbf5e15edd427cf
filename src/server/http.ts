import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { roomMetaName } from '../shared/room.ts';
import { type ContentEncoding, cacheControlFor, negotiateEncoding } from './cache-policy.ts';

/**
 * Marks a language page (index.html, zh.html) as served with a relay: the room client looks for this meta element and stays asleep without
 * it, so the same dist/ on any plain web server shows no follow controls.
 */
export function injectRoomMeta(html: string): string {
  const charset = /<meta charset=[^>]*>/i.exec(html);
  if (!charset)
    throw new Error('dist/index.html has no <meta charset>: rebuild the deck with npm run build.');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}\n    <meta name="${roomMetaName}" content="relay" />${html.slice(at)}`;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;
/** A connect-style middleware: calls next() when it has no file for the request. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?', 1)[0] || '/';

/**
 * Serves the files of a built deck with sirv: a file's `.br` or `.gz` twin (written by the build,
 * src/node/vite-plugin-compress.ts) when the request accepts it (brotli first), with `Vary: Accept-Encoding`, an
 * ETag, and the Cache-Control of cache-policy.ts. `dev` looks each file up on every request instead of listing
 * the folder once (the preview server, whose dist/ may be rebuilt while it runs). `extensions`: sirv's, what
 * it tries after a path without one (`/` → `/index.html`, `/zh` → `/zh.html` by default).
 */
export function createStaticHandler(
  dir: string,
  options: { dev?: boolean; extensions?: string[] } = {},
): StaticHandler {
  const serve = sirv(dir, {
    dev: options.dev ?? false,
    etag: true,
    brotli: true,
    gzip: true,
    extensions: options.extensions,
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControlFor(pathname)),
  });
  return (req, res, next) => {
    const accept = req.headers['accept-encoding'];
    // sirv only looks for the words "br" and "gzip"; it sees the one coding we chose, so q=0 is honoured too.
    req.headers['accept-encoding'] = negotiateEncoding(accept) ?? 'identity';
    // Set before sirv so its 304 (answered before its setHeaders) carries them too.
    res.setHeader('Cache-Control', cacheControlFor(pathOf(req)));
    res.setHeader('Vary', 'Accept-Encoding');
    serve(req, res, () => {
      // Not ours: the next handler (a 404, say) must not inherit a year's cache.
      if (accept === undefined) delete req.headers['accept-encoding'];
      else req.headers['accept-encoding'] = accept;
      res.removeHeader('Cache-Control');
      res.removeHeader('Vary');
      next();
    });
  };
}

/** A page held in memory, in each encoding, with a strong ETag per encoding. */
interface Page {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  tag: string;
}

function pageOf(html: string): Page {
  const identity = Buffer.from(html, 'utf8');
  return {
    identity,
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
    gzip: gzipSync(identity, { level: 9 }),
    tag: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
  };
}

/** Whether an If-None-Match header names this ETag (weak comparison, as for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: Page): void {
  const encoding: ContentEncoding | undefined = negotiateEncoding(req.headers['accept-encoding']);
  const body = encoding ? page[encoding] : page.identity;
  const etag = `"${page.tag}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'Cache-Control': cacheControlFor(pathOf(req)),
    Vary: 'Accept-Encoding',
    ETag: etag,
  };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.byteLength,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves dist/ for `npm run present`. Every language page (index.html, and zh.html that a Chinese reader is sent
 * to) gets the room meta, so it is served from memory, compressed here once at start (the build's .br/.gz twins
 * of the pages lack the meta and are never sent). Everything else is createStaticHandler's.
 */
export function createDeckHandler(distDir: string): RequestHandler {
  const pages = new Map<string, Page>();
  for (const name of readdirSync(distDir).filter((file) => file.endsWith('.html'))) {
    let page: Page;
    try {
      page = pageOf(injectRoomMeta(readFileSync(join(distDir, name), 'utf8')));
    } catch (error) {
      throw new Error(`${join(distDir, name)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    pages.set(`/${name}`, page);
    pages.set(`/${name.slice(0, -'.html'.length)}`, page);
  }
  const index = pages.get('/index.html');
  if (index === undefined) throw new Error(`${join(distDir, 'index.html')}: missing. Run npm run build.`);
  pages.set('/', index);
  // No extensions: a page is only ever one of the above, never sirv's guess at a file without the meta.
  const files = createStaticHandler(distDir, { extensions: [] });
  return (req, res) => {
    // The presenter and remote addresses carry the token: never leak it to another site.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const page = pages.get(pathOf(req));
    if (page !== undefined) {
      sendPage(req, res, page);
      return;
    }
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  };
}
