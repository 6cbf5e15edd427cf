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

/** A layout shift as the page saw it: its score and what moved, with each thing's top before and after. */
interface Shift {
  value: number;
  moved: { node: string; before: number; after: number }[];
}

declare global {
  interface Window {
    __shifts?: Shift[];
  }
}

/** Records every layout shift not caused by input, from the page's start (an init script). */
function recordShifts(): void {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEntry[] &
      {
        value: number;
        hadRecentInput: boolean;
        sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
      if (entry.hadRecentInput) continue;
      window.__shifts?.push({
        value: entry.value,
        moved: entry.sources.map((s) => ({
          node: `${s.node?.nodeName ?? '?'} "${(s.node?.textContent ?? '').trim().slice(0, 40)}"`,
          before: Math.round(s.previousRect.y * 10) / 10,
          after: Math.round(s.currentRect.y * 10) / 10,
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * The fonts arrive late (a slow link): each font file is held back this long, so the page paints in the
 * stand-in faces (src/node/fallback-fonts.ts) and swaps.
 */
const lateFontsMs = 600;

/**
 * What a font swap may move. The stand-ins take the web fonts' ascent, descent and average width, so no line and
 * no box moves up or down; but no stand-in has a web font's every width, so a word after a link or a name in the
 * other language may slide along its line by a pixel or two, and reveal's slide number, set from the right,
 * widens to the left. Together that stays under 0.001 (Lighthouse shows 0.000 below 0.0005).
 */
function expectOnlySideways(shifts: readonly Shift[], where: string): void {
  const vertical = shifts.flatMap((s) => s.moved.filter((m) => Math.abs(m.after - m.before) >= 0.5));
  expect(vertical, `${where}: moved up or down`).toEqual([]);
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  expect(total, `${where}: ${JSON.stringify(shifts)}`).toBeLessThan(0.001);
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

  test(`${path}: the first paint fetches only its own cut of the Chinese fonts, and every font it preloads`, async ({
    browser,
    baseURL,
    request,
  }) => {
    const html = await (await request.get(path)).text();
    const preloads = Array.from(html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g), (m) => m[1]!);
    expect(preloads.length).toBeGreaterThan(0);
    // This build has a public address, so the title slide carries the QR code and its caption.
    expect(html).toMatch(/<figure class="deck-qr">/);
    const fetched = await withoutScript(browser, baseURL!, { width: 1280, height: 800 }, async (page) => {
      const fonts: string[] = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.endsWith('.woff2')) fonts.push(pathname);
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      return fonts;
    });
    // The Chinese families are cut in two at build time: what the first slide draws (-first), and the rest.
    const whole = fetched.filter((file) => /noto-sans-sc/.test(file) && !/-first-/.test(file));
    expect(whole, 'whole Chinese slices fetched for the first paint').toEqual([]);
    expect(new Set(fetched)).toEqual(new Set(preloads));
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
  test(`loading moves no line, fonts on time or late, ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(recordShifts);
    for (const late of [false, true]) {
      if (late) {
        await page.route('**/*.woff2', async (route) => {
          await new Promise((arrive) => setTimeout(arrive, lateFontsMs));
          await route.continue();
        });
      }
      for (const { path, title } of pages) {
        await openDeck(page, path);
        await settle(page);
        await page.evaluate(() => document.fonts.ready);
        await settle(page);
        await expect(page.locator('.reveal .slides section.present h1')).toHaveText(title);
        const shifts = (await page.evaluate(() => window.__shifts)) ?? [];
        expectOnlySideways(shifts, `${path}, fonts ${late ? `${lateFontsMs} ms late` : 'on time'}`);
      }
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
    await page.addInitScript(recordShifts);
    for (const { path, title } of pages) {
      await openDeck(page, path);
      await expect(page.locator('.phone-article h1').first()).toHaveText(title);
      await page.evaluate(() => document.fonts.ready);
      await settle(page);
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    }
    // On conference Wi-Fi the fonts come after the first paint: the article's lines stay where they are.
    await page.route('**/*.woff2', async (route) => {
      await new Promise((arrive) => setTimeout(arrive, lateFontsMs));
      await route.continue();
    });
    for (const { path, title } of pages) {
      await openDeck(page, path);
      await expect(page.locator('.phone-article h1').first()).toHaveText(title);
      await page.evaluate(() => document.fonts.ready);
      await settle(page);
      expectOnlySideways((await page.evaluate(() => window.__shifts)) ?? [], `phone ${path}, fonts late`);
    }
  } finally {
    await context.close();
  }
});
