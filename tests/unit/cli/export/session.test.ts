import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceAtomically, serveDist } from '../../../../src/cli/export/session';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('serveDist', () => {
  it("serves a built deck on 127.0.0.1 at a free port with Vite's preview server", async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-serve-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(dir, 'a.js'), 'export {};');
    const server = await serveDist(dir);
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.origin}/?print-pdf&lng=zh`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<title>t</title>');
      const script = await fetch(`${server.origin}/a.js`);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('replaceAtomically', () => {
  it('replaces a folder whole, leaving nothing temporary', async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-atomic-'));
    const target = join(dir, 'pngs');
    await replaceAtomically(target, async (temp) => {
      await writeFile(temp, 'first');
    });
    expect(await readFile(target, 'utf8')).toBe('first');
    await expect(
      replaceAtomically(target, async (temp) => {
        await writeFile(temp, 'half');
        throw new Error('the browser crashed');
      }),
    ).rejects.toThrow('the browser crashed');
    expect(await readFile(target, 'utf8'), 'the old output stays').toBe('first');
    expect(await readdir(dir)).toEqual(['pngs']);
  });
});
