import { expect, openDeck, test } from './fixtures';

/*
 * On a stage the deck's bar (Read, Contents, EN | 中文) leaves the slides once the mouse rests, as reveal hides
 * the cursor, and comes back the moment someone reaches for it. The timing rules are unit-tested
 * (tests/unit/deck/idle-controls.test.ts); here, the real page with reveal's 5 s.
 */
test.describe('a speaker at 1280×720 with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

  test('the bar fades when the mouse rests, stays away while the slides advance, and returns on a move or Tab', async ({
    page,
  }) => {
    test.setTimeout(40_000);
    await openDeck(page, '/?lng=en#/1');
    const bar = page.locator('.deck-ui');
    await page.mouse.move(640, 360);
    await expect(bar).not.toHaveAttribute('data-idle');
    await expect(bar).toHaveCSS('opacity', '1');

    // Waits for reveal's hideCursorTime (5 s) to pass: the attribute is the settled state.
    await expect(bar).toHaveAttribute('data-idle', '', { timeout: 12_000 });
    await expect(bar).toHaveCSS('opacity', '0');

    // A clicker's "next" moves the slides, not the bar.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.reveal .slides > section.present')).toHaveId('zheng-he');
    await expect(bar).toHaveAttribute('data-idle', '');

    await page.mouse.move(700, 400);
    await expect(bar).not.toHaveAttribute('data-idle');
    await expect(bar).toHaveCSS('opacity', '1');

    // Keyboard users: focus entering the bar shows it, whatever the timer says.
    await expect(bar).toHaveAttribute('data-idle', '', { timeout: 12_000 });
    await page.locator('.lang-toggle').focus();
    await expect(bar).toHaveCSS('opacity', '1');
    await expect(bar).not.toHaveAttribute('data-idle');
  });
});

test.describe('a touch screen', () => {
  test.use({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    isMobile: true,
    reducedMotion: 'reduce',
  });

  test('never fades the bar: a finger cannot hover to bring it back', async ({ page }) => {
    await openDeck(page, '/?lng=en#/1');
    const bar = page.locator('.deck-ui');
    // The stylesheet's rule is for a hovering pointer only, whatever marks the bar.
    await bar.evaluate((el) => el.setAttribute('data-idle', ''));
    await expect(bar).toHaveCSS('opacity', '1');
  });
});
