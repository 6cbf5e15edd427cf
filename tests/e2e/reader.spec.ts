import type { Page } from '@playwright/test';
import { currentSlide, expect, openDeck, state, test } from './fixtures';

const viewport = (page: Page) => page.locator('.reveal-viewport');

test('the reading view: charts step as their fragments scroll into view', async ({ page }) => {
  await openDeck(page, '/?lng=en&view=scroll#/zheng-he');
  await expect.poll(() => page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('zheng-he');
  const figure = page.locator('#zheng-he figure[data-chart]');
  await expect(figure).toHaveAttribute('data-chart-state', 'ready');
  const pageTop = await page.evaluate(
    () => (document.getElementById('zheng-he')!.closest('.scroll-page') as HTMLElement).offsetTop,
  );
  const height = await page.evaluate(() => window.innerHeight);
  // Each fragment is one viewport of scrolling inside the slide's page.
  for (let step = 1; step <= 3; step++) {
    await viewport(page).evaluate(
      (el, top) => el.scrollTo({ top, behavior: 'instant' }),
      pageTop + step * height,
    );
    await expect(figure).toHaveAttribute('data-step', String(step));
  }
});

test('a reader can show the narration under each slide, in the deck language', async ({ page }) => {
  await openDeck(page, '/?lng=zh&view=scroll#/closures');
  const button = page.locator('.notes-toggle');
  await expect(button).toBeVisible();
  await expect(button).toHaveText('讲稿');
  await expect(page.locator('.reader-notes')).toHaveCount(0);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  const ids = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.slides section[id]'), (s) => s.id),
  );
  await expect(page.locator('.reader-notes')).toHaveCount(ids.length);
  const notes = page
    .locator('#closures')
    .locator('xpath=ancestor::div[contains(@class,"scroll-page-sticky")]')
    .locator('.reader-notes');
  await expect(notes).toBeVisible();
  await expect(notes).toContainText(/[\u4e00-\u9fff]{6}/);
  // The language toggle works in the reading view too, and the narration follows.
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(notes).toBeVisible();
  await expect(notes).not.toContainText(/[\u4e00-\u9fff]{6}/);
  // Remembered for the next visit.
  await page.reload();
  await page.waitForFunction(() => window.Reveal?.isReady());
  await expect(page.locator('.notes-toggle')).toHaveAttribute('aria-pressed', 'true');
});

test('a deep link lands on its slide in the reading view', async ({ page }) => {
  await openDeck(page, '/?lng=en&view=scroll#/open-source');
  await expect.poll(() => page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('open-source');
  await expect(page).toHaveURL(/#\/open-source$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the reading view is the phone article: a deep link lands, nothing overflows sideways', async ({
    page,
  }) => {
    await openDeck(page, '/?lng=zh#/ai-companies');
    // Not reveal's scroll view, which would scale the 1280×720 canvas to 0.29 (see phone.spec.ts).
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(false);
    await expect(page.locator('.phone-article')).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => window.deckPhone?.view()?.position().id))
      .toBe('ai-companies');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const control of ['.lang-toggle', '.contents-toggle', '.notes-toggle', '.view-link']) {
      const box = await page.locator(control).boundingBox();
      expect(box, control).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
    await page.locator('.notes-toggle').click();
    const narration = page.locator('section.phone-slide[data-slide-id="ai-companies"] .phone-notes');
    await expect(narration).toBeVisible();
    const fontSize = await narration.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    // Present (the slides) stays one tap away.
    await expect(page.locator('.view-link')).toHaveAttribute('href', /layout=slides.*#\/ai-companies/);
  });
});

test('the contents panel jumps to a slide, and the view link switches to reading and back', async ({
  page,
}) => {
  await openDeck(page, '/?lng=en');
  await page.locator('.contents-toggle').click();
  const panel = page.locator('#deck-contents');
  await expect(panel).toBeVisible();
  await expect(panel.locator('a')).toHaveCount(await page.evaluate(() => window.Reveal.getTotalSlides()));
  await panel.getByRole('link', { name: /price war/i }).click();
  await expect(currentSlide(page)).toHaveId('price-war');
  await expect(panel).toBeHidden();
  await expect(page.locator('.contents-toggle')).toBeFocused();

  await page.locator('.view-link').click();
  await page.waitForFunction(() => window.Reveal?.isReady());
  await expect(page).toHaveURL(/view=scroll.*#\/price-war/);
  expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
  await expect.poll(() => page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('price-war');
  await expect(page.locator('.view-link')).toHaveText('Present');
  await page.locator('.view-link').click();
  await page.waitForFunction(() => window.Reveal?.isReady());
  expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(false);
  await expect(currentSlide(page)).toHaveId('price-war');
});

test('right after a switch, the reading-view link has the new language; the address follows once it is drawn', async ({
  page,
}) => {
  await openDeck(page, '/?lng=en#/funding');
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveURL(/lng=zh/);
  // Both languages are loaded now, so this switch is done within the click.
  const seen = await page.evaluate(() => {
    document.querySelector<HTMLButtonElement>('.lang-toggle')!.click();
    return { link: document.querySelector<HTMLAnchorElement>('.view-link')!.href, address: location.search };
  });
  expect(seen.link).toMatch(/[?&]lng=en(&|#|$)/);
  expect(seen.address).toMatch(/lng=zh/);
  await expect(page).toHaveURL(/[?&]lng=en(&|#|$)/);
  await expect(page.locator('.view-link')).toHaveAttribute('href', /[?&]lng=en.*view=scroll.*#\/funding$/);
});

test.describe('touch', () => {
  test.use({ hasTouch: true });
  test('a swipe moves to the next slide in the presenting view', async ({ page }) => {
    await openDeck(page, '/?lng=en#/chuhai');
    const before = await state(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: 400 }] });
    await touch('touchStart', 1000);
    for (const x of [900, 700, 500, 300]) await touch('touchMove', x);
    await touch('touchEnd', 300);
    await expect
      .poll(async () => {
        const s = await state(page);
        return s.indexh * 100 + (s.indexf ?? -1);
      })
      .toBeGreaterThan(before.indexh * 100 + (before.indexf ?? -1));
  });
});
