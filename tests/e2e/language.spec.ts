import { currentSlide, expect, openDeck, state, test } from './fixtures';

test('?lng=zh loads the Chinese deck, with <html lang> and the toggle set', async ({ page }) => {
  await openDeck(page, '/?lng=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(currentSlide(page).locator('h1')).toContainText('出海');
  await expect(page.locator('.lang-toggle')).toHaveAttribute('aria-label', /中文/);
  await expect(page.locator('.lang-toggle [data-lng="zh"]')).toHaveClass(/is-current/);
});

test('the toggle switches in place: same slide, same fragment, URL and html lang follow, choice remembered', async ({
  page,
}) => {
  await openDeck(page, '/?lng=zh#/tech-giants');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const before = await state(page);
  expect(before.indexf).toBe(1);
  const zhHeading = await currentSlide(page).locator('h2').textContent();

  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const after = await state(page);
  expect(after).toMatchObject({ indexh: before.indexh, indexf: 1 });
  await expect(currentSlide(page)).toHaveId('tech-giants');
  await expect(currentSlide(page).locator('.fragment.visible')).toHaveCount(2);
  const enHeading = await currentSlide(page).locator('h2').textContent();
  expect(enHeading).not.toBe(zhHeading);
  expect(enHeading).not.toMatch(/[\u4e00-\u9fff]/);
  await expect(page).toHaveURL(/[?&]lng=en(&|#|$)/);
  await expect(page).toHaveURL(/#\/tech-giants\/1$/);
  await expect(page.locator('[role="status"]')).toHaveText('Language: English');

  // The notes follow the language too.
  expect(await page.evaluate(() => window.Reveal.getSlideNotes())).not.toMatch(/[\u4e00-\u9fff]{6}/);

  // Remembered: a plain URL now opens in English.
  await openDeck(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the T key switches language, and a deep link survives the switch', async ({ page }) => {
  await openDeck(page, '/?lng=en#/funding');
  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(currentSlide(page)).toHaveId('funding');
  await expect(page).toHaveURL(/lng=zh.*#\/funding$/);
  await page.reload();
  await page.waitForFunction(() => window.Reveal?.isReady());
  await expect(currentSlide(page)).toHaveId('funding');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the toggle is reachable by keyboard and works with Enter without moving the slide', async ({
  page,
}) => {
  await openDeck(page, '/?lng=en#/chuhai');
  const before = await state(page);
  await page.locator('.lang-toggle').focus();
  await expect(page.locator('.lang-toggle')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await state(page)).toMatchObject({ indexh: before.indexh });
  const box = await page.locator('.lang-toggle').boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(24);
  expect(box!.width).toBeGreaterThanOrEqual(24);
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-TW' });
  test('the browser language chooses Chinese when nothing else does', async ({ page }) => {
    await openDeck(page, '/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
  test('an unknown ?lng= is ignored', async ({ page }) => {
    await openDeck(page, '/?lng=xx');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});

test('with a French browser the deck opens in English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await openDeck(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});
