import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What the built deck depends on, relative to the project root. src/cli is left out: it is not in the deck. */
export const deckSources = [
  'index.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'src',
  'slides',
  'data',
  'public',
] as const;

const ignoredDirs = new Set([join('src', 'cli'), 'node_modules']);

/** The newest modification time (ms) among files under `path`, or 0 when there is none. */
async function newestMtime(root: string, path: string): Promise<number> {
  if (ignoredDirs.has(path)) return 0;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(join(root, path));
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(join(root, path));
  const times = await Promise.all(entries.map((entry) => newestMtime(root, join(path, entry))));
  return Math.max(0, ...times);
}

export type DistState = 'missing' | 'stale' | 'fresh';

/** `missing`: no dist/index.html; `stale`: a source changed after it was written; `fresh` otherwise. */
export async function distState(root: string, dist = join(root, 'dist')): Promise<DistState> {
  let built: number;
  try {
    built = (await stat(join(dist, 'index.html'))).mtimeMs;
  } catch {
    return 'missing';
  }
  const sources = await Promise.all(deckSources.map((path) => newestMtime(root, path)));
  return Math.max(...sources) > built ? 'stale' : 'fresh';
}
