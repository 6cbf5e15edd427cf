import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { expect, test } from './fixtures';

/**
 * `npm run dev`: an author edits a slide and the deck updates in place, on the same slide and step. The dev server
 * reads a copy of the slides (DECK_CONTENT_ROOT) so the test never touches the real ones.
 */
const project = new URL('../..', import.meta.url).pathname;
let server: ViteDevServer;
let content: string;
let origin: string;

test.beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'chuhai-dev-'));
  cpSync(join(project, 'slides'), join(content, 'slides'), { recursive: true });
  process.env.DECK_CONTENT_ROOT = content;
  server = await createServer({
    configFile: join(project, 'vite.config.ts'),
    root: project,
    logLevel: 'silent',
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  await server.listen();
  const address = server.httpServer?.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await server?.close();
  delete process.env.DECK_CONTENT_ROOT;
  rmSync(content, { recursive: true, force: true });
});

test('a slide edit reloads in place without losing the current slide and step', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/?lng=en#/price-war/1', { timeout: 60_000 });
  await page.waitForFunction(() => window.Reveal?.isReady(), null, { timeout: 60_000 });
  const heading = page.locator('section.present h2');
  await expect(heading).toContainText('price war');
  const file = join(content, 'slides/en/04-competition.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^## (.*price war.*)$/m, '## Edited: $1'));
  await expect(heading).toContainText('Edited:', { timeout: 20_000 });
  expect(await page.evaluate(() => window.Reveal.getState())).toMatchObject({ indexf: 1 });
  await expect(page.locator('section.present')).toHaveId('price-war');
  expect(errors).toEqual([]);
  await context.close();
});

test('a broken edit shows the build error with file and line, keeps the page as it was, and clears when fixed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto('/?lng=en#/price-war', { timeout: 60_000 });
  await page.waitForFunction(() => window.Reveal?.isReady(), null, { timeout: 60_000 });
  const heading = page.locator('section.present h2');
  const before = await heading.textContent();
  const file = join(content, 'slides/en/04-competition.md');
  const good = readFileSync(file, 'utf8');
  const lines = good.split('\n');
  const at = lines.findIndex((line) => /^## .*price war/i.test(line));
  lines.splice(at + 1, 0, '', '<script>alert(1)</script>');
  writeFileSync(file, lines.join('\n'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeAttached({ timeout: 20_000 });
  await expect(overlay.locator('.message')).toContainText(`slides/en/04-competition.md:${at + 3}`);
  await expect(heading).toHaveText(before ?? '');
  writeFileSync(file, good.replace(/^## (.*price war.*)$/im, '## Fixed: $1'));
  await expect(heading).toContainText('Fixed:', { timeout: 20_000 });
  await expect(overlay).not.toBeAttached();
  await context.close();
});
