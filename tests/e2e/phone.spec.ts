import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures';

/**
 * Reading on a phone (and a tablet held upright): each slide a section of one scrolling article at reading
 * sizes, charts redrawn for the width, steps told as the captions scroll past a sticky chart.
 */

const screens = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;
const lngs = ['en', 'zh'] as const;

interface Sizes {
  title: number;
  body: number;
  small: number;
  chartText: number;
  chartWidth: number;
  /** Chart labels that run past the chart's edges. */
  clipped: string[];
  overflow: number;
}

/** On-screen sizes (CSS px after every scale) of one section: the smallest of each kind of text. */
function measureSection(id: string): Sizes {
  const section = document.querySelector<HTMLElement>(`section.phone-slide[data-slide-id="${id}"]`)!;
  const sizes = {
    title: 99,
    body: 99,
    small: 99,
    chartText: 99,
    chartWidth: 1,
    clipped: [] as string[],
    overflow: 0,
  };
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent?.trim() || !el || el.getClientRects().length === 0) continue;
    if (el.closest('svg, .sr-only, .phone-notes')) continue;
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    const kind = el.closest('h1, h2')
      ? 'title'
      : el.closest('small, [data-layout="sources"], table')
        ? 'small'
        : 'body';
    sizes[kind] = Math.min(sizes[kind], size);
  }
  for (const svg of section.querySelectorAll<SVGSVGElement>('svg.chart')) {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    sizes.chartWidth = Math.min(sizes.chartWidth, box.width / window.innerWidth);
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent?.trim() || text.getClientRects().length === 0) continue;
      sizes.chartText = Math.min(sizes.chartText, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
      const edges = text.getBoundingClientRect();
      if (edges.left < box.left - 1 || edges.right > box.right + 1) sizes.clipped.push(text.textContent);
    }
  }
  sizes.overflow = document.documentElement.scrollWidth - window.innerWidth;
  return sizes;
}

const sectionIds = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('section.phone-slide'), (s) => s.dataset.slideId!),
  );

const position = (page: Page) => page.evaluate(() => window.deckPhone!.view()!.position());

/** The step a chart section's figure shows, and how many of its captions are marked as passed. */
const stepState = (page: Page, id: string) =>
  page.evaluate((slide) => {
    const section = document.querySelector(`section.phone-slide[data-slide-id="${slide}"]`)!;
    return {
      drawn: Number(section.querySelector<HTMLElement>('figure[data-chart]')?.dataset.step ?? -1),
      captions: section.querySelectorAll('.scrolly-step.visible').length,
    };
  }, id);

/** Two frames: the intersection observers have reported what the scroll changed. */
const settle = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))),
  );

async function openArticle(page: Page, path: string) {
  await openDeck(page, path);
  await expect(page.locator('html')).toHaveClass(/phone-layout/);
  await expect(page.locator('.phone-article')).toBeVisible();
}

for (const screen of screens) {
  test.describe(`on a ${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: true, isMobile: true });

    for (const lng of lngs) {
      test.describe(lng, () => {
        test.use({ reducedMotion: 'reduce' });

        test('every section reads at phone sizes, charts fill the width, nothing scrolls sideways', async ({
          page,
        }) => {
          test.setTimeout(120_000);
          await openArticle(page, `/?lng=${lng}`);
          // The slides are not what is shown: the article is.
          await expect(page.locator('.reveal')).toBeHidden();
          const ids = await sectionIds(page);
          expect(ids.length).toBeGreaterThan(20);
          const bodyMin = lng === 'zh' ? 17 : 16;
          for (const id of ids) {
            const steps = await page.evaluate(
              (slide) =>
                document.querySelectorAll(`section.phone-slide[data-slide-id="${slide}"] .scrolly-step`)
                  .length,
              id,
            );
            await page.evaluate(([slide, n]) => window.deckPhone!.view()!.show(slide, n), [
              id,
              steps,
            ] as const);
            await page.evaluate(() => window.deckPhone!.view()!.whenIdle());
            const hasChart =
              (await page.locator(`section[data-slide-id="${id}"] figure[data-chart]`).count()) > 0;
            if (hasChart) {
              await expect(page.locator(`section[data-slide-id="${id}"] figure[data-chart]`)).toHaveAttribute(
                'data-chart-state',
                'ready',
              );
            }
            const sizes = await page.evaluate(measureSection, id);
            expect(sizes.title, `${id}: title`).toBeGreaterThanOrEqual(22);
            expect(sizes.body, `${id}: body text`).toBeGreaterThanOrEqual(bodyMin);
            expect(sizes.small, `${id}: sources and notes`).toBeGreaterThanOrEqual(14);
            expect(sizes.overflow, `${id}: sideways overflow`).toBeLessThanOrEqual(0);
            if (hasChart) {
              expect(sizes.chartWidth, `${id}: chart width`).toBeGreaterThanOrEqual(0.85);
              expect(sizes.chartText, `${id}: chart text`).toBeGreaterThanOrEqual(12);
              expect(sizes.clipped, `${id}: chart labels past the edge`).toEqual([]);
            }
          }
        });

        test('a deep link lands on its section, and the language toggle keeps it on screen', async ({
          page,
        }) => {
          await openArticle(page, `/?lng=${lng}#/closures`);
          const section = page.locator('section.phone-slide[data-slide-id="closures"]');
          await expect
            .poll(() => section.evaluate((el) => Math.abs(el.getBoundingClientRect().top)))
            .toBeLessThanOrEqual(2);
          expect((await position(page)).id).toBe('closures');
          await expect(page).toHaveURL(/#\/closures$/);

          // Read on a little, then switch language: the same section stays on screen.
          await page.evaluate(() => window.scrollBy({ top: 200, behavior: 'instant' }));
          await page.locator('.lang-toggle').click();
          await expect(page.locator('html')).toHaveAttribute('lang', lng === 'en' ? 'zh-CN' : 'en');
          await expect(section).toHaveAttribute('lang', lng === 'en' ? 'zh-CN' : 'en');
          await expect(section).toBeInViewport();
          expect((await position(page)).id).toBe('closures');
          await expect(page).toHaveURL(/#\/closures$/);
        });
      });
    }

    test('steps come in as their captions scroll past the sticky chart, and go out scrolling back', async ({
      page,
    }) => {
      await openArticle(page, '/?lng=en#/zheng-he');
      const figure = page.locator('section[data-slide-id="zheng-he"] figure[data-chart]');
      await expect(figure).toHaveAttribute('data-chart-state', 'ready');
      await expect(figure).toHaveAttribute('data-step', '0');
      const graphic = page.locator('section[data-slide-id="zheng-he"] .scrolly-graphic');
      const seen: number[] = [];
      // Down, a quarter screen at a time, until the section has gone by.
      for (let i = 0; i < 40; i += 1) {
        await page.evaluate(() => window.scrollBy({ top: window.innerHeight / 4, behavior: 'instant' }));
        await settle(page);
        const { captions } = await stepState(page, 'zheng-he');
        if (captions !== seen.at(-1)) seen.push(captions);
        // While any caption is passing, the chart stays in view.
        if (captions > 0 && captions < 3) await expect(graphic).toBeInViewport({ ratio: 0.9 });
        if (captions === 3) break;
      }
      expect(seen).toEqual([0, 1, 2, 3].slice(4 - seen.length));
      expect(seen.at(-1)).toBe(3);
      await expect(figure).toHaveAttribute('data-step', '3');
      // And back up: each step goes out again, in reverse order.
      const back: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        await page.evaluate(() => window.scrollBy({ top: -window.innerHeight / 4, behavior: 'instant' }));
        await settle(page);
        const { captions } = await stepState(page, 'zheng-he');
        if (captions !== back.at(-1)) back.push(captions);
        if (captions === 0) break;
      }
      expect(back).toEqual([3, 2, 1, 0].slice(4 - back.length));
      expect(back.at(-1)).toBe(0);
      await expect(figure).toHaveAttribute('data-step', '0');
    });

    test('a deep link to a step, the contents panel and the narration', async ({ page }) => {
      await openArticle(page, '/?lng=zh#/expansion/2');
      await expect.poll(() => stepState(page, 'expansion')).toEqual({ drawn: 2, captions: 2 });
      expect(await position(page)).toEqual({ id: 'expansion', step: 2 });

      await page.locator('.contents-toggle').click();
      const panel = page.locator('#deck-contents');
      await expect(panel).toBeVisible();
      await panel.locator('a[href="#/funding"]').click();
      await expect(panel).toBeHidden();
      await expect(page.locator('section.phone-slide[data-slide-id="funding"] h2')).toBeInViewport();
      expect((await position(page)).id).toBe('funding');

      await page.locator('.notes-toggle').click();
      const notes = page.locator('section.phone-slide[data-slide-id="funding"] .phone-notes');
      await expect(notes).toBeVisible();
      await expect(notes).toContainText(/[\u4e00-\u9fff]{6}/);
      expect(
        await notes.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ).toBeGreaterThanOrEqual(17);
      // The section being read stays in view when the narration opens above it.
      await expect(page.locator('section.phone-slide[data-slide-id="funding"] h2')).toBeInViewport();
    });

    test('following reveal (the live room drives the hidden deck): the presenter’s slide at their step', async ({
      page,
    }) => {
      await openArticle(page, '/?lng=en');
      await page.evaluate(() => window.deckPhone!.follow(true));
      const index = await page.evaluate(() =>
        Array.from(window.Reveal.getSlides()).findIndex((slide) => slide.id === 'expansion'),
      );
      await page.evaluate((h) => window.Reveal.slide(h, 0, 1), index);
      await expect.poll(() => position(page)).toEqual({ id: 'expansion', step: 2 });
      await expect.poll(() => stepState(page, 'expansion')).toEqual({ drawn: 2, captions: 2 });
      await page.evaluate(() => window.Reveal.prev());
      await expect.poll(() => position(page)).toEqual({ id: 'expansion', step: 1 });
    });

    test('turning the screen sideways gives the slides, on the same slide; upright again, the article', async ({
      page,
    }) => {
      await openArticle(page, '/?lng=en#/funding');
      await page.setViewportSize({ width: screen.height, height: screen.width });
      await expect(page.locator('.reveal')).toBeVisible();
      await expect(page.locator('.phone-article')).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('funding');
      await page.evaluate(() => window.Reveal.next());
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await expect(page.locator('.phone-article')).toBeVisible();
      await expect.poll(async () => (await position(page)).id).toBe('funding');
    });

    test('charts load only as their section approaches', async ({ page }) => {
      await openArticle(page, '/?lng=en');
      const states = () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('.phone-article figure[data-chart]'), (f) =>
            Boolean(f.dataset.chartState),
          ),
        );
      const first = await states();
      expect(first.filter(Boolean).length).toBeLessThanOrEqual(1);
      // The section of the article's last chart, wherever the deck puts it.
      const last = await page.evaluate(() => {
        const figures = document.querySelectorAll('.phone-article figure[data-chart]');
        return figures[figures.length - 1]?.closest<HTMLElement>('[data-slide-id]')?.dataset.slideId ?? '';
      });
      expect(last).not.toBe('');
      await page.evaluate((id) => window.deckPhone!.view()!.show(id), last);
      await expect.poll(async () => (await states()).at(-1)).toBe(true);
      // Jumping to the last chart loaded it (and whatever is a screen around it), not the ones passed over.
      expect((await states()).filter(Boolean).length).toBeLessThanOrEqual(3);
    });

    test('axe reports no WCAG 2.2 AA violations in the phone layout', async ({ page }) => {
      test.setTimeout(120_000);
      for (const lng of lngs) {
        await openArticle(page, `/?lng=${lng}`);
        await page.locator('.notes-toggle').click();
        // Charts drawn everywhere, so every figure is scanned as a reader meets it.
        for (const id of await sectionIds(page)) {
          await page.evaluate((slide) => window.deckPhone!.view()!.show(slide), id);
        }
        await page.evaluate(() => window.deckPhone!.view()!.whenIdle());
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .include('.phone-article')
          .include('.deck-ui')
          .analyze();
        const report = result.violations
          .flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.failureSummary}`))
          .join('\n');
        expect(result.violations, report).toEqual([]);
        await page.locator('.notes-toggle').click();
      }
    });
  });
}
