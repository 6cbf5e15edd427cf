import type { Frame, Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures';

const han = /[\u4e00-\u9fff]{4}/;

async function openSpeakerView(page: Page): Promise<Page> {
  const popupPromise = page.context().waitForEvent('page');
  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('s');
  const popup = await popupPromise;
  await expect(popup.locator('.speaker-controls-notes .value')).not.toBeEmpty();
  return popup;
}

const previews = (popup: Page): Frame[] => popup.frames().filter((f) => f.url().includes('receiver'));
const previewLangs = (popup: Page) =>
  Promise.all(previews(popup).map((f) => f.evaluate(() => document.documentElement.lang)));

test('S opens the speaker view with the current slide notes, a timer and pacing', async ({ page }) => {
  await openDeck(page, '/?lng=en#/price-war');
  const popup = await openSpeakerView(page);
  const expected = await page.evaluate(
    () => document.querySelector('section.present aside.notes')?.textContent ?? '',
  );
  await expect(popup.locator('.speaker-controls-notes .value')).toContainText(expected.trim().slice(0, 60));
  await expect(popup.locator('#upcoming-slide .label')).toHaveText('Next');
  await expect(popup.locator('.speaker-controls-time .timer')).toBeVisible();
  await expect(popup.locator('.pacing-title')).toBeVisible();
  await expect.poll(() => previews(popup).length).toBe(2);
});

test('audience in Chinese, presenter reading English notes; both switch independently and live', async ({
  page,
}) => {
  // Like reveal's ?notes, ?notes-lng= opens the speaker view on load, here with English notes.
  const popupPromise = page.context().waitForEvent('page');
  await openDeck(page, '/?lng=zh&notes-lng=en#/funding');
  const popup = await popupPromise;
  const notes = popup.locator('.speaker-controls-notes .value');
  await expect(notes).not.toContainText(han);
  await expect(popup.locator('.speaker-controls-notes h4.label')).toContainText('Notes');
  await expect.poll(() => previewLangs(popup)).toEqual(['zh-CN', 'zh-CN']);

  // The room switches to English: the previews follow at once, the notes stay English.
  await page.locator('.lang-toggle').click();
  await expect.poll(() => previewLangs(popup)).toEqual(['en', 'en']);
  await expect(notes).not.toContainText(han);

  // Back to Chinese for the room, then the presenter picks Chinese notes in the speaker view.
  await page.locator('.lang-toggle').click();
  await expect.poll(() => previewLangs(popup)).toEqual(['zh-CN', 'zh-CN']);
  await popup.locator('.notes-lng button[data-lng="zh"]').click();
  await expect(notes).toContainText(han);
  await expect(popup.locator('#upcoming-slide .label')).toHaveText('下一页');
  await expect(popup.locator('.notes-lng button[data-lng="zh"]')).toHaveAttribute('aria-pressed', 'true');
  // The audience's slide did not change.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('section.present')).toHaveId('funding');
});

test('the notes follow the deck language when the presenter has not chosen one', async ({ page }) => {
  await openDeck(page, '/?lng=en#/closures');
  const popup = await openSpeakerView(page);
  const notes = popup.locator('.speaker-controls-notes .value');
  await expect(notes).not.toContainText(han);
  await page.locator('.lang-toggle').click();
  await expect(notes).toContainText(han);
  await expect(popup.locator('.speaker-controls-time h4.label:not(.pacing-title)')).toContainText('用时');
});

test('the view moves the deck only when the presenter moves its preview', async ({ page }) => {
  await openDeck(page, '/?lng=en#/chuhai');
  const popup = await openSpeakerView(page);
  const here = () => page.evaluate(() => window.Reveal.getCurrentSlide()?.id);
  const current = () => previews(popup).find((f) => f.url().includes('postMessageEvents'));
  const previewAt = () => current()?.evaluate(() => window.Reveal.getCurrentSlide()?.id);
  await expect.poll(previewAt).toBe('chuhai');
  // The preview moves without the presenter, as a preview does while it loads or applies what it was told a
  // moment ago. reveal's preview reported it, the view sent it on, and the deck jumped back.
  await current()?.evaluate(() => window.Reveal.slide(1, 0));
  await expect.poll(previewAt).toBe('agenda');
  // The view would send a report on at once, or within 500 ms of its last: watch the deck for twice that.
  const seen = new Set<string | undefined>();
  for (let i = 0; i < 20; i++) {
    seen.add(await here());
    await page.waitForTimeout(50);
  }
  expect([...seen]).toEqual(['chuhai']);
  // The view puts its preview back where the deck is at the deck's next move.
  await page.keyboard.press('ArrowRight');
  await expect.poll(previewAt).not.toBe('agenda');
  const step = () => page.evaluate(() => window.Reveal.getState().indexf ?? -1);
  const next = await step();
  // A press in the preview is the presenter's own move: the deck follows it.
  await popup.locator('#current-slide iframe').click();
  await popup.keyboard.press('ArrowLeft');
  await expect.poll(step).toBe(next - 1);
  expect(await here()).toBe('chuhai');
});
