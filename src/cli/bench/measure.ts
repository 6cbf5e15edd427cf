/**
 * The browser phase of `npm run bench` (src/cli/bench.ts): each deck served on 127.0.0.1 and measured in
 * Chromium with a fresh context (cold cache) per run: loads, next slide, language switch, fonts downloaded.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { classifyFile, spreadSample } from '../bench-lib.ts';
import { benchInitScript } from '../bench-page.ts';
import { serveDist as serveStatic } from '../export/session.ts';
import type { Workspace } from './builds.ts';
import type { Options } from './options.ts';
import { chromiumArgs, progress, viewport } from './shared.ts';

/** Slides of the large synthetic deck to switch language on (and the same slides of the real deck). */
const switchSamples = 8;

export interface LoadMetrics {
  fcp: number;
  lcp: number;
  load: number;
  ready: number;
  slides: number;
}

async function withPage<T>(
  browser: Browser,
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US' });
  try {
    await context.addInitScript(benchInitScript);
    const page = await context.newPage();
    return await run(page, context);
  } finally {
    await context.close();
  }
}

async function openDeck(page: Page, url: string): Promise<LoadMetrics> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // A function, not an expression: Playwright evals an expression again on every poll, which the deck's CSP
  // (no 'unsafe-eval') refuses once the first check, run through DevTools, has found reveal not yet ready.
  await page.waitForFunction(
    '() => window.Reveal && window.Reveal.isReady && window.Reveal.isReady()',
    null,
    {
      timeout: 60_000,
      polling: 20,
    },
  );
  return (await page.evaluate('window.__bench.loadMetrics()')) as LoadMetrics;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface WalkResult {
  nextSlide: number[];
  switches: number[];
}

/** Waits, at most `cap` ms, until the page is settled (bench-page.ts: no CSS transition, charts idle). */
async function settle(page: Page, cap: number): Promise<void> {
  await page.evaluate(`window.__bench.settle(${cap})`);
}

/**
 * Through every slide: each at its last fragment, a language switch there (when the deck has a toggle), then
 * ArrowRight to the next slide. Each measurement starts on a settled page (at most `settleCap` ms of waiting):
 * a switch or a key press timed while the last one's slide move or a chart's steps still run measures both.
 */
async function walkDeck(
  page: Page,
  slides: number,
  withSwitch: boolean,
  settleCap: number,
): Promise<WalkResult> {
  const result: WalkResult = { nextSlide: [], switches: [] };
  for (let i = 0; i < slides; i++) {
    await page.evaluate(`window.__bench.jump(${i})`);
    await settle(page, settleCap);
    if (withSwitch) {
      result.switches.push((await page.evaluate('window.__bench.switchLanguage()')) as number);
      await settle(page, settleCap);
    }
    if (i === slides - 1) break;
    await page.evaluate('window.__bench.armNextSlide()');
    await page.keyboard.press('ArrowRight');
    result.nextSlide.push((await page.evaluate('window.__bench.nextSlide')) as number);
  }
  return result;
}

async function switchesAt(page: Page, indices: readonly number[], settleCap: number): Promise<number[]> {
  const times: number[] = [];
  for (const i of indices) {
    await page.evaluate(`window.__bench.jump(${i})`);
    await settle(page, settleCap);
    times.push((await page.evaluate('window.__bench.switchLanguage()')) as number);
  }
  return times;
}

/** The font files a deck downloads when every slide is shown at its last fragment. */
async function fontCensus(
  browser: Browser,
  url: string,
  slides: number,
): Promise<{ file: string; raw: number }[]> {
  return withPage(browser, async (page) => {
    const bodies: Promise<{ file: string; raw: number } | null>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (classifyFile(path) !== 'fonts') return;
      bodies.push(
        response.body().then(
          (body) => ({ file: path, raw: body.byteLength }),
          () => null,
        ),
      );
    });
    await openDeck(page, url);
    for (let i = 0; i < slides; i++) {
      await page.evaluate(`window.__bench.jump(${i})`);
      await pause(60);
    }
    await page.evaluate('document.fonts.ready.then(() => new Promise((done) => setTimeout(done, 500)))');
    return (await Promise.all(bodies)).filter((b): b is { file: string; raw: number } => b !== null);
  });
}

export type FontFile = { file: string; raw: number };

export interface FontCensus {
  en: FontFile[];
  zh: FontFile[];
  floorZh: number;
}

export type LoadKey = 'oursEn' | 'oursZh' | 'floorEn' | 'floorZh' | 'synthEn';

export interface Measurements {
  chromiumVersion: string;
  loads: Record<LoadKey, LoadMetrics[]>;
  walks: { ours: WalkResult[]; floor: WalkResult[] };
  synthSwitches: number[][];
  /** The slides of the real deck whose copies in the synthetic deck are switched on. */
  sample: { kind: number; index: number }[];
  synthSlides: number;
  census: FontCensus;
}

/** Every browser measurement of the three built decks, `options.runs` times each. */
export async function measureInBrowser(
  executablePath: string,
  ws: Workspace,
  slideCount: number,
  options: Options,
): Promise<Measurements> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const chromiumVersion = `Chromium ${browser.version()}`;
  const servers = {
    ours: await serveStatic(ws.ours),
    floor: await serveStatic(ws.floor),
    synth: await serveStatic(ws.synth),
  };
  const urls: Record<LoadKey, string> = {
    oursEn: `${servers.ours.origin}/?lng=en`,
    // The zh page itself (src/node/first-slide.ts); /?lng=zh would be sent there by its inline script.
    oursZh: `${servers.ours.origin}/zh.html`,
    floorEn: `${servers.floor.origin}/`,
    floorZh: `${servers.floor.origin}/zh.html`,
    synthEn: `${servers.synth.origin}/?lng=en`,
  };
  const loads: Record<LoadKey, LoadMetrics[]> = {
    oursEn: [],
    oursZh: [],
    floorEn: [],
    floorZh: [],
    synthEn: [],
  };
  const walks = { ours: [] as WalkResult[], floor: [] as WalkResult[] };
  const synthSwitches: number[][] = [];
  const sample = spreadSample(slideCount, options.slides, switchSamples);
  let synthSlides = 0;
  let census: FontCensus = {
    en: [],
    zh: [],
    floorZh: 0,
  };
  try {
    for (let run = 1; run <= options.runs; run++) {
      progress(`browser run ${run}/${options.runs}: loads`);
      for (const key of Object.keys(urls) as LoadKey[]) {
        const metrics = await withPage(browser, (page) => openDeck(page, urls[key]));
        loads[key].push(metrics);
        if (key === 'synthEn') synthSlides = metrics.slides;
      }
      progress(`browser run ${run}/${options.runs}: next slide and language switch`);
      walks.ours.push(
        await withPage(browser, async (page) => {
          await openDeck(page, urls.oursEn);
          return walkDeck(page, slideCount, true, options.settle);
        }),
      );
      walks.floor.push(
        await withPage(browser, async (page) => {
          await openDeck(page, urls.floorEn);
          return walkDeck(page, slideCount, false, options.settle);
        }),
      );
      progress(`browser run ${run}/${options.runs}: language switch on ${options.slides} slides`);
      synthSwitches.push(
        await withPage(browser, async (page) => {
          await openDeck(page, urls.synthEn);
          return switchesAt(
            page,
            sample.map((s) => s.index),
            options.settle,
          );
        }),
      );
    }
    progress('fonts downloaded by each deck');
    census = {
      en: await fontCensus(browser, urls.oursEn, slideCount),
      zh: await fontCensus(browser, urls.oursZh, slideCount),
      floorZh: (await fontCensus(browser, urls.floorZh, slideCount)).reduce((s, f) => s + f.raw, 0),
    };
  } finally {
    await browser.close();
    await Promise.all(Object.values(servers).map((s) => s.close()));
  }
  return { chromiumVersion, loads, walks, synthSwitches, sample, synthSlides, census };
}
