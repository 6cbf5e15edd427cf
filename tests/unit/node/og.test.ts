import { describe, expect, it } from 'vitest';
import enUi from '../../../src/i18n/locales/en/ui.json';
import zhUi from '../../../src/i18n/locales/zh/ui.json';
import { type OgOptions, ogNotice, ogTags, publicBase } from '../../../src/node/og';

const options = (publicUrl: string): OgOptions => ({
  publicUrl,
  lng: 'en',
  text: { en: enUi.deck, zh: zhUi.deck },
});
const content = (tags: ReturnType<typeof ogTags>, name: string): string[] =>
  tags.filter((tag) => tag.name === name).map((tag) => tag.content);

describe('link-preview tags', () => {
  it('with a public address: absolute URL and images, the default language first', () => {
    const tags = ogTags(options('https://deck.example.org/chuhai'));
    expect(content(tags, 'og:title')).toEqual([enUi.deck.title]);
    expect(content(tags, 'og:description')).toEqual([enUi.deck.description]);
    expect(content(tags, 'og:locale')).toEqual(['en_US']);
    expect(content(tags, 'og:locale:alternate')).toEqual(['zh_CN']);
    expect(content(tags, 'og:url')).toEqual(['https://deck.example.org/chuhai/']);
    expect(content(tags, 'og:image')).toEqual([
      'https://deck.example.org/chuhai/og/title-en.png',
      'https://deck.example.org/chuhai/og/title-zh.png',
    ]);
    expect(content(tags, 'og:image:width')).toEqual(['1200', '1200']);
    expect(content(tags, 'og:image:height')).toEqual(['630', '630']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(tags, 'twitter:image')).toEqual(['https://deck.example.org/chuhai/og/title-en.png']);
    expect(tags.every((tag) => tag.key === (tag.name.startsWith('og:') ? 'property' : 'name'))).toBe(true);
  });

  it('without one: text only, no URL anywhere', () => {
    const tags = ogTags(options(''));
    expect(content(tags, 'og:title')).toEqual([enUi.deck.title]);
    expect(content(tags, 'twitter:card')).toEqual(['summary']);
    expect(content(tags, 'og:url')).toEqual([]);
    expect(content(tags, 'og:image')).toEqual([]);
    expect(tags.filter((tag) => /https?:|\/\//.test(tag.content))).toEqual([]);
  });

  it('the build says why there is no image only when there is no public address', () => {
    expect(ogNotice('')).toMatch(/No public address .*no URL or image/);
    expect(ogNotice('https://deck.example.org/')).toBeNull();
  });

  it('a public address is a base: a trailing slash, no query or fragment; only http(s)', () => {
    expect(publicBase('https://x.org/a?b=1#c')?.href).toBe('https://x.org/a/');
    expect(publicBase('  ')).toBeNull();
    expect(() => publicBase('ftp://x.org/')).toThrow(/must start with https:\/\//);
  });
});
