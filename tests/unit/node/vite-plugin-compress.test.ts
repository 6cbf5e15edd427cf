import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeReport,
  isCompressible,
  precompressDir,
  worthKeeping,
} from '../../../src/node/vite-plugin-compress';

// Text that compresses well, as a bundle does, at a given size.
const text = (bytes: number) =>
  'export const slide = "出海 · Going Global";\n'.repeat(bytes / 40).slice(0, bytes);

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compress-out-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'compress-cache-'));
  mkdirSync(join(dir, 'assets'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('which files get twins', () => {
  it('text formats yes; fonts and images, already compressed, no', () => {
    for (const file of [
      'a.js',
      'a.mjs',
      'a.css',
      'index.html',
      'a.svg',
      'a.json',
      'a.txt',
      'site.webmanifest',
    ])
      expect(isCompressible(file), file).toBe(true);
    for (const file of ['a.woff2', 'a.png', 'a.jpg', 'a.webp', 'a.js.br', 'a.css.gz', 'LICENSE'])
      expect(isCompressible(file), file).toBe(false);
    expect(isCompressible('INDEX.HTML')).toBe(true);
  });

  it('a twin must be worth it: 1 KiB or more, and 10 % smaller', () => {
    expect(worthKeeping(1023, 100)).toBe(false);
    expect(worthKeeping(1024, 100)).toBe(true);
    expect(worthKeeping(10_000, 9_000)).toBe(true);
    expect(worthKeeping(10_000, 9_001)).toBe(false);
    expect(worthKeeping(500, 100, { minBytes: 100 })).toBe(true);
  });
});

describe('precompressDir', () => {
  it('writes .br and .gz twins that decode to the file, and leaves the rest alone', async () => {
    const js = text(40_000);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), js);
    writeFileSync(join(dir, 'index.html'), `<!doctype html>${text(5_000)}`);
    writeFileSync(join(dir, 'zh.html'), `<!doctype html>${text(6_000)}`);
    writeFileSync(join(dir, 'assets', 'font.woff2'), text(20_000)); // compressible bytes, but a font: skipped
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>'); // too small
    writeFileSync(join(dir, 'assets', 'noise.js'), randomBytes(8_000)); // does not shrink

    const report = await precompressDir(dir, { cacheDir });

    const js2 = readFileSync(join(dir, 'assets', 'index-abc.js'));
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'index-abc.js.br'))).equals(js2)).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(js);
    for (const page of ['index.html', 'zh.html']) {
      const plain = readFileSync(join(dir, page));
      expect(brotliDecompressSync(readFileSync(join(dir, `${page}.br`))).equals(plain), page).toBe(true);
      expect(gunzipSync(readFileSync(join(dir, `${page}.gz`))).equals(plain), page).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual([
      'assets',
      'favicon.svg',
      'index.html',
      'index.html.br',
      'index.html.gz',
      'zh.html',
      'zh.html.br',
      'zh.html.gz',
    ]);
    expect(readdirSync(join(dir, 'assets')).sort()).toEqual([
      'font.woff2',
      'index-abc.js',
      'index-abc.js.br',
      'index-abc.js.gz',
      'noise.js',
    ]);
    expect(report).toMatchObject({ files: 3, skipped: 2, cached: 0 });
    expect(report.brBytes).toBeLessThan(report.gzipBytes);
    expect(report.gzipBytes).toBeLessThan(report.rawBytes / 10);
    expect(describeReport(report, 1234)).toMatch(/^compress: 3 files → \.br .* in 1\.2 s; 2 small files/);
  });

  it('takes unchanged files from its cache on the next build, byte for byte', async () => {
    writeFileSync(join(dir, 'assets', 'a.js'), text(30_000));
    await precompressDir(dir, { cacheDir });
    const first = readFileSync(join(dir, 'assets', 'a.js.br'));
    rmSync(join(dir, 'assets', 'a.js.br'));
    const again = await precompressDir(dir, { cacheDir });
    expect(again.cached).toBe(2);
    expect(readFileSync(join(dir, 'assets', 'a.js.br')).equals(first)).toBe(true);
    // Without a cache it compresses every time.
    expect((await precompressDir(dir, { cacheDir: false })).cached).toBe(0);
  });

  it('removes a twin that an earlier build left but this one would not write, and leaves no temporary file', async () => {
    writeFileSync(join(dir, 'small.json'), '{"a":1}');
    writeFileSync(join(dir, 'small.json.br'), 'stale');
    writeFileSync(join(dir, 'small.json.gz'), 'stale');
    await precompressDir(dir, { cacheDir });
    expect(existsSync(join(dir, 'small.json.br'))).toBe(false);
    expect(existsSync(join(dir, 'small.json.gz'))).toBe(false);
    writeFileSync(join(dir, 'big.css'), text(10_000));
    await precompressDir(dir, { cacheDir });
    const all = readdirSync(dir, { recursive: true }).map(String);
    expect(all.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(cacheDir).every((name) => /^[0-9a-f]{32}\.(br|gz)$/.test(name))).toBe(true);
  });
});
