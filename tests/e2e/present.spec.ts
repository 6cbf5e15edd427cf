import { currentSlide, expect, openDeck, slideIds, state, test } from './fixtures';

for (const lng of ['en', 'zh'] as const) {
  test(`every slide shows text and has speaker notes (${lng})`, async ({ page }) => {
    await openDeck(page, `/?lng=${lng}`);
    const ids = await slideIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(22);
    for (const [index, id] of ids.entries()) {
      await page.evaluate((i) => window.Reveal.slide(i, 0, 99), index);
      const slide = currentSlide(page);
      await expect(slide).toHaveId(id);
      const heading = slide.locator('h1, h2').first();
      await expect(heading, `${id} has a visible heading`).toBeVisible();
      const text = (
        await slide.evaluate((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelector('aside.notes')?.remove();
          return copy.textContent ?? '';
        })
      ).trim();
      expect(text.length, `${id} shows text`).toBeGreaterThan(20);
      const notes = await page.evaluate(() => window.Reveal.getSlideNotes() ?? '');
      expect(notes.length, `${id} has notes`).toBeGreaterThan(100);
      if (lng === 'zh') expect(text, `${id} is in Chinese`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
}

test('only the slide on screen and its neighbours are laid out; a slide coming near gets its layout', async ({
  page,
}) => {
  await openDeck(page, '/?lng=en#/expansion');
  const laidOut = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section'))
        .filter((s) => getComputedStyle(s).display !== 'none')
        .map((s) => s.id),
    );
  const ids = await slideIds(page);
  const at = ids.indexOf('expansion');
  // A layout's display (flex, grid) must not wake the slides reveal put away: the whole deck would be styled
  // and laid out on every slide change and language switch.
  expect(await laidOut()).toEqual(ids.slice(at - 1, at + 2));
  const display = (id: string) => page.locator(`section#${id}`).evaluate((s) => getComputedStyle(s).display);
  expect(await display('title')).toBe('none');
  await page.evaluate(() => window.Reveal.slide(1));
  // The title slide is a flex column when shown (layouts.css), near the current slide or on screen.
  expect(await display('title')).toBe('flex');
  expect(await laidOut()).toEqual(ids.slice(0, 3));
});

test("reveal's live region announces a whole slide in one line, in a font a language switch leaves alone", async ({
  page,
}) => {
  await openDeck(page, '/?lng=en#/funding');
  // reveal reads the slide's text once, a frame after the move: the chart's description and table must be there.
  await expect(page.locator('section#funding [data-chart-state]')).toHaveAttribute(
    'data-chart-state',
    'ready',
  );
  // Every step shown (asked again on the same slide): reveal announces the slide's whole text, fragments, chart
  // description and data table included.
  await page.evaluate(() => window.Reveal.slide(window.Reveal.getIndices().h, 0, 99));
  const status = page.locator('.reveal .aria-status');
  await expect.poll(() => status.evaluate((el) => el.textContent?.length ?? 0)).toBeGreaterThan(500);
  const look = () => status.evaluate((el) => ({ font: getComputedStyle(el).font, height: el.scrollHeight }));
  const before = await look();
  // One line, not a word a line in its 1 px box (laid out again on every slide change and switch).
  expect(before.height).toBeLessThan(40);
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const after = await look();
  expect(after.font).toBe(before.font);
  expect(after.height).toBeLessThan(40);
  // Still read out: the text is all there, in a live region.
  await expect(status).toHaveAttribute('aria-live', 'polite');
  expect(await status.evaluate((el) => el.textContent?.length ?? 0)).toBeGreaterThan(500);
});

test('a deep link #/<slide-id> opens that slide, and the hash follows navigation', async ({ page }) => {
  await openDeck(page, '/?lng=en#/price-war');
  await expect(currentSlide(page)).toHaveId('price-war');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/closures$/);
});

test('reveal.js tools: overview, jump to slide, pause, help, search, speaker notes plugin, global Reveal', async ({
  page,
}) => {
  await openDeck(page, '/?lng=en');
  const plugins = await page.evaluate(() => Object.keys(window.Reveal.getPlugins()).sort());
  expect(plugins).toEqual(expect.arrayContaining(['charts', 'notes', 'search', 'zoom']));

  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.overview')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.overview')).toHaveCount(0);

  await page.keyboard.press('b');
  await expect(page.locator('.reveal.paused')).toHaveCount(1);
  await page.keyboard.press('b');
  await expect(page.locator('.reveal.paused')).toHaveCount(0);

  await page.keyboard.press('g');
  const jump = page.locator('.jump-to-slide-input');
  await expect(jump).toBeVisible();
  await jump.fill('funding');
  await jump.press('Enter');
  await expect(currentSlide(page)).toHaveId('funding');

  await page.keyboard.press('Shift+?');
  await expect(page.locator('.r-overlay-help')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+Shift+F');
  const search = page.locator('.searchbox .searchinput');
  await expect(search).toBeVisible();
  await search.fill('CapCut');
  await search.press('Enter');
  await expect.poll(async () => (await state(page)).indexh).toBeGreaterThan(0);
});

test('arrow keys and fragments step through a chart slide', async ({ page }) => {
  await openDeck(page, '/?lng=en#/zheng-he');
  const before = await state(page);
  await page.keyboard.press('ArrowRight');
  const after = await state(page);
  expect(after.indexh).toBe(before.indexh);
  expect(after.indexf).toBe((before.indexf ?? -1) + 1);
  await expect(currentSlide(page).locator('.fragment.visible')).toHaveCount(1);
});

test('the title and closing slides show a QR code of the deck address in the room language', async ({
  page,
}) => {
  for (const [lng, caption] of [
    ['en', 'Read along on your phone'],
    ['zh', '用手机扫码'],
  ] as const) {
    for (const id of ['title', 'conclusion']) {
      await openDeck(page, `/?lng=${lng}#/${id}`);
      const qr = currentSlide(page).locator('figure.deck-qr');
      await expect(qr.locator('svg path')).toHaveCount(2);
      await expect(qr.locator('figcaption')).toContainText(caption);
      await expect(qr.locator('a')).toHaveAttribute(
        'href',
        new RegExp(`^https://deck\\.example\\.org/chuhai/\\?lng=${lng}$`),
      );
    }
  }
});

test("the sea's glow sits on a layer of its own under the slides, so a slide's move does not draw it again", async ({
  page,
}) => {
  await openDeck(page, '/?lng=en#/expansion');
  const look = () =>
    page.evaluate(() => {
      const glow = getComputedStyle(document.body, '::before');
      return {
        body: getComputedStyle(document.body).backgroundImage,
        glow: glow.backgroundImage,
        position: glow.position,
        willChange: glow.willChange,
        zIndex: glow.zIndex,
      };
    });
  const desk = await look();
  expect(desk.body).toBe('none');
  expect(desk.glow).toMatch(/^radial-gradient/);
  expect(desk).toMatchObject({ position: 'fixed', willChange: 'transform', zIndex: '-1' });
  // Still seen: the top right corner glows brighter than the bottom left, as before.
  const shot = await page.screenshot();
  // Read on a blank page of its own: the deck's policy allows no data: image.
  const blank = await page.context().newPage();
  const [glowing, plain] = await blank.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) return [0, 0];
    context.drawImage(image, 0, 0);
    const blue = (x: number, y: number) => context.getImageData(x, y, 1, 1).data[2] ?? 0;
    return [blue(image.width - 20, 80), blue(20, image.height - 40)];
  }, shot.toString('base64'));
  await blank.close();
  expect(glowing).toBeGreaterThan(plain + 15);
  // Printing keeps the page's own background; the phone layout has none of the layer.
  await page.emulateMedia({ media: 'print' });
  expect((await look()).body).toMatch(/^radial-gradient/);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 412, height: 860 });
  await expect(page.locator('html')).toHaveClass(/phone-layout/);
  expect((await look()).glow).toBe('none');
});
