import { describe, expect, it } from 'vitest';
import type { FirstPaintBytes } from '../../../../src/cli/bench/first-paint';
import type { MobileFigures } from '../../../../src/cli/bench/lighthouse';
import type { LoadMetrics } from '../../../../src/cli/bench/measure';
import {
  comparisonRows,
  comparisonTable,
  fontTotals,
  growthRows,
  growthTable,
  mobileRows,
  type Results,
  type Row,
} from '../../../../src/cli/bench/report';
import { emptySummary, formatMs, median } from '../../../../src/cli/bench-lib';

const load = (ms: number, slides = 24): LoadMetrics => ({
  fcp: ms,
  lcp: ms + 10,
  load: ms + 20,
  ready: ms + 30,
  slides,
});

const paint = (gzip: number): FirstPaintBytes => ({
  parts: [{ path: 'index.html', kind: 'page', raw: gzip * 3, gzip }],
  raw: gzip * 3,
  gzip,
  missing: [],
});

const phone = (score: number, lcp: number, tbt: number): MobileFigures => ({
  score,
  lcp,
  tbt,
  cls: 0,
  bytes: 400_000,
});

/** A small run: two browser runs, two builds, made-up but consistent figures. */
function results(): Results {
  const ours = emptySummary();
  ours.js = { raw: 500_000, gzip: 120_000 };
  ours.css = { raw: 90_000, gzip: 20_000 };
  ours.fonts = { raw: 400_000, gzip: 401_000 };
  const floor = emptySummary();
  floor.js = { raw: 180_000, gzip: 50_000 };
  floor.css = { raw: 60_000, gzip: 12_000 };
  return {
    slideCount: 24,
    synthSlides: 48,
    chromiumVersion: 'Chromium test',
    buildMs: { ours: [1000, 3000], floor: [400, 600], synth: [2000, 2400] },
    ourBytes: {
      summary: ours,
      jsFiles: { raw: 700_000, gzip: 200_000 },
      fontFiles: [
        { file: 'assets/noto-sans-sc-chinese-simplified-400-normal.woff2', raw: 300_000 },
        { file: 'assets/inter-latin-400-normal.woff2', raw: 100_000 },
      ],
    },
    floorBytes: { summary: floor, jsFiles: { raw: 180_000, gzip: 50_000 }, fontFiles: [] },
    loads: {
      oursEn: [load(600), load(800)],
      oursZh: [load(400), load(500)],
      floorEn: [load(200), load(300)],
      floorZh: [load(250), load(350)],
      synthEn: [load(900, 48), load(1100, 48)],
    },
    walks: {
      ours: [
        { nextSlide: [20, 30, 40], switches: [10, 20, 30, 40] },
        { nextSlide: [25, 35, 45], switches: [15, 25, 35, 45] },
      ],
      floor: [
        { nextSlide: [20, 20, 20], switches: [] },
        { nextSlide: [30, 30, 30], switches: [] },
      ],
    },
    synthSwitches: [
      [50, 70],
      [60, 80],
    ],
    sample: [
      { kind: 0, index: 0 },
      { kind: 3, index: 27 },
    ],
    census: {
      en: [{ file: '/assets/inter-latin-400-normal.woff2', raw: 40_000 }],
      zh: [
        { file: '/assets/noto-sans-sc-chinese-simplified-400-normal.woff2', raw: 250_000 },
        { file: '/assets/inter-latin-400-normal.woff2', raw: 40_000 },
      ],
      floorZh: 0,
    },
    firstPaint: {
      ours: { en: paint(23_000), zh: paint(61_000) },
      floor: { en: paint(12_000), zh: paint(12_500) },
    },
    mobile: {
      oursEn: [phone(94, 1600, 150), phone(90, 1800, 190), phone(80, 2400, 400)],
      oursZh: [phone(84, 2850, 470), phone(86, 2500, 300), phone(88, 2200, 250)],
      floorEn: [phone(98, 900, 20), phone(99, 800, 10), phone(97, 1000, 30)],
      floorZh: [phone(98, 950, 20), phone(98, 850, 10), phone(98, 900, 30)],
    },
    pdf: { ours: [], floor: [], note: 'skipped (--pdf-runs 0)' },
  };
}

const rowNamed = <R extends { metric: string }>(rows: readonly R[], metric: string): R => {
  const row = rows.find((r) => r.metric === metric);
  if (!row) throw new Error(`no row "${metric}"`);
  return row;
};

describe('bench figures', () => {
  it('sums font bytes, telling Chinese fonts apart', () => {
    const r = results();
    const totals = fontTotals(r);
    const zh = r.census.zh;
    expect(totals.zhAll).toBe(zh.reduce((s, x) => s + x.raw, 0));
    expect(totals.zhChinese).toBe(zh[0]?.raw);
    expect(totals.enAll).toBe(r.census.en[0]?.raw);
    expect(totals.distChinese).toBe(r.ourBytes.fontFiles[0]?.raw);
  });

  it('compares with the floor: medians of the runs, sums of categories', () => {
    const r = results();
    const rows = comparisonRows(r);
    const build = rowNamed(rows, 'build time');
    expect(build.ours).toBe(median(r.buildMs.ours));
    expect(build.floor).toBe(median(r.buildMs.floor));
    const code = rowNamed(rows, 'JS code + CSS, gzip');
    expect(code.ours).toBe(r.ourBytes.summary.js.gzip + r.ourBytes.summary.css.gzip);
    expect(code.floor).toBe(r.floorBytes.summary.js.gzip + r.floorBytes.summary.css.gzip);
    expect(rowNamed(rows, 'Largest Contentful Paint, zh').ours).toBe(
      median(r.loads.oursZh.map((m) => m.lcp)),
    );
    expect(rowNamed(rows, 'ArrowRight → next slide shown (p90)').floor).toBe(30);
    expect(rowNamed(rows, 'Chinese fonts downloaded, whole zh deck').ours).toBe(fontTotals(r).zhChinese);
    expect(rowNamed(rows, 'export:pdf, en + zh').ours).toBeNaN();
    expect(new Set(rows.map((row) => row.metric)).size).toBe(rows.length);
  });

  it('targets LCP at 1.1× the floor and the next slide at 1.2×, median and p90', () => {
    const rows = comparisonRows(results());
    for (const metric of ['Largest Contentful Paint, en', 'Largest Contentful Paint, zh'])
      expect(rowNamed(rows, metric).target).toMatchObject({ kind: 'ratio', factor: 1.1 });
    for (const stat of ['median', 'p90'])
      expect(rowNamed(rows, `ArrowRight → next slide shown (${stat})`).target).toMatchObject({
        kind: 'ratio',
        factor: 1.2,
      });
    // No absolute time target is left in the comparison.
    expect(rows.filter((row) => row.target?.kind === 'max' && row.format === formatMs)).toEqual([]);
  });

  it("judges the language switch by 1.5× the floor's next slide, median by median and p90 by p90", () => {
    const r = results();
    const rows = comparisonRows(r);
    const med = rowNamed(rows, 'language switch (median); floor: its next slide (median)');
    // Floor's next slide: run medians 20 and 30 → 25; p90 of [20,20,20,30,30,30] → 30.
    expect(med).toMatchObject({ floor: 25, target: { kind: 'ratioTo', factor: 1.5, reference: 25 } });
    expect(med.ours).toBe(median([median([10, 20, 30, 40]), median([15, 25, 35, 45])]));
    const p90 = rowNamed(rows, 'language switch (p90); floor: its next slide (p90)');
    expect(p90).toMatchObject({ ours: 45, floor: 30, target: { kind: 'ratioTo', reference: 30 } });
    expect(p90.target?.label).toBe('≤ 1.5× floor next slide (p90)');
    const table = comparisonTable([med, p90]);
    // 27.5 ms ≤ 37.5 ms passes; 45 ms ≤ 45 ms passes. The ratio column is ours ÷ the floor's next slide.
    expect(table.misses).toEqual([]);
    expect(table.text).toMatch(/\| 28 ms \| 25 ms \| 1\.10× \| ≤ 1\.5× floor next slide \(median\) \| PASS/);
    expect(table.text).toMatch(/\| 45 ms \| 30 ms \| 1\.50× \| ≤ 1\.5× floor next slide \(p90\) +\| PASS/);
  });

  it('counts the bytes before first paint per language against 60 kB', () => {
    const table = comparisonTable(comparisonRows(results()));
    const en = table.text.split('\n').find((l) => l.startsWith('| before first paint, en'));
    expect(en).toMatch(/23\.0 kB +\| 12\.0 kB .*≤ 60 kB +\| PASS/);
    expect(table.misses.filter((m) => m.startsWith('before first paint'))).toEqual([
      expect.stringMatching(/^before first paint, zh: .* MISS by 2%$/),
    ]);
  });

  it('gives the mobile figures, ours against their targets and the floor beside them', () => {
    const mobile = results().mobile;
    if (!mobile) throw new Error('the fixture has mobile figures');
    const rows = mobileRows(mobile);
    expect(rowNamed(rows, 'mobile LCP, en')).toMatchObject({ ours: 1800, floor: 900 });
    expect(rowNamed(rows, 'Lighthouse performance score, zh')).toMatchObject({
      ours: 86,
      floor: 98,
      target: { kind: 'min', limit: 90 },
    });
    const table = comparisonTable(rows);
    expect(table.misses).toEqual([
      expect.stringMatching(/^mobile LCP, zh: 2\.50 s \(≤ 2\.0 s\) — MISS by 25%$/),
      expect.stringMatching(/^mobile total blocking time, zh: 300 ms/),
      expect.stringMatching(/^Lighthouse performance score, zh: 86 \(≥ 90\) — MISS by 4%$/),
    ]);
    expect(table.text.split('\n').find((l) => l.startsWith('| Lighthouse performance score, en'))).toMatch(
      /\| 90 +\| 98 .*≥ 90 +\| PASS/,
    );
  });

  it('judges the comparison against its targets and lists each miss', () => {
    const rows: Row[] = [
      {
        metric: 'fast',
        ours: 10,
        floor: 10,
        format: formatMs,
        target: { kind: 'ratio', factor: 1.2, label: 'r' },
      },
      {
        metric: 'slow',
        ours: 30,
        floor: 10,
        format: formatMs,
        target: { kind: 'ratio', factor: 1.2, label: 'r' },
      },
      { metric: 'untargeted', ours: 5, floor: Number.NaN, format: formatMs },
    ];
    const table = comparisonTable(rows);
    expect(table.misses).toHaveLength(1);
    expect(table.misses[0]).toMatch(/^slow: /);
    const lines = table.text.split('\n');
    expect(lines[0]).toMatch(/\| metric +\| ours +\| floor +\| ratio +\| target +\| verdict +\|/);
    expect(lines.find((l) => l.startsWith('| untargeted'))).toContain('—');
    expect(lines.find((l) => l.startsWith('| fast'))).toContain('PASS');
  });

  it('measures growth on the same slides of both decks', () => {
    const r = results();
    const rows = growthRows(r);
    expect(rowNamed(rows, 'build time')).toMatchObject({
      small: median(r.buildMs.ours),
      large: median(r.buildMs.synth),
    });
    const switchRow = rowNamed(rows, `language switch (median, ${r.sample.length} slides)`);
    // Our deck's switches at the sampled kinds (slides 0 and 3) against all the synthetic deck's switches.
    expect(switchRow).toMatchObject({ small: median([median([10, 40]), median([15, 45])]), large: 65 });
    expect(switchRow.target).toMatchObject({ kind: 'ratioTo', factor: 1.5, reference: 25 });
    expect(switchRow.target.label).toBe('≤ 1.5× floor next slide (median) = 38 ms');
    const p90 = rowNamed(rows, `language switch (p90, ${r.sample.length} slides)`);
    expect(p90).toMatchObject({ small: 45, large: 80, target: { kind: 'ratioTo', reference: 30 } });
    const table = growthTable(rows, r.slideCount, r.synthSlides);
    expect(table.misses).toEqual([
      expect.stringMatching(/language switch \(median, 2 slides\): 65 ms — MISS by 73%$/),
      expect.stringMatching(/language switch \(p90, 2 slides\): 80 ms — MISS by 78%$/),
    ]);
    expect(table.text).not.toContain('≤ 200 ms');
  });

  it('judges linear growth against the growth in slides', () => {
    const linear = { kind: 'linear', label: 'no worse than linear' } as const;
    const table = growthTable(
      [
        { metric: 'grows in step', small: 100, large: 190, target: linear },
        { metric: 'grows too fast', small: 100, large: 400, target: linear },
        { metric: 'capped', small: 10, large: 300, target: { kind: 'max', limit: 200, label: '≤ 200 ms' } },
      ],
      10,
      20,
    );
    expect(table.misses).toEqual([
      expect.stringMatching(/^20 slides, grows too fast: /),
      expect.stringMatching(/^20 slides, capped: /),
    ]);
    const lines = table.text.split('\n');
    expect(lines[0]).toContain('| 10 slides');
    expect(lines[0]).toContain('| 20 slides');
    expect(lines.find((l) => l.startsWith('| grows in step'))).toMatch(/1\.90× +\| 2\.00× .*PASS/);
  });
});
