import type { Page } from '@playwright/test';
import { currentSlide, expect, openDeck, settle, test } from './fixtures';

// In deck order: a deep link to an earlier slide would open it with all its steps shown, as reveal does going back.
const chartSlides: Record<string, number> = {
  'zheng-he': 3,
  'ai-companies': 2,
  'timeline-2024': 4,
  expansion: 4,
  'tech-giants': 3,
  bytedance: 3,
  startups: 2,
  'llm-boom': 2,
  'price-war': 2,
  closures: 1,
  funding: 1,
  'overseas-markets': 3,
  'open-source': 3,
  'route-return': 4,
};

const figure = (page: Page) => currentSlide(page).locator('figure[data-chart]');
const svgMarkup = (page: Page) =>
  figure(page)
    .locator('svg')
    .first()
    .evaluate((svg) => svg.outerHTML);
const svgText = (page: Page) =>
  figure(page)
    .locator('svg')
    .first()
    .evaluate((svg) => svg.textContent ?? '');

async function settled(page: Page, step: number) {
  await expect(figure(page)).toHaveAttribute('data-chart-state', 'ready');
  await expect(figure(page)).toHaveAttribute('data-step', String(step));
}

test('each chart slide draws, and every fragment step changes the drawing', async ({ page }) => {
  // Fourteen charts, every step animated: more than the default minute.
  test.setTimeout(180_000);
  for (const [id, steps] of Object.entries(chartSlides)) {
    // A fresh page each time: a hash change alone would be a backward move for an earlier slide, and reveal shows
    // every step of a slide it moves back to.
    await page.goto('about:blank');
    await openDeck(page, `/?lng=en#/${id}`);
    await settled(page, 0);
    await expect(figure(page).locator('svg[role="img"]')).toHaveCount(1);
    await expect(figure(page).locator('table')).toHaveCount(1);
    let previous = await svgMarkup(page);
    for (let step = 1; step <= steps; step++) {
      await page.keyboard.press('ArrowRight');
      await settled(page, step);
      await settle(page);
      const now = await svgMarkup(page);
      expect(now, `${id} step ${step} changes the drawing`).not.toBe(previous);
      previous = now;
    }
    // Stepping back reverses.
    await page.keyboard.press('ArrowLeft');
    await settled(page, steps - 1);
  }
});

test('the language toggle relabels a live chart at its step, without replaying it', async ({ page }) => {
  await openDeck(page, '/?lng=en#/funding/0');
  await settled(page, 1);
  const english = await svgText(page);
  const node = await figure(page).elementHandle();
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect.poll(() => svgText(page)).not.toBe(english);
  expect(await svgText(page)).toMatch(/亿美元/);
  // The same figure element stays on screen, at the same step.
  expect(
    await node!.evaluate((el) => el.isConnected && el.closest('section')?.classList.contains('present')),
  ).toBe(true);
  await settled(page, 1);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('shows each step at once and turns off slide transitions', async ({ page }) => {
    await openDeck(page, '/?lng=en#/zheng-he');
    expect(await page.evaluate(() => window.Reveal.getConfig().transition)).toBe('none');
    await settled(page, 0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // No animation to wait for: the final state is there within a frame or two.
    await expect(figure(page)).toHaveAttribute('data-step', '3', { timeout: 300 });
  });
});

test('the print view draws every chart at the state of its page (the final step)', async ({ page }) => {
  await page.goto('/?print-pdf&lng=zh');
  await page.waitForFunction(() => document.documentElement.dataset.chartsPrinted === 'true', null, {
    timeout: 30_000,
  });
  const states = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.pdf-page figure[data-chart]'), (f) => ({
      chart: f.dataset.chart,
      step: Number(f.dataset.step),
      fragments: f.closest('section')!.querySelectorAll('.fragment').length,
      svg: f.querySelectorAll('svg').length,
    })),
  );
  expect(states).toHaveLength(Object.keys(chartSlides).length);
  for (const s of states)
    expect(s, `${s.chart} printed at its last step`).toMatchObject({ step: s.fragments, svg: 1 });
});

test('a chart that throws shows its data as a table, and the deck goes on', async ({ page }) => {
  await openDeck(page, '/?lng=en&chart-fail=funding#/funding');
  await expect(figure(page)).toHaveAttribute('data-chart-state', 'fallback');
  await expect(figure(page).locator('table.chart-fallback')).toBeVisible();
  await expect(figure(page).locator('table.chart-fallback td').first()).not.toBeEmpty();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(currentSlide(page)).toHaveId('overseas-markets');
});

test('200 slide changes leave the DOM size and the running timers flat', async ({ page }) => {
  // 220 round trips to the page: on a loaded 2-core machine that alone can pass a minute.
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const live = new Set<number>();
    const w = window as unknown as { __timers: () => number };
    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = st(
        (...a: unknown[]) => {
          live.delete(id);
          if (typeof fn === 'function') fn(...a);
        },
        ms,
        ...rest,
      );
      live.add(id);
      return id;
    }) as typeof setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) live.delete(id);
      ct(id);
    }) as typeof clearTimeout;
    window.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = si(fn, ms, ...rest);
      live.add(id);
      return id;
    }) as typeof setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) live.delete(id);
      ci(id);
    }) as typeof clearInterval;
    w.__timers = () => live.size;
  });
  await openDeck(page, '/?lng=en#/zheng-he');
  const walk = async (times: number) => {
    for (let i = 0; i < times; i++) {
      await page.evaluate((forward) => (forward ? window.Reveal.right() : window.Reveal.left()), i % 20 < 10);
    }
    await settle(page);
  };
  const measure = () =>
    page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      timers: (window as unknown as { __timers: () => number }).__timers(),
    }));
  await walk(20);
  const first = await measure();
  await walk(200);
  const after = await measure();
  expect(after.nodes).toBeLessThanOrEqual(first.nodes * 1.05);
  expect(after.timers).toBeLessThanOrEqual(first.timers + 1);
});

test('a chart slide arrives drawn: its chart was drawn while the slide before it was shown', async ({
  page,
}) => {
  // llm-boom comes just before price-war: while its slide is shown, price-war's chart is drawn when idle.
  await openDeck(page, '/?lng=en#/llm-boom');
  await settle(page);
  const ahead = page.locator('section#price-war figure[data-chart]');
  await expect(ahead).toHaveAttribute('data-chart-state', 'ready');
  await page.evaluate(() => {
    const svg = document.querySelector('section#price-war figure[data-chart] svg');
    if (svg) svg.setAttribute('data-drawn-ahead', '');
  });
  const firstFrame = await page.evaluate(
    () =>
      new Promise<{ id: string | undefined; drawnAhead: boolean }>((done) => {
        window.Reveal.on('slidechanged', () =>
          requestAnimationFrame(() => {
            const slide = window.Reveal.getCurrentSlide();
            done({
              id: slide?.id,
              drawnAhead: Boolean(slide?.querySelector('figure[data-chart] svg[data-drawn-ahead]')),
            });
          }),
        );
        window.Reveal.slide(window.Reveal.getIndices().h + 1);
      }),
  );
  // The first frame on the slide shows the chart drawn ahead: not a blank figure, not a second drawing.
  expect(firstFrame).toEqual({ id: 'price-war', drawnAhead: true });
});
