/**
 * `npm run bench`: how our deck compares with a floor, a plain reveal.js 6 deck of the same slides (no charts,
 * no i18n, no custom theme, no web fonts), built and measured in the same run; how build, load and language
 * switch grow on a synthetic deck of 300 slides per language; and, last, Lighthouse's mobile profile on both
 * decks' pages (src/cli/bench/lighthouse.ts). A benchmark, not a test: it exits 0 when a target is missed
 * and says by how much.
 *
 * Everything is built into a temporary folder (the project's dist/ is never touched), served on 127.0.0.1 and
 * measured in Debian's Chromium with a fresh browser context (cold cache) per run; figures are medians.
 *
 *   npm run bench                          5 browser runs, 3 builds, 3 PDF exports, 5 Lighthouse runs per page
 *                                          (≈ 12 min on 2 cores)
 *   npm run bench -- --quick               3 browser runs, 1 build, 1 PDF export, 3 Lighthouse runs per page
 *   npm run bench -- --json bench.json     also write every figure as JSON
 *   npm run bench -- --no-mobile           without the mobile run (Lighthouse, ≈ 20 s per page and run)
 *
 * The phases live in src/cli/bench/: options.ts, builds.ts, first-paint.ts (bytes before the first paint),
 * measure.ts (in the browser), lighthouse.ts (the mobile run), pdf.ts and report.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBuilds, workspaceIn, writeFloorSources, writeSyntheticRoot } from './bench/builds.ts';
import { firstPaintOf } from './bench/first-paint.ts';
import { measureMobile, mobilePorts } from './bench/lighthouse.ts';
import { measureInBrowser } from './bench/measure.ts';
import { type Options, parseOptions, usage } from './bench/options.ts';
import { printFloor, timePdf } from './bench/pdf.ts';
import { report } from './bench/report.ts';
import { progress, say } from './bench/shared.ts';
import { chromiumHelp, findChromium } from './find-chromium.ts';

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--print-floor') {
    const out = argv[argv.indexOf('--out') + 1];
    if (!argv[1] || !out) throw new Error('--print-floor DIR --out DIR');
    return printFloor(argv[1], out);
  }
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  if (options === 'help') {
    say(usage);
    return 0;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    process.stderr.write(`${chromiumHelp}\n`);
    return 1;
  }
  const startedAll = performance.now();
  const loadSeen = [loadavg()[0]?.toFixed(1) ?? '?'];
  const base = mkdtempSync(join(tmpdir(), 'chuhai-bench-'));
  const ws = workspaceIn(base);
  try {
    const slideCount = writeFloorSources(ws.floorSrc);
    writeSyntheticRoot(ws.synthRoot, options.slides);
    const builds = await runBuilds(ws, options.buildRuns);
    // The pages as built: index.html is English, zh.html Chinese (src/node/first-slide.ts; the floor's alike).
    const firstPaint = {
      ours: { en: firstPaintOf(ws.ours, 'index.html'), zh: firstPaintOf(ws.ours, 'zh.html') },
      floor: { en: firstPaintOf(ws.floor, 'index.html'), zh: firstPaintOf(ws.floor, 'zh.html') },
    };
    const measured = await measureInBrowser(executablePath, ws, slideCount, options);
    const mobile = options.mobile
      ? await measureMobile(executablePath, ws, options.runs, mobilePorts.bench)
      : null;
    const pdf = await timePdf(options.pdfRuns, ws);
    loadSeen.push(loadavg()[0]?.toFixed(1) ?? '?');
    report({ ...builds, ...measured, firstPaint, mobile, pdf, slideCount }, options, loadSeen, startedAll);
    return 0;
  } finally {
    if (options.keep) progress(`builds kept in ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
