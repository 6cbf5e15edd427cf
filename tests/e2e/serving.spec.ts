import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawGet } from '../raw-http';
import { expect, openDeck, test } from './fixtures';
import { type Relay, startRelay } from './room-relay';

/**
 * Served like a real site: the dist/ Playwright's web server built (deck:compress wrote its .br/.gz twins) and
 * serves with `vite preview`, and `npm run present` serving the same dist/. Raw HTTP (node:http), so the test
 * sees the bytes as sent, not as fetch() decodes them.
 */

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const deckPort = Number(process.env.DECK_PORT ?? 4317);
// room.spec.ts takes the three ports after the deck's.
const relayPort = deckPort + 5;
const year = 'public, max-age=31536000, immutable';
const encodings = [
  { accept: 'gzip, deflate, br', encoding: 'br' },
  { accept: 'gzip', encoding: 'gzip' },
  { accept: '', encoding: undefined },
] as const;

/** The deck's main script and stylesheet, as the built index.html names them. */
function mainAssets(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/index-[\w-]+\.(?:js|css))"/g)].map((m) => m[1]!);
  expect(assets.length, 'index.html names its script and stylesheet').toBeGreaterThanOrEqual(2);
  return assets;
}

test.describe('npm run preview', () => {
  test('sends each hashed asset as brotli, gzip or as it is, kept for a year', async ({ baseURL }) => {
    for (const path of mainAssets()) {
      const plain = readFileSync(join(dist, path));
      for (const { accept, encoding } of encodings) {
        const res = await rawGet(baseURL + path, { 'Accept-Encoding': accept });
        expect(res.status, path).toBe(200);
        expect(res.headers['content-encoding'], `${path} for "${accept}"`).toBe(encoding);
        expect(res.headers.vary, path).toBe('Accept-Encoding');
        expect(res.headers['cache-control'], path).toBe(year);
        expect(res.headers['content-type'], path).toMatch(path.endsWith('.js') ? /javascript/ : /text\/css/);
        if (encoding) expect(res.body.byteLength, path).toBeLessThan(plain.byteLength / 2);
        expect(res.decoded().equals(plain), `${path} decodes to the built file`).toBe(true);
      }
    }
  });

  test('sends the pages compressed, revalidated every time, and answers 304 when unchanged', async ({
    baseURL,
  }) => {
    for (const [path, file] of [
      ['/', 'index.html'],
      ['/index.html', 'index.html'],
      ['/zh.html', 'zh.html'],
    ] as const) {
      const plain = readFileSync(join(dist, file));
      for (const { accept, encoding } of encodings) {
        const res = await rawGet(baseURL + path, { 'Accept-Encoding': accept });
        expect(res.status, path).toBe(200);
        expect(res.headers['content-encoding'], `${path} for "${accept}"`).toBe(encoding);
        expect(res.headers['content-type'], path).toMatch(/^text\/html/);
        expect(res.headers['cache-control'], path).toBe('no-cache');
        expect(res.headers.vary, path).toBe('Accept-Encoding');
        expect(res.decoded().equals(plain), `${path} decodes to dist/${file}`).toBe(true);
        const etag = res.headers.etag;
        expect(etag, `${path} has an ETag`).toBeTruthy();
        const again = await rawGet(baseURL + path, {
          'Accept-Encoding': accept,
          'If-None-Match': etag ?? '',
        });
        expect(again.status, `${path} revalidated`).toBe(304);
        expect(again.body.byteLength).toBe(0);
      }
    }
  });

  test('small files stay as they are; a missing asset is not cached for a year', async ({ baseURL }) => {
    const icon = await rawGet(`${baseURL}/favicon.svg`, { 'Accept-Encoding': 'br' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['cache-control']).toBe('no-cache');
    const missing = await rawGet(`${baseURL}/assets/missing-0000.js`, { 'Accept-Encoding': 'br' });
    expect(missing.headers['cache-control']).not.toBe(year);
  });

  test('the browser gets a compressed page and script and the deck runs (its CSP as before)', async ({
    page,
  }) => {
    const encoded = new Map<string, string | undefined>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      encoded.set(path, response.headers()['content-encoding']);
    });
    await openDeck(page, '/');
    const [script] = mainAssets();
    expect(['br', 'gzip']).toContain(encoded.get('/'));
    expect(['br', 'gzip']).toContain(encoded.get(script!));
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  });
});

test.describe('npm run present', () => {
  test.describe.configure({ mode: 'serial' });
  let relay: Relay;
  test.beforeAll(async () => {
    relay = await startRelay(relayPort);
  });
  test.afterAll(async () => {
    await relay?.stop();
  });

  test("sends the build's twins of assets and its own compressed, marked pages", async () => {
    for (const path of mainAssets()) {
      const plain = readFileSync(join(dist, path));
      for (const { accept, encoding } of encodings) {
        const res = await rawGet(relay.origin + path, { 'Accept-Encoding': accept });
        expect(res.headers['content-encoding'], `${path} for "${accept}"`).toBe(encoding);
        expect(res.headers['cache-control'], path).toBe(year);
        expect(res.decoded().equals(plain), path).toBe(true);
      }
    }
    for (const path of ['/', '/zh.html']) {
      for (const { accept, encoding } of encodings) {
        const res = await rawGet(relay.origin + path, { 'Accept-Encoding': accept });
        expect(res.headers['content-encoding'], `${path} for "${accept}"`).toBe(encoding);
        expect(res.headers['cache-control'], path).toBe('no-cache');
        expect(res.decoded().toString(), path).toContain('<meta name="deck-room" content="relay" />');
        const again = await rawGet(relay.origin + path, {
          'Accept-Encoding': accept,
          'If-None-Match': res.headers.etag ?? '',
        });
        expect(again.status, `${path} revalidated`).toBe(304);
      }
    }
  });
});
