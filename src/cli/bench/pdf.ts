/**
 * The PDF phase of `npm run bench` (src/cli/bench.ts): our export:pdf CLI timed on the bench build, and the
 * floor printed the same way by `bench.ts --print-floor`.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist as serveStatic } from '../export/session.ts';
import { chromiumHelp, findChromium } from '../find-chromium.ts';
import { link, type Workspace } from './builds.ts';
import { chromiumArgs, progress, projectRoot } from './shared.ts';

/** The bench's entry, which prints the floor when given `--print-floor`. */
const benchEntry = fileURLToPath(new URL('../bench.ts', import.meta.url));

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
export async function printFloor(dist: string, out: string): Promise<number> {
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

export interface PdfTimes {
  ours: number[];
  floor: number[];
  note: string;
}

/** Our export:pdf CLI on the bench build, and the floor printed the same way, interleaved, `runs` times. */
export async function timePdf(runs: number, ws: Workspace): Promise<PdfTimes> {
  const pdf: PdfTimes = { ours: [], floor: [], note: '' };
  const exportCli = join(projectRoot, 'src/cli/export.ts');
  const tsx = join(projectRoot, 'node_modules/.bin/tsx');
  if (runs > 0 && existsSync(exportCli)) {
    const pdfRoot = join(ws.base, 'pdf-root');
    writePdfRoot(pdfRoot, ws.ours);
    for (let run = 1; run <= runs; run++) {
      progress(`export:pdf (${run}/${runs})`);
      const ours = await timeCommand(
        tsx,
        ['src/cli/export.ts', 'pdf', '--no-build', '--out', join(ws.base, 'pdf-out')],
        pdfRoot,
      );
      if (ours.ok) pdf.ours.push(ours.ms);
      else pdf.note = `export:pdf failed: ${ours.output.trim().split('\n').slice(-3).join(' / ')}`;
      const floor = await timeCommand(
        tsx,
        [benchEntry, '--print-floor', ws.floor, '--out', join(ws.base, 'pdf-floor')],
        projectRoot,
      );
      if (floor.ok) pdf.floor.push(floor.ms);
      else pdf.note = `floor print failed: ${floor.output.trim().split('\n').slice(-3).join(' / ')}`;
    }
  } else {
    pdf.note = runs === 0 ? 'skipped (--pdf-runs 0)' : 'n/a (export:pdf not available)';
  }
  return pdf;
}
