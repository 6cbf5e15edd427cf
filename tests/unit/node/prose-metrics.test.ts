import { describe, expect, it } from 'vitest';
import {
  sharedChineseRuns,
  sharedEnglishRuns,
  speechSeconds,
  speechUnits,
  spokenText,
} from '../../../src/node/prose-metrics';

describe('spokenText', () => {
  it('keeps what is said: no tags, link targets or emphasis marks', () => {
    expect(
      spokenText('The app factory (<span lang="zh-CN">应用工厂</span>), see [Qwen](https://x.y/q) **now**.'),
    ).toBe('The app factory (应用工厂), see Qwen now.');
  });
});

describe('speechUnits and speechSeconds', () => {
  it('counts English words, numbers and hyphenated words as one each', () => {
    expect(speechUnits('On 6 May, DeepSeek-V2 cut prices by 97% — fast.', 'en')).toBe(9);
  });

  it('counts Chinese characters, and each run of Latin letters or digits as one', () => {
    // 4 Han characters (年月降价); "2024", "5", "DeepSeek-V2" and "97%" count one each.
    expect(speechUnits('2024 年 5 月，DeepSeek-V2 降价 97%。', 'zh')).toBe(8);
    expect(speechUnits('出海是必选项', 'zh')).toBe(6);
  });

  it('turns units into seconds at 140 words or 240 characters a minute', () => {
    expect(speechSeconds(Array(140).fill('word').join(' '), 'en')).toBe(60);
    expect(speechSeconds('出'.repeat(120), 'zh')).toBe(30);
  });
});

describe('sharedChineseRuns', () => {
  const source = '到2024年中期，中国AI初创企业通过372轮融资筹集了约44亿美元，这比2021年的峰值大幅下降。';

  it('finds a copied run of 20 or more characters, whatever the spacing and punctuation', () => {
    const runs = sharedChineseRuns('原文说：中国 AI 初创企业通过 372 轮融资筹集了约 44 亿美元。', source, 20);
    expect(runs).toEqual([{ text: '中国AI初创企业通过372轮融资筹集了约44亿美元', length: 25 }]);
  });

  it('lets the same facts through in other words', () => {
    expect(
      sharedChineseRuns('原文称，到 2024 年年中，中国 AI 初创企业共融资约 44 亿美元、372 轮。', source, 20),
    ).toEqual([]);
  });

  it('does not count protected names', () => {
    const names = ['零一万物', '百川智能', '月之暗面'];
    const list = '六小虎：零一万物、百川智能、月之暗面等公司中的佼佼者';
    const src = '包括零一万物、百川智能、月之暗面等公司中的佼佼者们';
    expect(sharedChineseRuns(list, src, 10)).toHaveLength(1);
    expect(sharedChineseRuns(list, src, 10, names)).toEqual([]);
  });

  it('ignores web addresses', () => {
    const url = 'https://huggingface.co/blog/zh/chinese-ai-expansion';
    expect(sharedChineseRuns(`见[原文](${url})`, `链接 ${url}`, 10)).toEqual([]);
  });
});

describe('sharedEnglishRuns', () => {
  const source =
    'These tech giants have centered their overseas strategies on Southeast Asia and the Middle East.';

  it('finds a copied run of 8 or more words, case and punctuation aside', () => {
    expect(
      sharedEnglishRuns(
        'Since then, tech giants have centered their overseas strategies on Southeast Asia!',
        source,
        8,
      ),
    ).toEqual([
      { text: 'tech giants have centered their overseas strategies on southeast asia', length: 10 },
    ]);
  });

  it('does not count a protected proper name', () => {
    const names = ['Cyberspace Administration of China'];
    const src = 'models registered with the Cyberspace Administration of China exceeded 197';
    expect(
      sharedEnglishRuns('filed with the Cyberspace Administration of China by July', src, 8, names),
    ).toEqual([]);
    expect(
      sharedEnglishRuns('filed with the Cyberspace Administration of China by July', src, 5),
    ).toHaveLength(1);
  });

  it('lets a paraphrase through', () => {
    expect(sharedEnglishRuns('The giants went first to Southeast Asia and the Gulf.', source, 8)).toEqual([]);
  });
});
