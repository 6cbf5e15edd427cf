import { currentSlide, expect, openDeck, settle, state, test } from './fixtures';

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
  // Still landscape: a portrait window this narrow turns into the phone article (phone.spec covers that).
  await page.setViewportSize({ width: 1000, height: 700 });
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
  test.setTimeout(240_000);
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
    // Measured only once every chart reports no load and no transition in flight.
    await settle(page);
  };
  const measure = async () => {
    // Two collections: the first can leave objects that only a finalizer freed.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    // Every element a script still holds, in the page or detached: a chart or slide kept alive after it left
    // the screen shows here, whatever the compiler does with the heap's byte count.
    const proto = await cdp.send('Runtime.evaluate', {
      expression: 'Element.prototype',
      objectGroup: 'leak',
    });
    const found = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: proto.result.objectId ?? '',
      objectGroup: 'leak',
    });
    const counted = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'leak' });
    return { heap: usedSize, nodes, held: Number(counted.result.value) };
  };
  const samples: { heap: number; nodes: number; held: number }[] = [];
  for (let i = 0; i < 10; i++) {
    await walk();
    samples.push(await measure());
  }
  // The first walks load chart chunks, fonts and the notes plugin, and V8 keeps compiling hot code for a few
  // more (sooner on a quiet machine, later on a busy one). So the baseline is the median of walks 2–4, and
  // the verdict is the trend over walks 5–10, not one point that a busy machine can push up.
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const slope = (values: number[]) => {
    const mx = (values.length - 1) / 2;
    const my = values.reduce((a, b) => a + b, 0) / values.length;
    let num = 0;
    let den = 0;
    values.forEach((y, x) => {
      num += (x - mx) * (y - my);
      den += (x - mx) ** 2;
    });
    return num / den;
  };
  const base = samples.slice(1, 4);
  const later = samples.slice(4);
  const report = samples
    .map(
      (s, i) => `walk ${i + 1}: heap ${(s.heap / 1024).toFixed(0)} KiB, ${s.nodes} in page, ${s.held} held`,
    )
    .join('\n');
  expect(base[0]?.held ?? 0, 'the held-element count sees the page').toBeGreaterThan(100);
  // Nothing a walk draws outlives it: the page and the elements scripts hold stay as they were.
  expect(samples.at(-1)?.nodes ?? 0, report).toBeLessThanOrEqual((samples[0]?.nodes ?? 0) * 1.05);
  expect(slope(later.map((s) => s.held)), `held elements per walk\n${report}`).toBeLessThanOrEqual(1);
  expect(median(later.slice(-3).map((s) => s.held)), report).toBeLessThanOrEqual(
    median(base.map((s) => s.held)) * 1.05,
  );
  // A leak of a slide's worth per walk shows as a steady slope in the heap; noise around a flat line does not.
  const heapBase = median(base.map((s) => s.heap));
  expect(slope(later.map((s) => s.heap)) / heapBase, `heap growth per walk\n${report}`).toBeLessThanOrEqual(
    0.01,
  );
  expect(median(later.slice(-3).map((s) => s.heap)), report).toBeLessThanOrEqual(heapBase * 1.1);
});
