import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedChineseRuns, sharedEnglishRuns } from '../../../src/node/prose-metrics';
import { dataFiles, deckSlides, jsonStrings, localeFiles, project } from './deck-text';

/**
 * Our own words: no run of 20 Chinese characters and no run of 8 English words is shared with the source
 * article, in the slides, the notes, the data files' text or the locale files. Facts carry over; sentences don't.
 */
const source = (name: string) => readFileSync(join(project, 'tests/fixtures/source-articles', name), 'utf8');
const zhSource = source('article.zh.txt');
const enSource = source('article.en.md');

/** Proper names the deck may repeat word for word (they are names, not sentences). */
const englishNames = [
  'A Short Summary of Chinese AI Global Expansion',
  'Belt and Road Initiative',
  'Digital Silk Road',
  'Cyberspace Administration of China',
  'National Information Security Standardization Technical Committee',
  'Voyages to the Western Oceans',
  '2024 China Enterprises Global Expansion Strategy Report',
];

/** Company names the deck lists in full; a list of six names is not a copied sentence. */
const chineseNames = [
  '零一万物',
  '百川智能',
  '智谱 AI',
  '智谱AI',
  '月之暗面',
  'MiniMax',
  '阶跃星辰',
  '稀宇科技',
];

function texts(lng: 'en' | 'zh'): { where: string; text: string }[] {
  const slides = deckSlides(lng).map((s) => ({
    where: `${s.file} (${s.id})`,
    text: `${s.body}\n${s.notes}`,
  }));
  const data = dataFiles().flatMap((f) =>
    jsonStrings(f)
      .filter((s) => s.path.endsWith(`.${lng}`))
      .map((s) => ({ where: `${f} ${s.path}`, text: s.text })),
  );
  const locales = localeFiles(lng).flatMap((f) =>
    jsonStrings(f).map((s) => ({ where: `${f} ${s.path}`, text: s.text })),
  );
  return [...slides, ...data, ...locales];
}

describe('our own words', () => {
  it('shares no run of 20 or more Chinese characters with the Chinese article', () => {
    const copied = texts('zh').flatMap(({ where, text }) =>
      sharedChineseRuns(text, zhSource, 20, chineseNames).map(
        (r) => `${where}: “${r.text}” (${r.length} characters)`,
      ),
    );
    expect(copied).toEqual([]);
  });

  it('shares no run of 8 or more English words with the English article, outside proper names', () => {
    const copied = texts('en').flatMap(({ where, text }) =>
      sharedEnglishRuns(text, enSource, 8, englishNames).map(
        (r) => `${where}: “${r.text}” (${r.length} words)`,
      ),
    );
    expect(copied).toEqual([]);
  });

  it('reads the whole deck (the check is not vacuous)', () => {
    expect(texts('en').length).toBeGreaterThan(100);
    expect(texts('zh').length).toBeGreaterThan(100);
  });
});
