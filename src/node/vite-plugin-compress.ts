import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { createStaticHandler } from '../server/http.ts';

/**
 * `deck:compress`: after `vite build` has written everything (the pages deck:slides emits late, zh.html, and the
 * copied public/ files included), writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next
 * to each text file of the output, so a server sends the smallest form without compressing on every request.
 * `npm run build` then only adds the link-preview PNGs (dist/og/, already compressed); it rewrites no page, so no
 * twin goes stale. The same plugin has `npm run preview` serve the twins with the deck's cache policy
 * (src/server/cache-policy.ts). `DECK_COMPRESS=0` builds without twins.
 */

/** Text formats worth compressing. Fonts (woff2) and images (png, jpg, webp, avif) are compressed already. */
export const compressibleExtensions: ReadonlySet<string> = new Set([
  '.js',
  '.mjs',
  '.cjs',
  '.css',
  '.html',
  '.htm',
  '.svg',
  '.json',
  '.map',
  '.txt',
  '.xml',
  '.csv',
  '.webmanifest',
  '.wasm',
]);

export const twinExtensions = { br: '.br', gzip: '.gz' } as const;
type Twin = keyof typeof twinExtensions;

export interface CompressOptions {
  /** Files smaller than this are sent as they are (a few hundred bytes fit in the first packets anyway). */
  minBytes?: number;
  /** A twin is written only if it is at least this fraction smaller than the file. */
  minSaving?: number;
  /** Where compressed results are kept by content hash, so a rebuild recompresses only what changed; false: none. */
  cacheDir?: string | false;
}

export interface CompressReport {
  /** Files given at least one twin. */
  files: number;
  /** Their size as they are, and the sum of each kind of twin (bytes). */
  rawBytes: number;
  brBytes: number;
  gzipBytes: number;
  /** Compressible files left without twins (too small, or compression saved too little). */
  skipped: number;
  /** Twins taken from the cache rather than compressed. */
  cached: number;
}

const defaults = { minBytes: 1024, minSaving: 0.1 };
/** Part of the cache key: a change of settings (or of zlib) makes new entries. */
const settings = `br11-gz9-${process.versions.zlib}-${process.versions.brotli ?? ''}`;
/** The cache keeps this many entries, the most recently used. */
const cacheEntries = 400;

export const isCompressible = (file: string): boolean =>
  compressibleExtensions.has(extname(file).toLowerCase());

const compressors: Record<Twin, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }),
  gzip: (data) => promisify(gzip)(data, { level: 9 }),
};

/** Whether a twin of `compressed` bytes is worth keeping for a file of `raw` bytes. */
export function worthKeeping(raw: number, compressed: number, options: CompressOptions = {}): boolean {
  const minBytes = options.minBytes ?? defaults.minBytes;
  const minSaving = options.minSaving ?? defaults.minSaving;
  return raw >= minBytes && compressed <= raw * (1 - minSaving);
}

/** Writes a file whole or not at all: a temporary name in the same folder, then a rename. */
async function writeAtomic(file: string, data: Buffer): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function createCache(dir: string | false) {
  const used = new Set<string>();
  const path = (key: string, twin: Twin) => (dir ? join(dir, `${key}${twinExtensions[twin]}`) : '');
  return {
    async get(key: string, twin: Twin): Promise<Buffer | undefined> {
      if (!dir) return undefined;
      try {
        const data = await readFile(path(key, twin));
        used.add(path(key, twin));
        return data;
      } catch {
        return undefined;
      }
    },
    async set(key: string, twin: Twin, data: Buffer): Promise<void> {
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      await writeAtomic(path(key, twin), data);
      used.add(path(key, twin));
    },
    /** Marks this build's entries as recently used and drops the oldest beyond the limit. */
    async prune(): Promise<void> {
      if (!dir) return;
      const now = new Date();
      await Promise.all([...used].map((file) => utimes(file, now, now).catch(() => {})));
      const entries = await readdir(dir).catch(() => []);
      const aged = await Promise.all(
        entries
          .filter((name) => /^[0-9a-f]{32}\.(br|gz)$/.test(name))
          .map(async (name) => ({ file: join(dir, name), mtime: (await stat(join(dir, name))).mtimeMs })),
      );
      aged.sort((a, b) => b.mtime - a.mtime);
      await Promise.all(aged.slice(cacheEntries).map((entry) => rm(entry.file, { force: true })));
    },
  };
}

/**
 * Gives every compressible file under `dir` its .br and .gz twins where they are worth it, and removes a
 * twin left from an earlier run where it no longer is. Each twin is written whole (temporary name, rename).
 */
export async function precompressDir(dir: string, options: CompressOptions = {}): Promise<CompressReport> {
  const report: CompressReport = { files: 0, rawBytes: 0, brBytes: 0, gzipBytes: 0, skipped: 0, cached: 0 };
  const cache = createCache(options.cacheDir ?? false);
  const files = (await listFiles(dir)).filter(isCompressible);
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      const key = createHash('sha256').update(settings).update(data).digest('hex').slice(0, 32);
      let kept = 0;
      for (const twin of ['br', 'gzip'] as const) {
        const target = file + twinExtensions[twin];
        let compressed: Buffer | undefined;
        if (data.byteLength >= (options.minBytes ?? defaults.minBytes)) {
          compressed = await cache.get(key, twin);
          if (compressed) report.cached += 1;
          else {
            compressed = await compressors[twin](data);
            await cache.set(key, twin, compressed);
          }
        }
        if (compressed && worthKeeping(data.byteLength, compressed.byteLength, options)) {
          await writeAtomic(target, compressed);
          kept += 1;
          if (twin === 'br') report.brBytes += compressed.byteLength;
          else report.gzipBytes += compressed.byteLength;
        } else {
          await rm(target, { force: true });
        }
      }
      if (kept > 0) {
        report.files += 1;
        report.rawBytes += data.byteLength;
      } else report.skipped += 1;
    }),
  );
  await cache.prune();
  return report;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function describeReport(report: CompressReport, ms: number): string {
  return (
    `compress: ${report.files} files → .br ${kB(report.brBytes)}, .gz ${kB(report.gzipBytes)} ` +
    `(from ${kB(report.rawBytes)}) in ${(ms / 1000).toFixed(1)} s` +
    (report.cached ? `, ${report.cached} twins from the cache` : '') +
    (report.skipped ? `; ${report.skipped} small files sent as they are` : '')
  );
}

export interface CompressPluginOptions extends CompressOptions {
  /** Default: node_modules/.cache/deck-compress under the project root. */
  cacheDir?: string | false;
}

export function compressPlugin(options: CompressPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  const enabled = process.env.DECK_COMPRESS !== '0';
  return {
    name: 'deck:compress',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      // After every other plugin's writeBundle, over the whole output folder (public/ files included).
      order: 'post',
      sequential: true,
      async handler(output) {
        if (!enabled || config.command !== 'build') return;
        const dir = output.dir ?? resolve(config.root, config.build.outDir);
        const started = performance.now();
        const cacheDir = options.cacheDir ?? join(config.root, 'node_modules', '.cache', 'deck-compress');
        const report = await precompressDir(dir, { ...options, cacheDir });
        config.logger.info(describeReport(report, performance.now() - started));
      },
    },
    configurePreviewServer(server) {
      // Before Vite's own static files (and its on-the-fly gzip): the twins, with the deck's cache policy. A
      // request this does not answer goes on to Vite's middlewares unchanged.
      const dir = resolve(server.config.root, server.config.build.outDir);
      const files = createStaticHandler(dir, { dev: true });
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        files(req, res, next);
      });
    },
  };
}
