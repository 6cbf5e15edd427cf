/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3's performance category, its default mobile profile (a mid-range
 * phone: 4× CPU slowdown and Slow 4G, simulated), on our deck and on the bench's floor (a plain reveal.js deck
 * of the same slides, src/cli/bench.ts) built and measured in the same run, each page in both languages. A
 * benchmark, not a test: it prints medians and ratios, and exits 0 when a target is missed.
 *
 * The builds go to a temporary folder (never dist/) and are served by Vite's preview server (`npm run preview`)
 * on 127.0.0.1, without compression, the way
 * the issue's first figures were taken. Chromium is Debian's (src/cli/find-chromium.ts), driven by Playwright
 * with a remote-debugging port that Lighthouse connects to.
 *
 *   npm run bench:lighthouse                  3 runs per page
 *   npm run bench:lighthouse -- --runs 5
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { buildDeck, type Workspace, writeFloorSources } from './bench.ts';
import { median } from './bench-lib.ts';
import { serveDist as serveStatic } from './export/session.ts';
import { chromiumHelp, findChromium } from './find-chromium.ts';

interface Figures {
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
}

const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, port: { type: 'string', default: '4478' } },
  });
  const runs = Number(values.runs);
  const port = Number(values.port);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: expected a whole number ≥ 1, not "${values.runs}".`);
  const executablePath = findChromium();
  if (!executablePath) {
    process.stderr.write(`${chromiumHelp}\n`);
    return 1;
  }
  const base = mkdtempSync(join(tmpdir(), 'chuhai-lighthouse-'));
  const ws: Workspace = {
    base,
    ours: join(base, 'ours'),
    floorSrc: join(base, 'floor-src'),
    floor: join(base, 'floor'),
    synthRoot: join(base, 'synth-root'),
    synth: join(base, 'synth'),
  };
  const { chromium } = await import('@playwright/test');
  try {
    writeFloorSources(ws.floorSrc);
    process.stderr.write('· building ours and the floor\n');
    await buildDeck('ours', ws);
    await buildDeck('floor', ws);
    const ours = await serveStatic(ws.ours);
    const floor = await serveStatic(ws.floor);
    const pages = {
      'ours, en': `${ours.origin}/`,
      'ours, zh': `${ours.origin}/zh.html`,
      'floor, en': `${floor.origin}/`,
      'floor, zh': `${floor.origin}/zh.html`,
    };
    const results: Record<string, Figures[]> = {};
    const browser = await chromium.launch({
      executablePath,
      args: ['--disable-gpu', '--disable-dev-shm-usage', `--remote-debugging-port=${port}`],
    });
    try {
      for (let run = 1; run <= runs; run++) {
        for (const [name, url] of Object.entries(pages)) {
          process.stderr.write(`· run ${run}/${runs}: ${name}\n`);
          const result = await lighthouse(url, {
            port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
          });
          const lhr = result?.lhr;
          if (!lhr) throw new Error(`Lighthouse returned no result for ${url}.`);
          if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
          const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
          results[name] ??= [];
          results[name].push({
            score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
            lcp: audit('largest-contentful-paint'),
            tbt: audit('total-blocking-time'),
            cls: audit('cumulative-layout-shift'),
            bytes: audit('total-byte-weight'),
          });
        }
      }
    } finally {
      await browser.close();
      await ours.close();
      await floor.close();
    }
    const m = (name: string, key: keyof Figures) => median((results[name] ?? []).map((f) => f[key]));
    say(`## Lighthouse 12.2.3, mobile profile (simulated Slow 4G, 4× CPU), ${runs} runs per page, medians`);
    say();
    say('| page | performance | LCP | TBT | CLS | bytes | LCP vs floor | target |');
    say('|---|---|---|---|---|---|---|---|');
    for (const name of Object.keys(pages)) {
      const lng = name.endsWith('zh') ? 'zh' : 'en';
      const lcp = m(name, 'lcp');
      const ratio = name.startsWith('ours') ? `${(lcp / m(`floor, ${lng}`, 'lcp')).toFixed(2)}×` : '';
      const target = name.startsWith('ours')
        ? [
            m(name, 'score') >= 90 ? 'score PASS' : `score MISS (${m(name, 'score')} < 90)`,
            lcp <= 2000 ? 'LCP PASS' : 'LCP MISS (> 2.0 s)',
            m(name, 'tbt') <= 200 ? 'TBT PASS' : 'TBT MISS (> 200 ms)',
          ].join(', ')
        : '';
      say(
        `| ${name} | ${m(name, 'score')} | ${(lcp / 1000).toFixed(2)} s | ${Math.round(m(name, 'tbt'))} ms | ${m(name, 'cls').toFixed(3)} | ${(m(name, 'bytes') / 1024).toFixed(0)} KiB | ${ratio} | ${target} |`,
      );
    }
    return 0;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
