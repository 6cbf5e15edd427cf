import { currentSlide, expect, openDeck, state, test } from './fixtures';

test('the deck runs when localStorage throws', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await openDeck(page, '/?lng=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('ArrowRight');
  await expect(currentSlide(page)).toHaveId('agenda');
});

test('unknown and empty ?lng= fall back cleanly', async ({ page }) => {
  await openDeck(page, '/?lng=xx');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lng=en/);
  await openDeck(page, '/?lng=');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a hash naming no slide opens the first slide', async ({ page }) => {
  await openDeck(page, '/?lng=en#/no-such-slide');
  await expect(currentSlide(page)).toHaveId('title');
  await expect(currentSlide(page).locator('h1')).toBeVisible();
});

test.describe('without the font files', () => {
  test('the deck falls back to system fonts and stays readable', async ({ page, guard }) => {
    await page.route(/\.woff2?(\?|$)/, (route) => route.abort());
    await openDeck(page, '/?lng=zh#/price-war');
    await expect(currentSlide(page).locator('h2')).toBeVisible();
    const box = await currentSlide(page).locator('h2').boundingBox();
    expect(box!.height).toBeGreaterThan(30);
    // The aborted font loads are the point of this test, not errors of the deck.
    guard.errors.splice(
      0,
      guard.errors.length,
      ...guard.errors.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e)),
    );
  });
});

test('resizing the window in the middle of a chart animation', async ({ page }) => {
  await openDeck(page, '/?lng=en#/zheng-he');
  const figure = currentSlide(page).locator('figure[data-chart]');
  await expect(figure).toHaveAttribute('data-chart-state', 'ready');
  await page.keyboard.press('ArrowRight');
  await page.setViewportSize({ width: 900, height: 600 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('ArrowRight');
  await page.setViewportSize({ width: 700, height: 700 });
  await expect(figure).toHaveAttribute('data-step', '2');
  await expect(figure.locator('svg')).toBeVisible();
});

test('the language toggled 500 times quickly ends in a consistent state', async ({ page }) => {
  await openDeck(page, '/?lng=en#/funding/0');
  const before = await state(page);
  await page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('.lang-toggle')!;
    for (let i = 0; i < 500; i++) button.click();
  });
  // An even number of switches: back in English, on the same slide and step.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await state(page)).toMatchObject({ indexh: before.indexh, indexf: before.indexf });
  await expect(currentSlide(page).locator('h2')).not.toContainText(/[\u4e00-\u9fff]/);
  await expect(currentSlide(page).locator('figure[data-chart]')).toHaveAttribute('data-chart-state', 'ready');
  expect(await currentSlide(page).locator('figure[data-chart] svg').first().textContent()).not.toMatch(/亿/);
});

test('walking the whole deck 10 times keeps DOM size and JS heap flat', async ({ page }) => {
  test.setTimeout(180_000);
  await openDeck(page, '/?lng=en');
  const cdp = await page.context().newCDPSession(page);
  const walk = async () => {
    await page.evaluate(async () => {
      const deck = window.Reveal;
      const total = deck.getTotalSlides();
      for (let i = 0; i < total; i++) {
        deck.slide(i, 0, 99);
        await new Promise((r) => requestAnimationFrame(r));
      }
      for (let i = total - 1; i >= 0; i--) {
        deck.slide(i, 0, -1);
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    await page.waitForTimeout(1500);
  };
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heap: usedSize, nodes };
  };
  await walk();
  const first = await measure();
  for (let i = 0; i < 9; i++) await walk();
  const last = await measure();
  expect(last.nodes).toBeLessThanOrEqual(first.nodes * 1.05);
  expect(last.heap).toBeLessThanOrEqual(first.heap * 1.05);
});
