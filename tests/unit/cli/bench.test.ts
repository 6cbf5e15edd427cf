import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  classifyFile,
  classifyModule,
  floorEntry,
  floorPage,
  formatKb,
  formatMs,
  formatRatio,
  formatTable,
  gzipSize,
  isChineseFont,
  median,
  medianOfMedians,
  percentile,
  type SlideFileText,
  slideIdOf,
  splitChunk,
  splitSlideChunks,
  spreadSample,
  stripCharts,
  synthesizeDeck,
  targetLimit,
  verdict,
} from '../../../src/cli/bench-lib';
import { assembleDeck, readSlideFiles } from '../../../src/node/assemble-deck';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('statistics', () => {
  it('median of odd and even counts, ignoring NaN; NaN when empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, Number.NaN, 1])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('percentile by nearest rank', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('median of run medians', () => {
    expect(
      medianOfMedians([
        [1, 2, 100],
        [3, 4, 5],
        [2, 2, 2],
      ]),
    ).toBe(2);
    expect(medianOfMedians([[], [7]])).toBe(7);
  });
});

describe('classification', () => {
  it('classifies built files by extension', () => {
    expect(classifyFile('assets/index-abc.js')).toBe('js');
    expect(classifyFile('assets/index-abc.css')).toBe('css');
    expect(classifyFile('assets/noto-sans-sc-100-x.woff2')).toBe('fonts');
    expect(classifyFile('assets/a.WOFF')).toBe('fonts');
    expect(classifyFile('data/countries.json')).toBe('data');
    expect(classifyFile('index.html')).toBe('content');
    expect(classifyFile('favicon.svg')).toBe('other');
    expect(classifyFile('LICENSE')).toBe('other');
  });

  it('classifies bundled modules: slides and locales are content, other JSON is data', () => {
    expect(classifyModule('\0virtual:slides')).toBe('content');
    expect(classifyModule('/p/src/i18n/locales/zh/ui.json')).toBe('content');
    expect(classifyModule('/p/data/places.json')).toBe('data');
    expect(classifyModule('\0virtual:data')).toBe('data');
    expect(classifyModule('/p/node_modules/world-atlas/countries-110m.json')).toBe('data');
    expect(classifyModule('/p/src/main.ts')).toBe('js');
    expect(classifyModule('/p/node_modules/reveal.js/dist/reveal.mjs')).toBe('js');
  });

  it('tells the Chinese font files', () => {
    expect(isChineseFont('/assets/noto-sans-sc-117-BfyL_PCM.woff2')).toBe(true);
    expect(isChineseFont('assets/noto-sans-sc-latin-BRzBuZE5.woff2')).toBe(true);
    expect(isChineseFont('/assets/inter-latin-B7h8D27c.woff2')).toBe(false);
    expect(isChineseFont('/assets/noto-sans-sc.css')).toBe(false);
  });
});

describe('splitChunk', () => {
  it('leaves a chunk without data or content to code', () => {
    expect(splitChunk({ raw: 1000, gzip: 400 }, [])).toEqual({
      js: { raw: 1000, gzip: 400 },
      data: { raw: 0, gzip: 0 },
      content: { raw: 0, gzip: 0 },
    });
  });

  it('takes data and content out of the file and leaves the rest to code', () => {
    const data = JSON.stringify({ places: Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, lon: i })) });
    const split = splitChunk({ raw: 10_000, gzip: 3000 }, [{ category: 'data', text: data }]);
    expect(split.data.raw).toBe(Buffer.byteLength(data));
    expect(split.data.gzip).toBe(gzipSize(data));
    expect(split.js.raw).toBe(10_000 - split.data.raw);
    expect(split.js.gzip).toBe(3000 - split.data.gzip);
    expect(split.content).toEqual({ raw: 0, gzip: 0 });
  });

  it('never gives a part more than the file', () => {
    const split = splitChunk({ raw: 10, gzip: 5 }, [
      { category: 'data', text: 'x'.repeat(100) },
      { category: 'content', text: 'y'.repeat(100) },
    ]);
    expect(split.js.raw).toBeGreaterThanOrEqual(0);
    expect(split.data.raw + split.content.raw + split.js.raw).toBe(10);
    expect(split.data.gzip + split.content.gzip + split.js.gzip).toBe(5);
  });
});

describe('formatting', () => {
  it('formats bytes, times and ratios', () => {
    expect(formatKb(295_612)).toBe('295.6 kB');
    expect(formatKb(Number.NaN)).toBe('n/a');
    expect(formatMs(4.26)).toBe('4.3 ms');
    expect(formatMs(42.4)).toBe('42 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(23_900)).toBe('23.9 s');
    expect(formatMs(Number.NaN)).toBe('n/a');
    expect(formatRatio(12, 10)).toBe('1.20×');
    expect(formatRatio(12, 0)).toBe('n/a');
    expect(formatRatio(Number.NaN, 10)).toBe('n/a');
  });

  it('formats a padded Markdown table', () => {
    expect(
      formatTable(
        ['metric', 'ours'],
        [
          ['LCP', '1.2 s'],
          ['build time', '9 s'],
        ],
      ),
    ).toBe(
      [
        '| metric     | ours  |',
        '|------------|-------|',
        '| LCP        | 1.2 s |',
        '| build time | 9 s   |',
      ].join('\n'),
    );
  });
});

describe('verdict', () => {
  it('checks a limit and says by how much it is missed', () => {
    expect(verdict({ kind: 'max', limit: 50, label: '' }, 40)).toEqual({ pass: true, text: 'PASS' });
    expect(verdict({ kind: 'max', limit: 50, label: '' }, 75)).toEqual({ pass: false, text: 'MISS by 50%' });
  });

  it('checks a ratio to the floor', () => {
    expect(verdict({ kind: 'ratio', factor: 1.2, label: '' }, 110, 100).pass).toBe(true);
    expect(verdict({ kind: 'ratio', factor: 1.2, label: '' }, 150, 100)).toEqual({
      pass: false,
      text: 'MISS by 25%',
    });
  });

  it('checks growth against the slide-count factor', () => {
    expect(verdict({ kind: 'linear', label: '' }, 2.1, 13).pass).toBe(true);
    expect(verdict({ kind: 'linear', label: '' }, 26, 13)).toEqual({ pass: false, text: 'MISS by 100%' });
  });

  it('checks a minimum (a score): at or above passes, below says by how much', () => {
    const min = { kind: 'min', limit: 90, label: '≥ 90' } as const;
    expect(verdict(min, 90)).toEqual({ pass: true, text: 'PASS' });
    expect(verdict(min, 97)).toEqual({ pass: true, text: 'PASS' });
    expect(verdict(min, 72)).toEqual({ pass: false, text: 'MISS by 20%' });
    expect(verdict(min, Number.NaN)).toEqual({ pass: null, text: 'n/a' });
  });

  it('checks a ratio to a reference carried in the target, whatever the floor figure', () => {
    const target = { kind: 'ratioTo', factor: 1.5, reference: 40, label: '' } as const;
    expect(targetLimit(target)).toBe(60);
    expect(verdict(target, 60).pass).toBe(true);
    expect(verdict(target, 60, 1)).toEqual({ pass: true, text: 'PASS' });
    expect(verdict(target, 90, 1000)).toEqual({ pass: false, text: 'MISS by 50%' });
    expect(verdict({ ...target, reference: Number.NaN }, 10).pass).toBeNull();
  });

  it('is n/a without a figure', () => {
    expect(verdict({ kind: 'ratio', factor: 1.2, label: '' }, 10)).toEqual({ pass: null, text: 'n/a' });
    expect(verdict({ kind: 'max', limit: 1, label: '' }, Number.NaN).pass).toBeNull();
  });
});

const slide = (id: string, body: string) =>
  `<!-- .slide: id="${id}" data-layout="text" -->\n\n${body}\n\nNote:\nNotes.`;

const fixture: SlideFileText[] = ['en', 'zh'].flatMap((lng) => [
  {
    lng,
    name: '01-a.md',
    text: `${slide('intro', `# Hi ${lng}\n\n[next](#/chart)`)}\n\n---\n\n${slide('chart', '<figure data-chart="funding"></figure>\n\n- a <!-- .element: class="fragment" -->')}\n`,
  },
  {
    lng,
    name: '00-b.md',
    text: `${slide('title', '```md\n---\n```\n\n[out](#/elsewhere)')}\n`,
  },
]);

describe('synthetic deck', () => {
  it('splits slides at --- outside code fences', () => {
    const chunks = splitSlideChunks(`${fixture[1]!.text}\n---\n\n${fixture[0]!.text}`);
    expect(chunks.map(slideIdOf)).toEqual(['title', 'intro', 'chart']);
    expect(chunks[0]).toContain('```md\n---\n```');
  });

  it('repeats the slides in order with unique ids, the same in every language', () => {
    const files = synthesizeDeck(fixture, 7, 3);
    const ids = (lng: string) =>
      files
        .filter((f) => f.lng === lng)
        .flatMap((f) => splitSlideChunks(f.text))
        .map(slideIdOf);
    expect(ids('en')).toEqual([
      'title-001',
      'intro-001',
      'chart-001',
      'title-002',
      'intro-002',
      'chart-002',
      'title-003',
    ]);
    expect(ids('zh')).toEqual(ids('en'));
    expect(files.filter((f) => f.lng === 'en').map((f) => f.name)).toEqual([
      '001-synthetic.md',
      '002-synthetic.md',
      '003-synthetic.md',
    ]);
  });

  it('points in-deck links at the same copy and leaves other links alone', () => {
    const text = synthesizeDeck(fixture, 6).find((f) => f.lng === 'en')!.text;
    expect(text).toContain('(#/chart-001)');
    expect(text).toContain('(#/chart-002)');
    expect(text).toContain('(#/elsewhere)');
  });

  it('keeps each chart slide whole, fragments included', () => {
    const chunks = synthesizeDeck(fixture, 9).flatMap((f) => splitSlideChunks(f.text));
    const charts = chunks.filter((c) => c.includes('data-chart="funding"'));
    expect(charts).toHaveLength(6);
    for (const c of charts) expect(c.match(/class="fragment"/g)).toHaveLength(1);
  });

  it('builds from the real slides: the deck compiler accepts it, charts keep their fragments', () => {
    const real = readSlideFiles(projectRoot);
    const files = synthesizeDeck(
      real.map((f) => ({ lng: f.lng, name: f.file.split('/').pop()!, text: f.text })),
      60,
    );
    const deck = assembleDeck(
      files.map((f) => ({ lng: f.lng as 'en' | 'zh', file: `slides/${f.lng}/${f.name}`, text: f.text })),
    );
    const original = assembleDeck(real);
    expect(deck.en).toHaveLength(60);
    expect(deck.zh).toHaveLength(60);
    deck.en.forEach((s, i) => {
      const source = original.en[i % original.en.length]!;
      expect(s.id).toBe(`${source.id}-${String(Math.floor(i / original.en.length) + 1).padStart(3, '0')}`);
      expect(s.fragments).toBe(source.fragments);
      expect(s.charts).toEqual(source.charts);
    });
  }, 60_000);

  it('spreads the switch sample over kinds and copies', () => {
    const sample = spreadSample(23, 300, 8);
    expect(sample).toHaveLength(8);
    expect(sample[0]).toEqual({ kind: 0, index: 0 });
    expect(sample.at(-1)).toEqual({ kind: 22, index: 12 * 23 + 22 });
    for (const s of sample) {
      expect(s.index % 23).toBe(s.kind);
      expect(s.index).toBeLessThan(300);
    }
    expect(spreadSample(23, 23, 8).every((s) => s.index === s.kind)).toBe(true);
  });
});

describe('the floor', () => {
  const slides = [
    {
      id: 'funding',
      attrs: { 'data-layout': 'chart' },
      html: '<h2>Funding</h2>\n<figure data-chart="funding" class="chart"><p>fallback</p></figure>\n<ul><li class="fragment">a</li></ul>',
      notes: '<p>Say "this" & that.</p>',
    },
  ];

  it('strips chart figures only', () => {
    expect(stripCharts(slides[0]!.html)).toBe('<h2>Funding</h2>\n<ul><li class="fragment">a</li></ul>');
    expect(stripCharts('<figure><img src="a.png"></figure>')).toBe('<figure><img src="a.png"></figure>');
  });

  it('writes a plain reveal page with the slides, notes and the entry', () => {
    const html = floorPage(slides, 'zh-CN', 'A & B', './main.js');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>A &amp; B</title>');
    expect(html).toContain('<section id="funding" data-layout="chart"><h2>Funding</h2>');
    expect(html).toContain('<aside class="notes"><p>Say "this" & that.</p></aside>');
    expect(html).not.toContain('data-chart');
    expect(html).toContain('<script type="module" src="./main.js"></script>');
  });

  it('uses a built-in theme without web fonts', () => {
    const entry = floorEntry({ width: 1280, height: 720, margin: 0.04 });
    expect(entry).toContain("import 'reveal.js/theme/dracula.css';");
    expect(entry).toContain('width: 1280, height: 720, margin: 0.04');
  });
});
