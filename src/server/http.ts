import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { roomMetaName } from '../shared/room.ts';

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

/**
 * Serves dist/ with sirv. Every language page (index.html, and zh.html that a Chinese reader is sent to) gets the
 * room meta and is never cached (it names the hashed assets).
 */
export function createDeckHandler(distDir: string): RequestHandler {
  const pages = new Map<string, string>();
  for (const name of readdirSync(distDir).filter((file) => file.endsWith('.html'))) {
    try {
      pages.set(`/${name}`, injectRoomMeta(readFileSync(join(distDir, name), 'utf8')));
    } catch (error) {
      throw new Error(`${join(distDir, name)}: ${(error as Error).message}`);
    }
  }
  const index = pages.get('/index.html');
  if (index === undefined) throw new Error(`${join(distDir, 'index.html')}: missing. Run npm run build.`);
  pages.set('/', index);
  const assets = sirv(distDir, {
    etag: true,
    setHeaders: (res, pathname) => {
      // Vite names assets by content hash.
      if (pathname.startsWith('/assets/'))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    // The presenter and remote addresses carry the token: never leak it to another site.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const html = pages.get(path ?? '/');
    if (html !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  };
}
