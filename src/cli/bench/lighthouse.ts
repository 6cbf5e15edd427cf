/**
 * The mobile figures of `npm run bench` (src/cli/bench.ts) and `npm run bench:lighthouse`
 * (src/cli/bench-lighthouse.ts), one implementation: Lighthouse 12.2.3's performance category with its default
 * mobile profile (a mid-range phone: 4× CPU slowdown and Slow 4G, simulated), run through Lighthouse's Node API
 * on Debian's Chromium, which Playwright starts with a remote-debugging port for Lighthouse to connect to.
 *
 * Our deck is served the way `npm run preview` serves it: Vite's preview server with the project's own
 * vite.config.ts (so whatever the project's plugins do to serving applies), pointed at the bench's temporary
 * build. The floor has no config of its own: Vite's preview server with none. Everything on 127.0.0.1, on fixed
 * ports with strictPort.
 */
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { median } from '../bench-lib.ts';
import type { Workspace } from './builds.ts';
import { chromiumArgs, progress, projectRoot } from './shared.ts';

/** One Lighthouse run of one page. */
export interface MobileFigures {
  /** The performance score, 0–100. */
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's total-byte-weight (bytes over the wire). */
  bytes: number;
}

export type MobilePage = 'oursEn' | 'oursZh' | 'floorEn' | 'floorZh';
export const mobilePages: readonly MobilePage[] = ['oursEn', 'oursZh', 'floorEn', 'floorZh'];
export type MobileRuns = Record<MobilePage, MobileFigures[]>;

/**
 * Ports, from `base`: Chromium's debugging port, then our preview server, then the floor's. `npm run bench`
 * and `npm run bench:lighthouse` use different bases, so the two may run side by side.
 */
export const mobilePorts = {
  bench: 44860,
  lighthouse: 44870,
} as const;

/** The median of one figure over the runs of one page. */
export function mobileMedian(runs: MobileRuns, page: MobilePage, key: keyof MobileFigures): number {
  return median(runs[page].map((f) => f[key]));
}

interface Server {
  origin: string;
  close(): Promise<void>;
}

/**
 * A build served by Vite's preview server on 127.0.0.1:`port`: with the project's vite.config.ts (`npm run
 * preview`) when `projectConfig`, with no config otherwise.
 */
export async function servePreview(outDir: string, port: number, projectConfig: boolean): Promise<Server> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { preview } = await import('vite');
  const server = await preview({
    root: projectConfig ? projectRoot : outDir,
    configFile: projectConfig ? join(projectRoot, 'vite.config.ts') : false,
    logLevel: 'silent',
    mode: 'production',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** One Lighthouse run (mobile profile, performance only) of `url` in the Chromium listening on `port`. */
export async function lighthouseRun(url: string, port: number): Promise<MobileFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no result for ${url}.`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const score = lhr.categories.performance?.score;
  return {
    score: typeof score === 'number' ? Math.round(score * 100) : Number.NaN,
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
  };
}

/**
 * Lighthouse `runs` times on each page of our deck and the floor (en: index.html, zh: zh.html), the pages
 * interleaved in each run so they see the same load. `ws.ours` and `ws.floor` must hold the builds.
 */
export async function measureMobile(
  executablePath: string,
  ws: Pick<Workspace, 'ours' | 'floor'>,
  runs: number,
  basePort: number,
): Promise<MobileRuns> {
  const { chromium } = await import('@playwright/test');
  const ours = await servePreview(ws.ours, basePort + 1, true);
  const servers: Server[] = [ours];
  try {
    const floor = await servePreview(ws.floor, basePort + 2, false);
    servers.push(floor);
    const urls: Record<MobilePage, string> = {
      oursEn: `${ours.origin}/`,
      oursZh: `${ours.origin}/zh.html`,
      floorEn: `${floor.origin}/`,
      floorZh: `${floor.origin}/zh.html`,
    };
    const results: MobileRuns = { oursEn: [], oursZh: [], floorEn: [], floorZh: [] };
    const browser = await chromium.launch({
      executablePath,
      args: [...chromiumArgs, `--remote-debugging-port=${basePort}`],
    });
    try {
      for (let run = 1; run <= runs; run++) {
        for (const page of mobilePages) {
          progress(`mobile (Lighthouse) run ${run}/${runs}: ${page}`);
          results[page].push(await lighthouseRun(urls[page], basePort));
        }
      }
    } finally {
      await browser.close();
    }
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
