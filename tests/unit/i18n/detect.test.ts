import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from '../../../src/i18n/detect';

describe('detectLanguage', () => {
  const none = { search: '', stored: null, browser: [] as string[] };

  it('takes ?lng= first', () => {
    expect(detectLanguage({ ...none, search: '?lng=zh', stored: 'en', browser: ['en-US'] })).toBe('zh');
    expect(detectLanguage({ ...none, search: '?lng=en', stored: 'zh', browser: ['zh-CN'] })).toBe('en');
  });

  it('then the saved choice, then the browser, then English', () => {
    expect(detectLanguage({ ...none, stored: 'zh', browser: ['en-US'] })).toBe('zh');
    expect(detectLanguage({ ...none, browser: ['fr-FR', 'zh-TW'] })).toBe('zh');
    expect(detectLanguage({ ...none, browser: ['fr-FR', 'de'] })).toBe('en');
    expect(detectLanguage(none)).toBe('en');
  });

  it('keeps a language page (zh.html) over the saved choice and the browser, but not over ?lng=', () => {
    expect(detectLanguage({ ...none, page: 'zh', stored: 'en', browser: ['en-US'] })).toBe('zh');
    expect(detectLanguage({ ...none, search: '?lng=en', page: 'zh' })).toBe('en');
    // index.html is the default language's page: not a choice, so the saved one and the browser still count.
    expect(detectLanguage({ ...none, page: 'en', stored: 'zh' })).toBe('zh');
    expect(detectLanguage({ ...none, page: 'en', browser: ['zh-CN'] })).toBe('zh');
  });

  it('ignores an unknown or empty ?lng=', () => {
    expect(detectLanguage({ ...none, search: '?lng=xx', browser: ['zh-CN'] })).toBe('zh');
    expect(detectLanguage({ ...none, search: '?lng=', stored: 'zh' })).toBe('zh');
    expect(detectLanguage({ ...none, search: '?lng=<script>' })).toBe('en');
  });
});

describe('matchLanguage', () => {
  it('reads every Chinese variant as the Chinese deck', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'zh-TW', 'ZH_hk'].map(matchLanguage)).toEqual([
      'zh',
      'zh',
      'zh',
      'zh',
      'zh',
    ]);
    expect(['en-GB', 'EN', 'fr', '', null].map(matchLanguage)).toEqual(['en', 'en', null, null, null]);
  });
});
