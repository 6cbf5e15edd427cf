import { describe, expect, it } from 'vitest';
import type { LoadMetrics } from '../../../../src/cli/bench/measure';
import {
  comparisonRows,
  comparisonTable,
  fontTotals,
  growthRows,
  growthTable,
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
    expect(rowNamed(rows, 'language switch (median)').floor).toBeNaN();
    expect(rowNamed(rows, 'export:pdf, en + zh').ours).toBeNaN();
    expect(new Set(rows.map((row) => row.metric)).size).toBe(rows.length);
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
