import { describe, expect, it } from 'vitest';
import { checkLocales, checkLocaleTrees, flattenKeys } from '../../../src/node/check-locales';

describe('checkLocaleTrees', () => {
  it('passes when both languages have the same keys', () => {
    expect(checkLocaleTrees({ en: { ui: { a: { b: 'B' } } }, zh: { ui: { a: { b: '乙' } } } })).toEqual([]);
  });

  it('names a key missing in Chinese and one missing in English', () => {
    expect(checkLocaleTrees({ en: { ui: { a: 'A', b: 'B' } }, zh: { ui: { a: '甲', c: '丙' } } })).toEqual([
      'src/i18n/locales/zh/ui.json: key "b" is missing (it is in en/ui.json). Add its zh text.',
      'src/i18n/locales/zh/ui.json: key "c" is not in en/ui.json. Add it there too, or remove it.',
    ]);
  });

  it('rejects empty strings and pre-formatted numbers', () => {
    expect(
      checkLocaleTrees({
        en: { charts: { t: '', v: 'US$4.4B raised' } },
        zh: { charts: { t: '标题', v: '融资 {{value}}' } },
      }),
    ).toEqual([
      'src/i18n/locales/en/charts.json: "t" is empty. Write the text, or remove the key in every language.',
      'src/i18n/locales/en/charts.json: "v" contains a formatted number ("US$4.4B raised"). Put the value in data/ and interpolate {{value}}, formatted by Intl.',
    ]);
  });

  it('flattens nested keys', () => {
    expect([...flattenKeys({ a: { b: 'x', c: { d: 'y' } } }).keys()]).toEqual(['a.b', 'a.c.d']);
  });
});

describe('checkLocales on the project', () => {
  it('finds the real locale files in parity', () => {
    expect(() => checkLocales(new URL('../../..', import.meta.url).pathname)).not.toThrow();
  });
});
