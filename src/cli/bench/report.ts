/**
 * The figures and the report of `npm run bench` (src/cli/bench.ts): the comparison with the floor, the growth
 * to the synthetic deck and the mobile run, each with its targets and verdicts; printed as Markdown and
 * optionally written as JSON.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { cjkBudgetBytes } from '../../node/fonts.ts';
import {
  formatKb,
  formatMs,
  formatRatio,
  formatTable,
  isChineseFont,
  median,
  medianOfMedians,
  percentile,
  type Target,
  verdict,
} from '../bench-lib.ts';
import type { Builds } from './builds.ts';
import type { FirstPaintBytes } from './first-paint.ts';
import { type MobileFigures, type MobilePage, type MobileRuns, mobileMedian } from './lighthouse.ts';
import type { LoadKey, LoadMetrics, Measurements } from './measure.ts';
import type { Options } from './options.ts';
import type { PdfTimes } from './pdf.ts';
import { say, viewport } from './shared.ts';

/** Each built page's bytes before its first paint (src/cli/bench/first-paint.ts). */
export type FirstPaint = Record<'ours' | 'floor', Record<'en' | 'zh', FirstPaintBytes>>;

/** Everything one bench run measured. `mobile` is null with --no-mobile. */
export type Results = Builds &
  Measurements & {
    firstPaint: FirstPaint;
    mobile: MobileRuns | null;
    pdf: PdfTimes;
    slideCount: number;
  };

/** The floor's next slide, median (of run medians) and p90: what a language switch is judged against. */
export function floorNextSlide(walks: Results['walks']): { median: number; p90: number } {
  const next = walks.floor.map((w) => w.nextSlide);
  return { median: medianOfMedians(next), p90: percentile(next.flat(), 90) };
}

/** The language-switch target: ≤ 1.5× the floor's next slide (its median or p90), the issue's figure. */
export function switchTarget(stat: 'median' | 'p90', reference: number, withValue = false): Target {
  const factor = 1.5;
  const value = withValue ? ` = ${formatMs(factor * reference)}` : '';
  return { kind: 'ratioTo', factor, reference, label: `≤ 1.5× floor next slide (${stat})${value}` };
}

export interface Row {
  metric: string;
  ours: number;
  floor: number;
  format: (n: number) => string;
  target?: Target;
}

export function comparisonTable(rows: readonly Row[]): { text: string; misses: string[] } {
  const misses: string[] = [];
  const body = rows.map((row) => {
    const v = row.target ? verdict(row.target, row.ours, row.floor) : null;
    if (v?.pass === false)
      misses.push(`${row.metric}: ${row.format(row.ours)} (${row.target?.label}) — ${v.text}`);
    return [
      row.metric,
      row.format(row.ours),
      Number.isFinite(row.floor) ? row.format(row.floor) : '—',
      formatRatio(row.ours, row.floor),
      row.target?.label ?? '',
      v?.text ?? '',
    ];
  });
  return { text: formatTable(['metric', 'ours', 'floor', 'ratio', 'target', 'verdict'], body), misses };
}

export function machine(chromium: string, load: readonly string[]): string[] {
  const model = /model name\s*:\s*(.+)/.exec(
    existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '',
  )?.[1];
  return [
    `CPU: ${model ?? cpus()[0]?.model ?? 'unknown'} × ${availableParallelism()} (nproc)`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${chromium} (headless, --disable-gpu)`,
    `load average (1 min) at start and end: ${load.join(' / ')}`,
  ];
}

/** The median of one load metric over the runs of one page. */
function loadMedians(loads: Results['loads']): (key: LoadKey, field: keyof LoadMetrics) => number {
  return (key, field) => median(loads[key].map((m) => m[field]));
}

/** Font bytes: the Chinese fonts in the build, and what each language's deck downloads. */
export function fontTotals(r: Pick<Results, 'ourBytes' | 'census'>): {
  zhChinese: number;
  zhAll: number;
  enAll: number;
  distChinese: number;
} {
  const { census, ourBytes } = r;
  const zhChinese = census.zh.filter((x) => isChineseFont(x.file)).reduce((s, x) => s + x.raw, 0);
  const zhAll = census.zh.reduce((s, x) => s + x.raw, 0);
  const enAll = census.en.reduce((s, x) => s + x.raw, 0);
  const distChinese = ourBytes.fontFiles.filter((x) => isChineseFont(x.file)).reduce((s, x) => s + x.raw, 0);
  return { zhChinese, zhAll, enAll, distChinese };
}

/** The rows of the comparison with the floor. */
export function comparisonRows(
  r: Pick<
    Results,
    'buildMs' | 'ourBytes' | 'floorBytes' | 'census' | 'loads' | 'walks' | 'pdf' | 'firstPaint'
  >,
): Row[] {
  const { buildMs, ourBytes, floorBytes, census, walks, pdf, firstPaint } = r;
  const loadMedian = loadMedians(r.loads);
  const kb = formatKb;
  const o = ourBytes.summary;
  const f = floorBytes.summary;
  const { zhChinese, zhAll, enAll } = fontTotals(r);
  const nextOurs = walks.ours.map((w) => w.nextSlide);
  const nextFloor = walks.floor.map((w) => w.nextSlide);
  const switchOurs = walks.ours.map((w) => w.switches);
  const floorNext = floorNextSlide(walks);
  return [
    { metric: 'build time', ours: median(buildMs.ours), floor: median(buildMs.floor), format: formatMs },
    { metric: 'JS code, raw', ours: o.js.raw, floor: f.js.raw, format: kb },
    { metric: 'JS code, gzip', ours: o.js.gzip, floor: f.js.gzip, format: kb },
    { metric: 'CSS, raw', ours: o.css.raw, floor: f.css.raw, format: kb },
    { metric: 'CSS, gzip', ours: o.css.gzip, floor: f.css.gzip, format: kb },
    {
      metric: 'JS code + CSS, gzip',
      ours: o.js.gzip + o.css.gzip,
      floor: f.js.gzip + f.css.gzip,
      format: kb,
      target: { kind: 'max', limit: 150_000, label: '≤ 150 kB' },
    },
    ...(['en', 'zh'] as const).map(
      (lng): Row => ({
        metric: `before first paint, ${lng}: HTML + render-blocking CSS/JS, gzip (fonts not counted)`,
        ours: firstPaint.ours[lng].gzip,
        floor: firstPaint.floor[lng].gzip,
        format: kb,
        target: { kind: 'max', limit: 60_000, label: '≤ 60 kB' },
      }),
    ),
    {
      metric: 'JS files as shipped (code + inlined data and content), gzip',
      ours: ourBytes.jsFiles.gzip,
      floor: floorBytes.jsFiles.gzip,
      format: kb,
    },
    { metric: 'fonts in the build, raw', ours: o.fonts.raw, floor: f.fonts.raw, format: kb },
    { metric: 'fonts in the build, gzip', ours: o.fonts.gzip, floor: f.fonts.gzip, format: kb },
    {
      metric: 'Chinese fonts downloaded, whole zh deck',
      ours: zhChinese,
      floor: census.floorZh,
      format: kb,
      // The Chinese font's budget for the whole deck (src/node/fonts.ts): 320 KiB.
      target: { kind: 'max', limit: cjkBudgetBytes, label: `≤ ${formatKb(cjkBudgetBytes)} (320 KiB)` },
    },
    { metric: 'all fonts downloaded, whole zh deck', ours: zhAll, floor: census.floorZh, format: kb },
    { metric: 'all fonts downloaded, whole en deck', ours: enAll, floor: 0, format: kb },
    { metric: 'data, raw', ours: o.data.raw, floor: f.data.raw, format: kb },
    { metric: 'data, gzip', ours: o.data.gzip, floor: f.data.gzip, format: kb },
    {
      metric: 'content (slides, notes, strings; both languages), raw',
      ours: o.content.raw,
      floor: f.content.raw,
      format: kb,
    },
    { metric: 'content, gzip', ours: o.content.gzip, floor: f.content.gzip, format: kb },
    {
      metric: 'First Contentful Paint, en',
      ours: loadMedian('oursEn', 'fcp'),
      floor: loadMedian('floorEn', 'fcp'),
      format: formatMs,
    },
    {
      metric: 'Largest Contentful Paint, en',
      ours: loadMedian('oursEn', 'lcp'),
      floor: loadMedian('floorEn', 'lcp'),
      format: formatMs,
      target: { kind: 'ratio', factor: 1.1, label: '≤ 1.1× floor' },
    },
    {
      metric: 'First Contentful Paint, zh',
      ours: loadMedian('oursZh', 'fcp'),
      floor: loadMedian('floorZh', 'fcp'),
      format: formatMs,
    },
    {
      metric: 'Largest Contentful Paint, zh',
      ours: loadMedian('oursZh', 'lcp'),
      floor: loadMedian('floorZh', 'lcp'),
      format: formatMs,
      target: { kind: 'ratio', factor: 1.1, label: '≤ 1.1× floor' },
    },
    {
      metric: 'load event, en',
      ours: loadMedian('oursEn', 'load'),
      floor: loadMedian('floorEn', 'load'),
      format: formatMs,
    },
    {
      metric: 'reveal ready, en',
      ours: loadMedian('oursEn', 'ready'),
      floor: loadMedian('floorEn', 'ready'),
      format: formatMs,
    },
    {
      metric: 'ArrowRight → next slide shown (median)',
      ours: medianOfMedians(nextOurs),
      floor: medianOfMedians(nextFloor),
      format: formatMs,
      target: { kind: 'ratio', factor: 1.2, label: '≤ 1.2× floor' },
    },
    {
      metric: 'ArrowRight → next slide shown (p90)',
      ours: percentile(nextOurs.flat(), 90),
      floor: percentile(nextFloor.flat(), 90),
      format: formatMs,
      target: { kind: 'ratio', factor: 1.2, label: '≤ 1.2× floor' },
    },
    // The floor has no language switch: its column holds the floor's next slide, which the switch is judged by.
    {
      metric: 'language switch (median); floor: its next slide (median)',
      ours: medianOfMedians(switchOurs),
      floor: floorNext.median,
      format: formatMs,
      target: switchTarget('median', floorNext.median),
    },
    {
      metric: 'language switch (p90); floor: its next slide (p90)',
      ours: percentile(switchOurs.flat(), 90),
      floor: floorNext.p90,
      format: formatMs,
      target: switchTarget('p90', floorNext.p90),
    },
    { metric: 'export:pdf, en + zh', ours: median(pdf.ours), floor: median(pdf.floor), format: formatMs },
  ];
}

const formatScore = (n: number): string => (Number.isFinite(n) ? String(Math.round(n)) : 'n/a');
const formatCls = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');

/** The rows of the mobile run: Lighthouse's medians for our pages, the floor's beside them. */
export function mobileRows(mobile: MobileRuns): Row[] {
  const figure = (
    metric: string,
    key: keyof MobileFigures,
    format: (n: number) => string,
    target?: Target,
  ): Row[] =>
    (['en', 'zh'] as const).map((lng) => {
      const [ours, floor]: [MobilePage, MobilePage] =
        lng === 'en' ? ['oursEn', 'floorEn'] : ['oursZh', 'floorZh'];
      return {
        metric: `${metric}, ${lng}`,
        ours: mobileMedian(mobile, ours, key),
        floor: mobileMedian(mobile, floor, key),
        format,
        ...(target ? { target } : {}),
      };
    });
  return [
    ...figure('mobile LCP', 'lcp', formatMs, { kind: 'max', limit: 2000, label: '≤ 2.0 s' }),
    ...figure('mobile total blocking time', 'tbt', formatMs, { kind: 'max', limit: 200, label: '≤ 200 ms' }),
    ...figure('Lighthouse performance score', 'score', formatScore, {
      kind: 'min',
      limit: 90,
      label: '≥ 90',
    }),
    ...figure('mobile CLS', 'cls', formatCls),
    ...figure('mobile bytes transferred', 'bytes', formatKb),
  ];
}

export interface GrowthRow {
  metric: string;
  small: number;
  large: number;
  target: Target;
}

/** The rows of the growth from our deck to the synthetic deck. */
export function growthRows(
  r: Pick<Results, 'buildMs' | 'loads' | 'walks' | 'synthSwitches' | 'sample'>,
): GrowthRow[] {
  const { buildMs, sample, synthSwitches } = r;
  const loadMedian = loadMedians(r.loads);
  const switchOurs = r.walks.ours.map((w) => w.switches);
  // Our deck's switches on the sampled slides, the same slides whose copies are switched on in the large deck.
  const sampled = switchOurs.map((run) => sample.map((x) => run[x.kind] ?? Number.NaN));
  const floorNext = floorNextSlide(r.walks);
  return [
    {
      metric: 'build time',
      small: median(buildMs.ours),
      large: median(buildMs.synth),
      target: { kind: 'linear', label: 'no worse than linear' },
    },
    {
      metric: 'load: LCP',
      small: loadMedian('oursEn', 'lcp'),
      large: loadMedian('synthEn', 'lcp'),
      target: { kind: 'linear', label: 'no worse than linear' },
    },
    {
      metric: 'load: load event',
      small: loadMedian('oursEn', 'load'),
      large: loadMedian('synthEn', 'load'),
      target: { kind: 'linear', label: 'no worse than linear' },
    },
    {
      metric: 'load: reveal ready',
      small: loadMedian('oursEn', 'ready'),
      large: loadMedian('synthEn', 'ready'),
      target: { kind: 'linear', label: 'no worse than linear' },
    },
    {
      metric: `language switch (median, ${sample.length} slides)`,
      small: medianOfMedians(sampled),
      large: medianOfMedians(synthSwitches),
      target: switchTarget('median', floorNext.median, true),
    },
    {
      metric: `language switch (p90, ${sample.length} slides)`,
      small: percentile(sampled.flat(), 90),
      large: percentile(synthSwitches.flat(), 90),
      target: switchTarget('p90', floorNext.p90, true),
    },
  ];
}

/** The growth table, its verdicts judged against the growth in slides. */
export function growthTable(
  rows: readonly GrowthRow[],
  slideCount: number,
  synthSlides: number,
): { text: string; misses: string[] } {
  const slideFactor = synthSlides / slideCount;
  const misses: string[] = [];
  const text = formatTable(
    ['metric', `${slideCount} slides`, `${synthSlides} slides`, 'growth', 'slides', 'target', 'verdict'],
    rows.map((r) => {
      const factor = r.large / r.small;
      const v =
        r.target.kind === 'linear' ? verdict(r.target, factor, slideFactor) : verdict(r.target, r.large);
      if (v.pass === false)
        misses.push(`${synthSlides} slides, ${r.metric}: ${formatMs(r.large)} — ${v.text}`);
      return [
        r.metric,
        formatMs(r.small),
        formatMs(r.large),
        Number.isFinite(factor) ? `${factor.toFixed(2)}×` : 'n/a',
        `${slideFactor.toFixed(2)}×`,
        r.target.label,
        v.text,
      ];
    }),
  );
  return { text, misses };
}

/**
 * The report on stdout (Markdown) and, with `--json`, every figure as JSON. `loadSeen` is the load average at
 * start and end; `startedAll` when the run began (performance.now()).
 */
export function report(r: Results, options: Options, loadSeen: readonly string[], startedAll: number): void {
  const { slideCount, synthSlides, chromiumVersion, ourBytes, floorBytes, census, pdf } = r;
  const o = ourBytes.summary;
  const { zhAll, enAll, distChinese } = fontTotals(r);
  const rows = comparisonRows(r);
  const comparison = comparisonTable(rows);
  const growth = growthTable(growthRows(r), slideCount, synthSlides);
  const mobile = r.mobile ? comparisonTable(mobileRows(r.mobile)) : null;
  const firstPaintMissing = Object.entries(r.firstPaint).flatMap(([deck, pages]) =>
    Object.entries(pages).flatMap(([lng, bytes]) => bytes.missing.map((m) => `${deck} ${lng}: ${m}`)),
  );
  const date = new Date().toISOString().slice(0, 10);
  say();
  say(`## Benchmark, ${date}`);
  say();
  for (const line of machine(chromiumVersion, loadSeen)) say(`- ${line}`);
  say(
    `- ${options.runs} browser runs (fresh context, cold cache, ${viewport.width}×${viewport.height}), ${options.buildRuns} builds, ${options.pdfRuns} PDF runs per deck; medians. kB = 1,000 bytes.`,
  );
  say(
    `- floor: reveal.js 6 with its dracula theme and the notes plugin, the same ${slideCount} slides without charts.`,
  );
  say();
  say(comparison.text);
  say();
  say(
    '"Before first paint": the built page (index.html for en, zh.html for zh) and every file that blocks its first render (stylesheets whose media can match a screen, classic scripts in <head> without async/defer), each gzip -9; module scripts are deferred, fonts and preloads not counted (src/cli/bench/first-paint.ts).',
  );
  if (firstPaintMissing.length > 0)
    say(`Render-blocking files not in the build, not counted: ${firstPaintMissing.join('; ')}.`);
  say(
    "Language switch: the floor has no switch, so its column holds the floor's next slide of the same run, which the switch is judged by.",
  );
  if (pdf.note) say(`\nexport:pdf: ${pdf.note}`);
  say();
  say(
    `Dist fonts: ${formatKb(o.fonts.raw)} in ${ourBytes.fontFiles.length} files, of which Chinese (Noto Sans SC) ${formatKb(distChinese)}.`,
  );
  say(
    `Fonts downloaded: zh deck ${census.zh.length} files (${formatKb(zhAll)}), en deck ${census.en.length} files (${formatKb(enAll)}).`,
  );
  say();
  say(`### Growth: ${slideCount} → ${synthSlides} slides per language`);
  say();
  say(growth.text);
  say();
  say(
    `### Mobile: Lighthouse 12.2.3, mobile profile (simulated Slow 4G, 4× CPU slowdown), ${options.runs} runs per page, medians`,
  );
  say();
  if (mobile) {
    say(
      "Ours served as `npm run preview` serves it (Vite's preview server, the project's vite.config.ts); the floor by Vite's preview server with no config. en: index.html, zh: zh.html.",
    );
    say();
    say(mobile.text);
  } else say('Skipped (--no-mobile).');
  const misses = [...comparison.misses, ...growth.misses, ...(mobile?.misses ?? [])];
  say();
  say(misses.length === 0 ? 'Every target met.' : `Missed:\n${misses.map((m) => `- ${m}`).join('\n')}`);
  say();
  say(`(${((performance.now() - startedAll) / 1000).toFixed(0)} s in all)`);

  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify(
        {
          date,
          machine: machine(chromiumVersion, loadSeen),
          options,
          slides: { deck: slideCount, synthetic: synthSlides },
          buildMs: r.buildMs,
          bytes: {
            ours: o,
            floor: floorBytes.summary,
            jsFilesAsShipped: { ours: ourBytes.jsFiles, floor: floorBytes.jsFiles },
          },
          fonts: { dist: ourBytes.fontFiles, downloaded: census },
          loads: r.loads,
          walks: r.walks,
          synthSwitches: r.synthSwitches,
          firstPaint: r.firstPaint,
          mobile: r.mobile,
          pdf,
          rows: [...rows, ...(r.mobile ? mobileRows(r.mobile) : [])].map((row) => ({
            metric: row.metric,
            ours: row.ours,
            floor: row.floor,
          })),
        },
        null,
        2,
      )}\n`,
    );
  }
}
