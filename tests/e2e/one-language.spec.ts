import { expect, openDeck, settle, state, test } from './fixtures';

/**
 * The English page loads only what English needs: its few Chinese characters come from a tiny subset
 * (noto-sans-sc-ui-*.woff2, src/node/fonts.ts), and the Chinese deck's font slices (noto-sans-sc-<n>-*.woff2)
 * load only after a switch to Chinese.
 */
const chineseSlice = /\/noto-sans-sc-\d+-[^/]*\.woff2$/;

test('the English deck downloads no Chinese font slice until a switch, which keeps slide and step', async ({
  page,
}) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) fonts.push(new URL(request.url()).pathname);
  });
  await openDeck(page, '/?lng=en');
  const total = await page.evaluate(() => window.Reveal.getTotalSlides());
  for (let index = 0; index < total; index++) {
    await page.evaluate((i) => window.Reveal.slide(i, 0, 99), index);
    await settle(page);
  }
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.filter((f) => /noto-sans-sc-ui-/.test(f)).length).toBeGreaterThan(0);
  expect(fonts.filter((f) => chineseSlice.test(f))).toEqual([]);

  await page.evaluate(() => window.Reveal.slide(3, 0, 1));
  await settle(page);
  const before = await state(page);
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await settle(page);
  await page.evaluate(() => document.fonts.ready);
  expect(await state(page)).toMatchObject({ indexh: before.indexh, indexf: before.indexf });
  await expect.poll(() => fonts.filter((f) => chineseSlice.test(f)).length).toBeGreaterThan(0);
});
