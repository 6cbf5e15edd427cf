import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { loadDeck } from '../../src/node/assemble-deck';
import { expect, openDeck, settle, test } from './fixtures';

/**
 * The first slide paints from the HTML, before any script runs (src/node/first-slide.ts): index.html carries
 * the English title slide, zh.html the Chinese one, laid out by inline critical CSS; the script then takes
 * the slide over without moving anything.
 */
const deck = loadDeck(fileURLToPath(new URL('../../', import.meta.url)));
const titleOf = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
const pages = [
  { path: '/', lng: 'en', htmlLang: 'en', title: titleOf(deck.en[0]!.html) },
  { path: '/zh.html', lng: 'zh', htmlLang: 'zh-CN', title: titleOf(deck.zh[0]!.html) },
] as const;

declare global {
  interface Window {
    __shifts?: number[];
  }
}

async function withoutScript<T>(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number },
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

for (const { path, lng, htmlLang, title } of pages) {
  test(`${path}: the ${lng} title is in the HTML response`, async ({ request }) => {
    expect(title.length).toBeGreaterThan(0);
    const response = await request.get(path);
    expect(response.ok()).toBe(true);
    const html = await response.text();
    expect(html).toContain(`<html lang="${htmlLang}"`);
    expect(titleOf(html.slice(html.indexOf('<div class="slides">')))).toBe(title);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 412, height: 915 },
  ]) {
    test(`${path}: the ${lng} title paints with JavaScript disabled, ${viewport.width}×${viewport.height}`, async ({
      browser,
      baseURL,
    }) => {
      await withoutScript(browser, baseURL!, viewport, async (page) => {
        await page.goto(path);
        // A phone gets the title as the reading article's first section; a wider window, the slide.
        const heading = page.locator(
          viewport.width < 560 ? '.phone-article[data-prerendered] h1' : '.reveal .slides section.present h1',
        );
        await expect(heading).toBeVisible();
        await expect(heading).toHaveText(title);
        const box = (await heading.boundingBox())!;
        // Scaled as reveal scales it (or at the article's reading size), and inside the window.
        expect(box.width).toBeGreaterThan(viewport.width * 0.3);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      });
    });
  }
}

// Desktop and projector sizes; a phone is below.
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
]) {
  test(`loading shifts nothing (CLS 0), ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEntry[] &
          { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) window.__shifts?.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const { path, title } of pages) {
      await openDeck(page, path);
      await settle(page);
      await page.evaluate(() => document.fonts.ready);
      await settle(page);
      await expect(page.locator('.reveal .slides section.present h1')).toHaveText(title);
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    }
  });
}

test('/?lng=zh opens the Chinese page, painted from its HTML', async ({ page }) => {
  await openDeck(page, '/?lng=zh');
  expect(new URL(page.url()).pathname).toBe('/zh.html');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.reveal .slides section.present h1')).toHaveText(pages[1].title);
});

// A phone (Lighthouse's mobile profile is 412×823): the painted title gives way to the reading article, which is
// new content, not the same content moved; nothing already on screen may shift.
test('on a phone, the article takes over from the painted title without a layout shift', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1.75,
  });
  try {
    const page = await context.newPage();
    // A slow phone's CPU (six times slower), as the mobile Lighthouse run models one: the page then paints
    // between the steps of its start, where a fast machine paints only once they are all done.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEntry[] &
          { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) window.__shifts?.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const { path, title } of pages) {
      await openDeck(page, path);
      await expect(page.locator('.phone-article h1').first()).toHaveText(title);
      await page.evaluate(() => document.fonts.ready);
      await settle(page);
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    }
  } finally {
    await context.close();
  }
});
