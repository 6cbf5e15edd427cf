/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3's performance category, its default mobile profile (a mid-range
 * phone: 4× CPU slowdown and Slow 4G, simulated), on our deck and on the bench's floor (a plain reveal.js deck
 * of the same slides, src/cli/bench.ts) built and measured in the same run, each page in both languages. A
 * benchmark, not a test: it prints medians and ratios, and exits 0 when a target is missed. `npm run bench`
 * takes the same figures in its mobile run; both use src/cli/bench/lighthouse.ts.
 *
 * The builds go to a temporary folder (never dist/). Ours is served as `npm run preview` serves it (Vite's
 * preview server with the project's vite.config.ts), the floor by Vite's preview server with no config, both
 * on 127.0.0.1. Chromium is Debian's (src/cli/find-chromium.ts), driven by Playwright with a remote-debugging
 * port that Lighthouse connects to; the preview servers take the next two ports.
 *
 *   npm run bench:lighthouse                  3 runs per page
 *   npm run bench:lighthouse -- --runs 5
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDeck, workspaceIn, writeFloorSources } from './bench/builds.ts';
import {
  type MobileFigures,
  type MobilePage,
  measureMobile,
  mobileMedian,
  mobilePages,
  mobilePorts,
} from './bench/lighthouse.ts';
import { chromiumHelp, findChromium } from './find-chromium.ts';

const say = (line = '') => process.stdout.write(`${line}\n`);

const names: Record<MobilePage, string> = {
  oursEn: 'ours, en',
  oursZh: 'ours, zh',
  floorEn: 'floor, en',
  floorZh: 'floor, zh',
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      port: { type: 'string', default: String(mobilePorts.lighthouse) },
    },
  });
  const runs = Number(values.runs);
  const port = Number(values.port);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: expected a whole number ≥ 1, not "${values.runs}".`);
  if (!Number.isInteger(port) || port < 44800 || port > 44897)
    throw new Error(
      `--port: expected a port from 44800 to 44897 (it and the next two), not "${values.port}".`,
    );
  const executablePath = findChromium();
  if (!executablePath) {
    process.stderr.write(`${chromiumHelp}\n`);
    return 1;
  }
  const ws = workspaceIn(mkdtempSync(join(tmpdir(), 'chuhai-lighthouse-')));
  try {
    writeFloorSources(ws.floorSrc);
    process.stderr.write('· building ours and the floor\n');
    await buildDeck('ours', ws);
    await buildDeck('floor', ws);
    const results = await measureMobile(executablePath, ws, runs, port);
    const m = (page: MobilePage, key: keyof MobileFigures) => mobileMedian(results, page, key);
    say(`## Lighthouse 12.2.3, mobile profile (simulated Slow 4G, 4× CPU), ${runs} runs per page, medians`);
    say();
    say('| page | performance | LCP | TBT | CLS | bytes | LCP vs floor | target |');
    say('|---|---|---|---|---|---|---|---|');
    for (const page of mobilePages) {
      const ours = page.startsWith('ours');
      const lcp = m(page, 'lcp');
      const floorPage: MobilePage = page.endsWith('Zh') ? 'floorZh' : 'floorEn';
      const ratio = ours ? `${(lcp / m(floorPage, 'lcp')).toFixed(2)}×` : '';
      const target = ours
        ? [
            m(page, 'score') >= 90 ? 'score PASS' : `score MISS (${m(page, 'score')} < 90)`,
            lcp <= 2000 ? 'LCP PASS' : 'LCP MISS (> 2.0 s)',
            m(page, 'tbt') <= 200 ? 'TBT PASS' : 'TBT MISS (> 200 ms)',
          ].join(', ')
        : '';
      say(
        `| ${names[page]} | ${m(page, 'score')} | ${(lcp / 1000).toFixed(2)} s | ${Math.round(m(page, 'tbt'))} ms | ${m(page, 'cls').toFixed(3)} | ${(m(page, 'bytes') / 1024).toFixed(0)} KiB | ${ratio} | ${target} |`,
      );
    }
    return 0;
  } finally {
    rmSync(ws.base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
