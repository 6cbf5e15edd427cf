import { describe, expect, it } from 'vitest';
import {
  dataTextSegments,
  lintChinese,
  lintEnglish,
  localeSegments,
  maskInterpolations,
  type ProseSegment,
  slideLines,
} from '../../../src/node/prose-lint';

const zh = (text: string, line = 1): ProseSegment => ({
  file: 'x.md',
  line,
  lng: 'zh',
  text,
  format: 'markdown',
});
const en = (text: string, format: ProseSegment['format'] = 'text'): ProseSegment => ({
  file: 'x.md',
  line: 10,
  lng: 'en',
  text,
  format,
});

describe('slideLines', () => {
  const file = [
    '<!-- .slide: id="a" data-layout="text" -->',
    '',
    '## 标题',
    '',
    '<figure data-chart="funding"></figure>',
    '',
    '- 要点 <!-- .element: class="fragment" -->',
    '',
    '```',
    'code,not prose',
    '```',
    '',
    '---',
    '',
    'Note:',
    '讲稿第一行。',
  ].join('\n');

  it('keeps the prose lines with their line numbers and drops markup', () => {
    expect(slideLines('s.md', file, 'zh').map((s) => [s.line, s.text])).toEqual([
      [3, '## 标题'],
      [7, '- 要点'],
      [16, '讲稿第一行。'],
    ]);
  });
});

describe('dataTextSegments and localeSegments', () => {
  it('finds every { en, zh } text field of a data file at the line of each string', () => {
    const text =
      '{\n  "a": [\n    {\n      "caveat": {\n        "en": "One.",\n        "zh": "一。"\n      },\n      "value": 3\n    }\n  ]\n}';
    expect(dataTextSegments('data/f.json', text).map((s) => [s.lng, s.line, s.text])).toEqual([
      ['en', 5, 'One.'],
      ['zh', 6, '一。'],
    ]);
  });

  it('takes every string of a locale file in its language', () => {
    const text = '{\n  "t": {\n    "title": "标题",\n    "desc": "说明"\n  }\n}';
    expect(localeSegments('zh/c.json', text, 'zh').map((s) => [s.line, s.text])).toEqual([
      [3, '标题'],
      [4, '说明'],
    ]);
  });
});

describe('lintChinese (zhlint, configured to STYLE.md)', () => {
  it('passes the house style', () => {
    const ok = [
      '2024 年，中国 AI 企业出海，约 44 亿美元。',
      '标题里的“出海”，字面意思是驶向大海（据原文）。',
      '国家互联网信息办公室（国家网信办）和《生成式人工智能服务安全基本要求》。',
      '智谱AI、IT桔子和 36氪 按公司自己的写法。',
    ];
    expect(lintChinese(ok.map((t) => zh(t)))).toEqual([]);
  });

  it('asks for a space between Chinese and Latin letters or digits, with the fix', () => {
    const [problem] = lintChinese([zh('在2024年', 4)]);
    expect(problem).toMatchObject({ file: 'x.md', line: 4 });
    expect(problem?.hint).toContain('在 2024 年');
  });

  it('asks for full-width punctuation and brackets next to Chinese', () => {
    const problems = lintChinese([zh('它说,这是(据原文)的。')]);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.map((p) => p.hint).join(' ')).toMatch(/它说，|（据原文）/);
  });

  it('finds an unpaired quote or bracket', () => {
    expect(lintChinese([zh('他说“出海是必选项。')]).length).toBeGreaterThan(0);
    expect(lintChinese([zh('来源（原文。')]).length).toBeGreaterThan(0);
  });

  it('counts lines inside a multi-line segment', () => {
    const [problem] = lintChinese([zh('第一行。\n在2024年', 7)]);
    expect(problem?.line).toBe(8);
  });
});

describe('interpolations in locale strings', () => {
  it('are masked with the same length, so the spacing around a value is left to the formatter', () => {
    expect(maskInterpolations('共 {{value}} 轮，{{year}}上半年')).toBe(
      '共〇〇〇〇〇〇〇〇〇〇〇轮，〇〇〇〇〇〇〇〇上半年',
    );
    const text = (t: string): ProseSegment => ({ ...zh(t), format: 'text' });
    expect(lintChinese([text('{{year}}中国 AI 企业'), text('共 {{value}} 轮'), text('占{{value}}')])).toEqual(
      [],
    );
  });

  it('still lints the rest of the string', () => {
    const [problem] = lintChinese([{ ...zh('{{value}}家AI企业'), format: 'text' }]);
    expect(problem?.hint).toContain('家 AI 企业');
  });
});

describe('lintEnglish (textlint: terminology and doubled words)', () => {
  it('passes consistent text', async () => {
    expect(
      await lintEnglish([en('Startups in Southeast Asia build data centres; chūhǎi means going global.')]),
    ).toEqual([]);
  });

  it('flags the second spelling of a term, naming the one to use', async () => {
    const problems = await lintEnglish([en('Two start-ups in South-East Asia.')]);
    expect(problems.map((p) => p.message)).toEqual([
      'textlint (terminology): Incorrect term: “start-ups”, use “startups” instead.',
      'textlint (terminology): Incorrect term: “South-East Asia”, use “Southeast Asia” instead.',
    ]);
    expect(problems[0]).toMatchObject({ file: 'x.md', line: 10 });
  });

  it('flags a doubled word', async () => {
    const [problem] = await lintEnglish([en('It pushes the the price down.')]);
    expect(problem?.message).toMatch(/write-good.*"the" is repeated/);
    expect(problem?.hint).toBe('Remove the doubled word.');
  });

  it('reads slide files as Markdown, with lines counted from the segment start', async () => {
    const md = '## Title\n\nNote:\nAbroad, start-ups pay.';
    const [problem] = await lintEnglish([en(md, 'markdown')]);
    expect(problem?.line).toBe(13);
  });
});
