import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A copy of the project (node_modules shared) in which one slide's id is broken, so a real build fails on it.
 * The caller removes the folder.
 */
export async function copyWithBrokenSlide(prefix: string, slideFile: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), prefix));
  for (const entry of [
    'index.html',
    'vite.config.ts',
    'package.json',
    'tsconfig.json',
    'src',
    'slides',
    'data',
    'public',
  ]) {
    if (existsSync(join(root, entry))) await cp(join(root, entry), join(copy, entry), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  const slide = join(copy, slideFile);
  await writeFile(slide, (await readFile(slide, 'utf8')).replace('id="title"', 'id="Not An Id"'));
  return copy;
}
