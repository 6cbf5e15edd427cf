/**
 * `npm run bench`: how our deck compares with a floor, a plain reveal.js 6 deck of the same slides (no charts,
 * no i18n, no custom theme, no web fonts), built and measured in the same run; and how build, load and
 * language switch grow on a synthetic deck of 300 slides per language. A benchmark, not a test: it exits 0
 * when a target is missed and says by how much.
 *
 * Everything is built into a temporary folder (the project's dist/ is never touched), served on 127.0.0.1 and
 * measured in Debian's Chromium with a fresh browser context (cold cache) per run; figures are medians.
 *
 *   npm run bench                          5 browser runs, 3 builds, 3 PDF exports (≈ 5 min on 2 cores)
 *   npm run bench -- --quick               3 browser runs, 1 build, 1 PDF export
 *   npm run bench -- --json bench.json     also write every figure as JSON
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { loadDeck, readSlideFiles } from '../node/assemble-deck.ts';
import { slideLayout } from '../shared/layout.ts';
import {
  addBytes,
  type ByteCount,
  type ByteSummary,
  type ChunkPart,
  classifyFile,
  classifyModule,
  emptySummary,
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
  splitChunk,
  spreadSample,
  synthesizeDeck,
  type Target,
  verdict,
} from './bench-lib.ts';
import { benchInitScript } from './bench-page.ts';
import { serveDist as serveStatic } from './export/session.ts';
import { chromiumHelp, findChromium } from './find-chromium.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const chromiumArgs = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'];
const viewport = { width: 1280, height: 720 };

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const startedAt = performance.now();
const progress = (line: string): void => {
  process.stderr.write(`· ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
};
/** Slides of the large synthetic deck to switch language on (and the same slides of the real deck). */
const switchSamples = 8;

interface Options {
  runs: number;
  buildRuns: number;
  pdfRuns: number;
  slides: number;
  settle: number;
  json: string | null;
  keep: boolean;
}

const usage = `Usage: npm run bench -- [options]

  --runs N         browser runs per measurement, each in a fresh context (default 5)
  --build-runs N   builds of each deck (default 3)
  --pdf-runs N     export:pdf runs (default 3; 0 skips the PDF timing)
  --slides N       slides per language in the synthetic deck (default 300)
  --settle MS      pause after reaching a slide before timing a key press or switch (default 300)
  --quick          --runs 3 --build-runs 1 --pdf-runs 1
  --json FILE      also write the figures as JSON
  --keep           keep the temporary builds (their folder is printed)`;

function parseOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string' },
      'build-runs': { type: 'string' },
      'pdf-runs': { type: 'string' },
      slides: { type: 'string' },
      settle: { type: 'string' },
      quick: { type: 'boolean' },
      json: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const count = (value: string | undefined, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`expected a whole number ≥ ${min}, not "${value}".`);
    return n;
  };
  const quick = values.quick === true;
  return {
    runs: count(values.runs, quick ? 3 : 5, 1),
    buildRuns: count(values['build-runs'], quick ? 1 : 3, 1),
    pdfRuns: count(values['pdf-runs'], quick ? 1 : 3, 0),
    slides: count(values.slides, 300, 2),
    settle: count(values.settle, 300, 0),
    json: values.json ?? null,
    keep: values.keep === true,
  };
}

// ─── the decks to measure ────────────────────────────────────────────────────────────────────────────────

export interface Workspace {
  base: string;
  ours: string;
  floorSrc: string;
  floor: string;
  synthRoot: string;
  synth: string;
}

function link(target: string, path: string): void {
  symlinkSync(target, path, statSync(target).isDirectory() ? 'dir' : 'file');
}

/** The floor's sources: index.html (English) and zh.html (Chinese), one tiny entry, node_modules linked. */
export function writeFloorSources(dir: string): number {
  mkdirSync(dir, { recursive: true });
  link(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  const deck = loadDeck(projectRoot);
  const title = (lng: string) =>
    (
      JSON.parse(readFileSync(join(projectRoot, 'src/i18n/locales', lng, 'ui.json'), 'utf8')) as {
        deck: { title: string };
      }
    ).deck.title;
  writeFileSync(join(dir, 'main.js'), floorEntry(slideLayout));
  writeFileSync(join(dir, 'index.html'), floorPage(deck.en, 'en', title('en'), './main.js'));
  writeFileSync(join(dir, 'zh.html'), floorPage(deck.zh, 'zh-CN', title('zh'), './main.js'));
  return deck.en.length;
}

/**
 * A project root whose slides/ holds the synthetic deck; everything else (src, data, public, node_modules,
 * package.json) is linked to the real project and vite.config.ts is copied, so the build is the project's own.
 */
function writeSyntheticRoot(dir: string, perLng: number): void {
  mkdirSync(dir, { recursive: true });
  for (const name of ['src', 'data', 'public', 'node_modules', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(projectRoot, name))) link(join(projectRoot, name), join(dir, name));
  }
  copyFileSync(join(projectRoot, 'vite.config.ts'), join(dir, 'vite.config.ts'));
  copyFileSync(join(projectRoot, 'index.html'), join(dir, 'index.html'));
  const files = readSlideFiles(projectRoot).map((f) => ({
    lng: f.lng,
    name: f.file.split('/').pop() ?? f.file,
    text: f.text,
  }));
  for (const file of synthesizeDeck(files, perLng)) {
    mkdirSync(join(dir, 'slides', file.lng), { recursive: true });
    writeFileSync(join(dir, 'slides', file.lng, file.name), file.text);
  }
}

interface ChunkModules {
  fileName: string;
  modules: { id: string; code: string }[];
}

/** The JS chunks of a Vite build result and the modules in each. */
function chunksOf(result: unknown): ChunkModules[] {
  const outputs = Array.isArray(result) ? result : [result];
  const chunks: ChunkModules[] = [];
  for (const output of outputs) {
    if (!output || typeof output !== 'object' || !('output' in output)) continue;
    for (const item of (output as { output: unknown[] }).output) {
      const chunk = item as {
        type?: string;
        fileName?: string;
        modules?: Record<string, { code?: string | null }>;
      };
      if (chunk.type !== 'chunk' || !chunk.fileName || !chunk.modules) continue;
      chunks.push({
        fileName: chunk.fileName,
        modules: Object.entries(chunk.modules).map(([id, m]) => ({ id, code: m.code ?? '' })),
      });
    }
  }
  return chunks;
}

type BuildKind = 'ours' | 'floor' | 'synth';

export async function buildDeck(
  kind: BuildKind,
  ws: Workspace,
): Promise<{ ms: number; chunks: ChunkModules[] }> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  const common = { logLevel: 'error' as const, clearScreen: false, mode: 'production' };
  const started = performance.now();
  let result: unknown;
  if (kind === 'floor') {
    result = await build({
      ...common,
      root: ws.floorSrc,
      configFile: false,
      build: {
        outDir: ws.floor,
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: {
          input: { index: join(ws.floorSrc, 'index.html'), zh: join(ws.floorSrc, 'zh.html') },
        },
      },
    });
  } else {
    const root = kind === 'ours' ? projectRoot : ws.synthRoot;
    result = await build({
      ...common,
      root,
      configFile: join(root, 'vite.config.ts'),
      build: { outDir: kind === 'ours' ? ws.ours : ws.synth, emptyOutDir: true },
    });
  }
  return { ms: performance.now() - started, chunks: chunksOf(result) };
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A module's text as it would ship minified: compact JSON for JSON files, the rendered code otherwise. */
function moduleText(id: string, code: string): string {
  const path = id.split('?')[0] ?? id;
  if (path.endsWith('.json') && existsSync(path)) {
    try {
      return JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return code;
    }
  }
  return code;
}

interface BuildBytes {
  summary: ByteSummary;
  /** The .js files as they are, before data and content are split out. */
  jsFiles: ByteCount;
  fontFiles: { file: string; raw: number }[];
}

/** Every file of a build by category, raw and gzip; data and content inlined in JS chunks split out. */
function measureBuild(outDir: string, chunks: readonly ChunkModules[]): BuildBytes {
  const summary = emptySummary();
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const fontFiles: { file: string; raw: number }[] = [];
  const jsFiles: ByteCount = { raw: 0, gzip: 0 };
  for (const path of walkFiles(outDir)) {
    const rel = relative(outDir, path).split(sep).join('/');
    const bytes = readFileSync(path);
    const count: ByteCount = { raw: bytes.byteLength, gzip: gzipSize(bytes) };
    const category = classifyFile(rel);
    const chunk = byFile.get(rel);
    if (category === 'js') {
      jsFiles.raw += count.raw;
      jsFiles.gzip += count.gzip;
    }
    if (category === 'js' && chunk) {
      const parts: ChunkPart[] = chunk.modules
        .map((m) => ({ category: classifyModule(m.id), text: moduleText(m.id, m.code) }))
        .filter((p): p is ChunkPart => p.category !== 'js');
      const split = splitChunk(count, parts);
      addBytes(summary, 'js', split.js);
      addBytes(summary, 'data', split.data);
      addBytes(summary, 'content', split.content);
    } else {
      addBytes(summary, category, count);
    }
    if (category === 'fonts') fontFiles.push({ file: rel, raw: count.raw });
  }
  return { summary, jsFiles, fontFiles };
}

// ─── in the browser ──────────────────────────────────────────────────────────────────────────────────────

interface LoadMetrics {
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
  await page.waitForFunction('window.Reveal && window.Reveal.isReady && window.Reveal.isReady()', null, {
    timeout: 60_000,
    polling: 20,
  });
  return (await page.evaluate('window.__bench.loadMetrics()')) as LoadMetrics;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface WalkResult {
  nextSlide: number[];
  switches: number[];
}

/**
 * Through every slide: each at its last fragment, a language switch there (when the deck has a toggle), then
 * ArrowRight to the next slide. `settle` ms pass before each measurement so animations end.
 */
async function walkDeck(
  page: Page,
  slides: number,
  withSwitch: boolean,
  settle: number,
): Promise<WalkResult> {
  const result: WalkResult = { nextSlide: [], switches: [] };
  for (let i = 0; i < slides; i++) {
    await page.evaluate(`window.__bench.jump(${i})`);
    await pause(settle);
    if (withSwitch) {
      result.switches.push((await page.evaluate('window.__bench.switchLanguage()')) as number);
      await pause(settle);
    }
    if (i === slides - 1) break;
    await page.evaluate('window.__bench.armNextSlide()');
    await page.keyboard.press('ArrowRight');
    result.nextSlide.push((await page.evaluate('window.__bench.nextSlide')) as number);
  }
  return result;
}

async function switchesAt(page: Page, indices: readonly number[], settle: number): Promise<number[]> {
  const times: number[] = [];
  for (const i of indices) {
    await page.evaluate(`window.__bench.jump(${i})`);
    await pause(settle);
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

// ─── PDF ─────────────────────────────────────────────────────────────────────────────────────────────────

function timeCommand(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ ms: number; ok: boolean; output: string }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('close', (code) => done({ ms: performance.now() - started, ok: code === 0, output }));
    child.on('error', (error) => done({ ms: Number.NaN, ok: false, output: error.message }));
  });
}

/**
 * A copy of the project in which the real export:pdf CLI prints our bench build: src/ and package.json copied
 * (the CLI finds the project root from its own path), node_modules linked, dist/ linked to the bench build.
 */
function writePdfRoot(dir: string, dist: string): void {
  mkdirSync(dir, { recursive: true });
  cpSync(join(projectRoot, 'src'), join(dir, 'src'), { recursive: true });
  for (const name of ['package.json', 'tsconfig.json'])
    copyFileSync(join(projectRoot, name), join(dir, name));
  link(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  link(dist, join(dir, 'dist'));
}

/** `bench.ts --print-floor DIR --out DIR`: the floor's PDFs, the way export:pdf prints ours (one Chromium, reveal's print view). */
async function printFloor(dist: string, out: string): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  const { chromium } = await import('@playwright/test');
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    mkdirSync(out, { recursive: true });
    for (const [lng, page] of [
      ['en', 'index.html'],
      ['zh', 'zh.html'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1331, height: 748 } });
      try {
        const tab = await context.newPage();
        await tab.addInitScript(
          "window.addEventListener('pdf-ready', () => { document.documentElement.dataset.pdfReady = 'true'; }, { capture: true, once: true });",
        );
        await tab.goto(`${server.origin}/${page}?print-pdf`, { waitUntil: 'load' });
        await tab.waitForFunction("document.documentElement.dataset.pdfReady === 'true'", null, {
          timeout: 30_000,
        });
        await tab.evaluate('document.fonts.ready');
        const pdf = await tab.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true });
        writeFileSync(join(out, `floor-${lng}.pdf`), pdf);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

// ─── the report ──────────────────────────────────────────────────────────────────────────────────────────

interface Row {
  metric: string;
  ours: number;
  floor: number;
  format: (n: number) => string;
  target?: Target;
}

function comparisonTable(rows: readonly Row[]): { text: string; misses: string[] } {
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

function machine(chromium: string, load: readonly string[]): string[] {
  const model = /model name\s*:\s*(.+)/.exec(
    existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '',
  )?.[1];
  return [
    `CPU: ${model ?? cpus()[0]?.model ?? 'unknown'} × ${availableParallelism()} (nproc)`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${chromium} (headless, --disable-gpu)`,
    `load average (1 min) at start and end: ${load.join(' / ')}`,
  ];
}

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
  const ws: Workspace = {
    base,
    ours: join(base, 'ours'),
    floorSrc: join(base, 'floor-src'),
    floor: join(base, 'floor'),
    synthRoot: join(base, 'synth-root'),
    synth: join(base, 'synth'),
  };
  try {
    const slideCount = writeFloorSources(ws.floorSrc);
    writeSyntheticRoot(ws.synthRoot, options.slides);

    // Builds, interleaved so the three see the same warm-up.
    const buildMs: Record<BuildKind, number[]> = { ours: [], floor: [], synth: [] };
    const lastChunks: Record<BuildKind, ChunkModules[]> = { ours: [], floor: [], synth: [] };
    for (let run = 1; run <= options.buildRuns; run++) {
      for (const kind of ['ours', 'floor', 'synth'] as const) {
        progress(`build ${kind} (${run}/${options.buildRuns})`);
        const { ms, chunks } = await buildDeck(kind, ws);
        buildMs[kind].push(ms);
        lastChunks[kind] = chunks;
      }
    }
    const ourBytes = measureBuild(ws.ours, lastChunks.ours);
    const floorBytes = measureBuild(ws.floor, lastChunks.floor);

    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    const chromiumVersion = `Chromium ${browser.version()}`;
    const servers = {
      ours: await serveStatic(ws.ours),
      floor: await serveStatic(ws.floor),
      synth: await serveStatic(ws.synth),
    };
    const urls = {
      oursEn: `${servers.ours.origin}/?lng=en`,
      // The zh page itself (src/node/first-slide.ts); /?lng=zh would be sent there by its inline script.
      oursZh: `${servers.ours.origin}/zh.html`,
      floorEn: `${servers.floor.origin}/`,
      floorZh: `${servers.floor.origin}/zh.html`,
      synthEn: `${servers.synth.origin}/?lng=en`,
    };
    const loads: Record<keyof typeof urls, LoadMetrics[]> = {
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
    let census: {
      en: { file: string; raw: number }[];
      zh: { file: string; raw: number }[];
      floorZh: number;
    } = {
      en: [],
      zh: [],
      floorZh: 0,
    };
    try {
      for (let run = 1; run <= options.runs; run++) {
        progress(`browser run ${run}/${options.runs}: loads`);
        for (const key of Object.keys(urls) as (keyof typeof urls)[]) {
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

    // PDF: our export:pdf CLI on the bench build, and the floor printed the same way, interleaved.
    const pdf = { ours: [] as number[], floor: [] as number[], note: '' };
    const exportCli = join(projectRoot, 'src/cli/export.ts');
    const tsx = join(projectRoot, 'node_modules/.bin/tsx');
    if (options.pdfRuns > 0 && existsSync(exportCli)) {
      const pdfRoot = join(base, 'pdf-root');
      writePdfRoot(pdfRoot, ws.ours);
      for (let run = 1; run <= options.pdfRuns; run++) {
        progress(`export:pdf (${run}/${options.pdfRuns})`);
        const ours = await timeCommand(
          tsx,
          ['src/cli/export.ts', 'pdf', '--no-build', '--out', join(base, 'pdf-out')],
          pdfRoot,
        );
        if (ours.ok) pdf.ours.push(ours.ms);
        else pdf.note = `export:pdf failed: ${ours.output.trim().split('\n').slice(-3).join(' / ')}`;
        const floor = await timeCommand(
          tsx,
          [fileURLToPath(import.meta.url), '--print-floor', ws.floor, '--out', join(base, 'pdf-floor')],
          projectRoot,
        );
        if (floor.ok) pdf.floor.push(floor.ms);
        else pdf.note = `floor print failed: ${floor.output.trim().split('\n').slice(-3).join(' / ')}`;
      }
    } else {
      pdf.note = options.pdfRuns === 0 ? 'skipped (--pdf-runs 0)' : 'n/a (export:pdf not available)';
    }

    // ─── figures ───
    const loadMedian = (key: keyof typeof urls, field: keyof LoadMetrics) =>
      median(loads[key].map((m) => m[field]));
    const kb = formatKb;
    const o = ourBytes.summary;
    const f = floorBytes.summary;
    const zhChinese = census.zh.filter((x) => isChineseFont(x.file)).reduce((s, x) => s + x.raw, 0);
    const zhAll = census.zh.reduce((s, x) => s + x.raw, 0);
    const enAll = census.en.reduce((s, x) => s + x.raw, 0);
    const distChinese = ourBytes.fontFiles
      .filter((x) => isChineseFont(x.file))
      .reduce((s, x) => s + x.raw, 0);
    const nextOurs = walks.ours.map((w) => w.nextSlide);
    const nextFloor = walks.floor.map((w) => w.nextSlide);
    const switchOurs = walks.ours.map((w) => w.switches);
    const rows: Row[] = [
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
        target: { kind: 'max', limit: 300_000, label: '≤ 300 kB' },
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
        target: { kind: 'ratio', factor: 1.2, label: '≤ 1.2× floor' },
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
        target: { kind: 'ratio', factor: 1.2, label: '≤ 1.2× floor' },
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
      },
      {
        metric: 'language switch (median)',
        ours: medianOfMedians(switchOurs),
        floor: Number.NaN,
        format: formatMs,
        target: { kind: 'max', limit: 50, label: '≤ 50 ms' },
      },
      {
        metric: 'language switch (p90)',
        ours: percentile(switchOurs.flat(), 90),
        floor: Number.NaN,
        format: formatMs,
      },
      { metric: 'export:pdf, en + zh', ours: median(pdf.ours), floor: median(pdf.floor), format: formatMs },
    ];
    const comparison = comparisonTable(rows);

    const slideFactor = synthSlides / slideCount;
    const growthRows: { metric: string; small: number; large: number; target: Target }[] = [
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
        small: medianOfMedians(switchOurs.map((run) => sample.map((x) => run[x.kind] ?? Number.NaN))),
        large: medianOfMedians(synthSwitches),
        target: { kind: 'max', limit: 200, label: '≤ 200 ms' },
      },
    ];
    const growthMisses: string[] = [];
    const growth = formatTable(
      ['metric', `${slideCount} slides`, `${synthSlides} slides`, 'growth', 'slides', 'target', 'verdict'],
      growthRows.map((r) => {
        const factor = r.large / r.small;
        const v =
          r.target.kind === 'linear' ? verdict(r.target, factor, slideFactor) : verdict(r.target, r.large);
        if (v.pass === false)
          growthMisses.push(`${synthSlides} slides, ${r.metric}: ${formatMs(r.large)} — ${v.text}`);
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

    loadSeen.push(loadavg()[0]?.toFixed(1) ?? '?');
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
    say(growth);
    const misses = [...comparison.misses, ...growthMisses];
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
            buildMs,
            bytes: {
              ours: o,
              floor: f,
              jsFilesAsShipped: { ours: ourBytes.jsFiles, floor: floorBytes.jsFiles },
            },
            fonts: { dist: ourBytes.fontFiles, downloaded: census },
            loads,
            walks,
            synthSwitches,
            pdf,
            rows: rows.map((r) => ({ metric: r.metric, ours: r.ours, floor: r.floor })),
          },
          null,
          2,
        )}\n`,
      );
    }
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
