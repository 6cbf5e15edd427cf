import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';

/**
 * The single-file export (npm run export:html), opened from file:// in Chromium with every request that is not
 * file: or data: aborted. The plain Playwright test is used: the shared fixture expects pages on the preview
 * server's origin.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
let outDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(240_000);
  outDir = mkdtempSync(join(tmpdir(), 'chuhai-offline-'));
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/export.ts', 'html', '--out', outDir],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
});

test.afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

interface Watch {
  errors: string[];
  blocked: string[];
}

async function offline(context: BrowserContext, page: Page): Promise<Watch> {
  const watch: Watch = { errors: [], blocked: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    watch.blocked.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  return watch;
}

/** Fonts Chromium drew the present slide's text with that are not the deck's own (web) fonts: tofu risk. */
async function systemFontsOnSlide(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: doc.nodeId,
    // Screen-reader-only text (the live region) is never drawn.
    selector: ':is(.reveal .slides section.present, .deck-ui) *:not(.sr-only, .sr-only *)',
  });
  const system = new Set<string>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of fonts) if (!font.isCustomFont) system.add(font.familyName);
  }
  await cdp.detach();
  return [...system];
}

const files = {
  en: {
    name: 'chuhai-going-global-en.html',
    lang: 'en',
    subtitle: /set sail for world markets/,
    other: 'zh-CN',
  },
  zh: { name: 'chuhai-going-global-zh.html', lang: 'zh-CN', subtitle: /[\u4e00-\u9fff]{4}/, other: 'en' },
} as const;

for (const [lng, file] of Object.entries(files)) {
  test(`the ${lng} single file presents offline from file://: its language, the toggle, a chart`, async ({
    context,
    page,
  }) => {
    const path = join(outDir, file.name);
    expect(existsSync(path), `${file.name} was written`).toBe(true);
    expect(statSync(path).size).toBeLessThan(3_000_000);
    const watch = await offline(context, page);

    await page.goto(pathToFileURL(path).href);
    await page.waitForFunction(() => window.Reveal?.isReady());
    await expect(page.locator('html')).toHaveAttribute('lang', file.lang);
    const title = page.locator('.reveal .slides section.present');
    await expect(title).toHaveId('title');
    await expect(title.locator('h1')).toContainText('出海');
    await expect(title).toContainText(file.subtitle);
    if (lng === 'en') await expect(title.locator('p').first()).not.toContainText(/[\u4e00-\u9fff]/);

    // The subset fonts are inline and load.
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return Array.from(document.fonts)
        .filter((f) => f.status === 'loaded')
        .map((f) => f.family.replace(/"/g, ''));
    });
    expect(loaded).toContain(lng === 'zh' ? 'Noto Sans SC Variable' : 'Inter Variable');
    expect(await systemFontsOnSlide(page), 'text drawn with a system font').toEqual([]);

    // The toggle switches language in place, and back.
    await page.locator('.lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', file.other);
    await expect(title).toHaveId('title');
    await page.locator('.lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', file.lang);

    // Chart slides draw their SVG from the inlined chart code and data (the map from the inlined world atlas).
    for (const id of ['funding', 'zheng-he']) {
      const index = await page.evaluate(
        (slideId) =>
          Array.from(document.querySelectorAll('.reveal .slides > section')).findIndex(
            (s) => s.id === slideId,
          ),
        id,
      );
      expect(index, `slide #${id}`).toBeGreaterThanOrEqual(0);
      await page.evaluate((i) => window.Reveal.slide(i, 0), index);
      const figure = page.locator(`.reveal .slides > section#${id} figure[data-chart]`);
      await expect(figure.locator('svg').first()).toBeVisible();
      await expect(figure.locator('.chart-fallback')).toHaveCount(0);
      await page.evaluate(() => document.fonts.ready);
      expect(await systemFontsOnSlide(page), `#${id}: text drawn with a system font`).toEqual([]);
    }

    expect(watch.blocked, 'requests that tried to leave the file').toEqual([]);
    expect(watch.errors, 'console or page errors').toEqual([]);
  });
}

for (const [lng, file] of Object.entries(files)) {
  test(`every slide of the ${lng} single file is drawn with the subset fonts only (no system fallback)`, async ({
    context,
    page,
  }) => {
    const watch = await offline(context, page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(pathToFileURL(join(outDir, file.name)).href);
    await page.waitForFunction(() => window.Reveal?.isReady());
    const count = await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length);
    const problems: string[] = [];
    for (let index = 0; index < count; index++) {
      // The last step: every fragment and chart label of the slide is on screen.
      await page.evaluate((i) => window.Reveal.slide(i, 0, 99), index);
      await page.evaluate(() => document.fonts.ready);
      const system = await systemFontsOnSlide(page);
      if (system.length > 0) {
        const id = await page.evaluate(() => window.Reveal.getCurrentSlide().id);
        problems.push(`#${id}: ${system.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(watch.blocked).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
}

test('the speaker view works from the single file (popup with notes and two previews)', async ({
  context,
  page,
}) => {
  const watch = await offline(context, page);
  context.on('weberror', (error) => watch.errors.push(String(error.error())));
  await page.goto(pathToFileURL(join(outDir, files.zh.name)).href);
  await page.waitForFunction(() => window.Reveal?.isReady());
  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  const opened = page.waitForEvent('popup');
  await page.keyboard.press('s');
  const popup = await opened;
  popup.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  await expect(popup.locator('.speaker-controls-notes')).toContainText(/[\u4e00-\u9fff]{6}/);
  await expect(popup.locator('iframe')).toHaveCount(2);
  await popup.close();
  expect(watch.blocked).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('the single file boots in its own language even after another file saved a choice', async ({
  context,
  page,
}) => {
  const watch = await offline(context, page);
  await page.goto(pathToFileURL(join(outDir, files.en.name)).href);
  await page.waitForFunction(() => window.Reveal?.isReady());
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto(pathToFileURL(join(outDir, files.en.name)).href.replace(/\?.*$/, ''));
  await page.waitForFunction(() => window.Reveal?.isReady());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(watch.blocked).toEqual([]);
  expect(watch.errors).toEqual([]);
});
