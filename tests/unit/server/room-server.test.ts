import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precompressDir } from '../../../src/node/vite-plugin-compress';
import { localBase, originAllowed, roomAddresses } from '../../../src/server/addresses';
import { parsePresentArgs } from '../../../src/server/args';
import { createDeckHandler, injectRoomMeta } from '../../../src/server/http';
import { createRateLimiter } from '../../../src/server/rate-limit';
import { createToken, tokenMatches } from '../../../src/server/token';
import { rawGet } from '../../raw-http';

describe('the presenter token', () => {
  it('is at least 128 random bits, URL-safe, and new each time', () => {
    const token = createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits in base64url
    expect(createToken()).not.toBe(token);
  });

  it('matches only itself', () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
    expect(tokenMatches(token, 42)).toBe(false);
  });
});

describe('addresses', () => {
  it('builds the audience, presenter and remote addresses; only the last two carry the token', () => {
    const a = roomAddresses('https://talk.example.org/deck/?x=1#/zheng-he', 'T0K');
    expect(a.audience).toBe('https://talk.example.org/deck/');
    expect(a.presenter).toBe('https://talk.example.org/deck/?presenter=T0K');
    expect(a.remote).toBe('https://talk.example.org/deck/?remote=T0K');
  });

  it('shows the LAN address for a server listening on every interface', () => {
    expect(localBase('0.0.0.0', 4317, '192.168.1.20')).toBe('http://192.168.1.20:4317/');
    expect(localBase('127.0.0.1', 80)).toBe('http://127.0.0.1:80/');
    expect(localBase('::1', 4317)).toBe('http://[::1]:4317/');
  });

  it('lets the WebSocket in from the own origin or the public URL only', () => {
    expect(originAllowed('http://10.0.0.2:4317', '10.0.0.2:4317')).toBe(true);
    expect(originAllowed('https://evil.example', '10.0.0.2:4317')).toBe(false);
    expect(originAllowed('https://talk.example.org', 'internal:4317', 'https://talk.example.org/deck/')).toBe(
      true,
    );
    expect(originAllowed('not a url', 'x')).toBe(false);
    expect(originAllowed(undefined, 'x')).toBe(true); // not a browser: the token guards the controls
  });
});

describe('npm run present arguments', () => {
  it('has defaults, and reads --port, --host, --public-url, --json and REDIS_URL', () => {
    expect(parsePresentArgs([])).toEqual({
      port: 4317,
      host: '0.0.0.0',
      publicUrl: undefined,
      json: false,
      redisUrl: undefined,
    });
    expect(
      parsePresentArgs(
        ['--port', '8080', '--host', '127.0.0.1', '--public-url', 'https://t.example.org/talk', '--json'],
        {
          REDIS_URL: 'redis://127.0.0.1:6379',
        },
      ),
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'https://t.example.org/talk/',
      json: true,
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it('says what to fix', () => {
    expect(() => parsePresentArgs(['--port', 'http'])).toThrow(/--port must be a whole number/);
    expect(() => parsePresentArgs(['--public-url', 'ftp://x'])).toThrow(
      /--public-url must be an http\(s\) address/,
    );
    expect(() => parsePresentArgs(['--prot', '1'])).toThrow(/Usage: npm run present/);
  });
});

describe('the relay marker in index.html', () => {
  it('goes right after the charset', () => {
    const html = '<html><head><meta charset="utf-8" /><title>x</title></head></html>';
    expect(injectRoomMeta(html)).toContain(
      '<meta charset="utf-8" />\n    <meta name="deck-room" content="relay" /><title>',
    );
  });

  it('names the fix when the page has no charset', () => {
    expect(() => injectRoomMeta('<html></html>')).toThrow(/npm run build/);
  });

  it('marks every language page the server hands out, zh.html as well as index.html', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'room-dist-'));
    const page = (lang: string) => `<html lang="${lang}"><head><meta charset="utf-8" /></head></html>`;
    writeFileSync(join(dist, 'index.html'), page('en'));
    writeFileSync(join(dist, 'zh.html'), page('zh-CN'));
    const server = createServer(createDeckHandler(dist));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      for (const path of ['/', '/index.html', '/zh.html']) {
        const text = await (await fetch(base + path)).text();
        expect(text, path).toContain('<meta name="deck-room" content="relay" />');
      }
      expect(await (await fetch(`${base}/zh.html`)).text()).toContain('lang="zh-CN"');
    } finally {
      server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('serving dist/ for npm run present', () => {
  it("sends the build's twins of assets, compresses the marked pages itself, with the cache policy and 304s", async () => {
    const dist = mkdtempSync(join(tmpdir(), 'room-dist-'));
    const page = (lang: string) =>
      `<html lang="${lang}"><head><meta charset="utf-8" /></head><body>${'<p>出海</p>'.repeat(400)}</body></html>`;
    writeFileSync(join(dist, 'index.html'), page('en'));
    writeFileSync(join(dist, 'zh.html'), page('zh-CN'));
    mkdirSync(join(dist, 'assets'));
    const js = 'export const a = 1;\n'.repeat(500);
    writeFileSync(join(dist, 'assets', 'index-abc.js'), js);
    await precompressDir(dist);
    const server = createServer(createDeckHandler(dist));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['', undefined],
      ] as const) {
        const asset = await rawGet(`${base}/assets/index-abc.js`, { 'Accept-Encoding': accept });
        expect(asset.headers['content-encoding']).toBe(encoding);
        expect(asset.headers['content-type']).toMatch(/javascript/);
        expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(asset.headers.vary).toBe('Accept-Encoding');
        expect(asset.decoded().toString()).toBe(js);
        for (const path of ['/', '/index.html', '/zh.html', '/zh']) {
          const html = await rawGet(base + path, { 'Accept-Encoding': accept });
          expect(html.headers['content-encoding'], path).toBe(encoding);
          expect(html.headers['cache-control'], path).toBe('no-cache');
          expect(html.headers.vary, path).toBe('Accept-Encoding');
          // The page the relay marked, never the build's twin without the mark.
          expect(html.decoded().toString(), path).toContain('<meta name="deck-room" content="relay" />');
          const again = await rawGet(base + path, {
            'Accept-Encoding': accept,
            'If-None-Match': html.headers.etag ?? '',
          });
          expect(again.status, path).toBe(304);
          expect(again.body.byteLength).toBe(0);
          expect(again.headers['cache-control'], path).toBe('no-cache');
        }
      }
      const head = await rawGet(`${base}/zh.html`, { 'Accept-Encoding': 'br' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
      const missing = await rawGet(`${base}/assets/gone.js`, { 'Accept-Encoding': 'br' });
      expect(missing.status).toBe(404);
      expect(missing.headers['cache-control']).toBeUndefined();
    } finally {
      server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the rate limit', () => {
  it('lets a burst through, drops past it, refills with time, and cuts off a client that keeps flooding', () => {
    const limiter = createRateLimiter({ perSecond: 10, burst: 3, maxStrikes: 2 }, 0);
    expect([0, 0, 0].map((t) => limiter.take(t))).toEqual(['ok', 'ok', 'ok']);
    expect(limiter.take(0)).toBe('drop');
    expect(limiter.take(100)).toBe('ok'); // 100 ms at 10/s: one more
    expect(limiter.take(100)).toBe('drop');
    expect(limiter.take(100)).toBe('cut');
  });
});
