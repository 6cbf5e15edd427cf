/**
 * The decks `npm run bench` (src/cli/bench.ts) measures: ours, the floor (a plain reveal.js deck of the same
 * slides) and a synthetic deck of many slides; their sources, their builds, and the bytes of each build.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadDeck, readSlideFiles } from '../../node/assemble-deck.ts';
import { slideLayout } from '../../shared/layout.ts';
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
  gzipSize,
  splitChunk,
  synthesizeDeck,
} from '../bench-lib.ts';
import { progress, projectRoot } from './shared.ts';

export interface Workspace {
  base: string;
  ours: string;
  floorSrc: string;
  floor: string;
  synthRoot: string;
  synth: string;
}

export function link(target: string, path: string): void {
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
export function writeSyntheticRoot(dir: string, perLng: number): void {
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

export interface ChunkModules {
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

export type BuildKind = 'ours' | 'floor' | 'synth';

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

/** The build's files, without the precompressed twins (.br, .gz) of deck:compress: they are the same bytes. */
function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walkFiles(join(dir, entry.name))
      : /\.(br|gz)$/.test(entry.name)
        ? []
        : [join(dir, entry.name)],
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

export interface BuildBytes {
  summary: ByteSummary;
  /** The .js files as they are, before data and content are split out. */
  jsFiles: ByteCount;
  fontFiles: { file: string; raw: number }[];
}

/** Every file of a build by category, raw and gzip; data and content inlined in JS chunks split out. */
export function measureBuild(outDir: string, chunks: readonly ChunkModules[]): BuildBytes {
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

export interface Builds {
  buildMs: Record<BuildKind, number[]>;
  ourBytes: BuildBytes;
  floorBytes: BuildBytes;
}

/** Every deck built `runs` times, interleaved so the three see the same warm-up; the last builds' bytes. */
export async function runBuilds(ws: Workspace, runs: number): Promise<Builds> {
  const buildMs: Record<BuildKind, number[]> = { ours: [], floor: [], synth: [] };
  const lastChunks: Record<BuildKind, ChunkModules[]> = { ours: [], floor: [], synth: [] };
  for (let run = 1; run <= runs; run++) {
    for (const kind of ['ours', 'floor', 'synth'] as const) {
      progress(`build ${kind} (${run}/${runs})`);
      const { ms, chunks } = await buildDeck(kind, ws);
      buildMs[kind].push(ms);
      lastChunks[kind] = chunks;
    }
  }
  return {
    buildMs,
    ourBytes: measureBuild(ws.ours, lastChunks.ours),
    floorBytes: measureBuild(ws.floor, lastChunks.floor),
  };
}

/** The folders of one bench run under `base`. */
export function workspaceIn(base: string): Workspace {
  return {
    base,
    ours: join(base, 'ours'),
    floorSrc: join(base, 'floor-src'),
    floor: join(base, 'floor'),
    synthRoot: join(base, 'synth-root'),
    synth: join(base, 'synth'),
  };
}
