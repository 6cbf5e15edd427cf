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

/**
 * Each language's slides, notes and strings are their own chunk (src/deck/packs/): the page preloads its own,
 * and fetches the other only once reveal is running and the browser is idle, or on the first switch.
 */
for (const [lng, path, other] of [
  ['en', '/?lng=en', 'zh'],
  ['zh', '/zh.html', 'en'],
] as const) {
  test(`the ${lng} page loads its own language up front and the ${other} one only after start`, async ({
    page,
  }) => {
    const html = await (await page.request.get(path)).text();
    // The page names its own language's chunks for the browser to fetch with the main script.
    expect(html).toMatch(new RegExp(`rel="modulepreload"[^>]*/assets/${lng}-`));
    expect(html).not.toMatch(new RegExp(`rel="modulepreload"[^>]*/assets/${other}-`));
    await page.addInitScript(() => {
      window.addEventListener('ready', () => performance.mark('deck-ready'), { capture: true, once: true });
    });
    await openDeck(page, path);
    const timings = () =>
      page.evaluate(() => ({
        ready: performance.getEntriesByName('deck-ready')[0]?.startTime ?? Number.NaN,
        packs: performance
          .getEntriesByType('resource')
          .map((entry) => ({
            lng: /\/assets\/(en|zh)-[\w-]+\.js$/.exec(entry.name)?.[1],
            start: entry.startTime,
          }))
          .filter((entry) => entry.lng !== undefined),
      }));
    await expect.poll(async () => (await timings()).packs.some((p) => p.lng === other)).toBe(true);
    const { ready, packs } = await timings();
    expect(packs.filter((p) => p.lng === lng).every((p) => p.start < ready)).toBe(true);
    // The other language is asked for after reveal started, never before.
    expect(packs.filter((p) => p.lng === other).every((p) => p.start > ready)).toBe(true);
  });
}
