import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  immutableCacheControl,
  negotiateEncoding,
  revalidateCacheControl,
} from '../../../src/server/cache-policy';

describe('the cache policy', () => {
  it('keeps the hashed assets for a year, immutable', () => {
    expect(immutableCacheControl).toBe('public, max-age=31536000, immutable');
    for (const path of ['/assets/index-Dakj_4ZM.js', '/assets/index-nPwZDwLC.css', '/assets/inter-x.woff2'])
      expect(cacheControlFor(path), path).toBe(immutableCacheControl);
  });

  it('revalidates the pages and every file whose name does not change with its content', () => {
    expect(revalidateCacheControl).toBe('no-cache');
    for (const path of ['/', '/index.html', '/zh.html', '/zh', '/favicon.svg', '/og/title-en.png', '/assets'])
      expect(cacheControlFor(path), path).toBe(revalidateCacheControl);
  });
});

describe('choosing an encoding from Accept-Encoding', () => {
  it('prefers brotli, then gzip, else sends the file as it is', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBeUndefined();
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
  });

  it('reads weights: q=0 refuses a coding, * stands for the ones not named', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br; q=0.5, gzip;q=1')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('BR')).toBe('br');
  });
});
