import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { currentSlide, expect, openDeck, slideIds, test } from './fixtures';

/**
 * WCAG 2.2 AA, automated part: axe-core on every slide in both languages, then the scroll view. Charts draw
 * their end state at once under reduced motion, so each scan sees a finished slide rather than a transition.
 * What axe cannot judge (reduced motion, focus visibility, language of parts) is tested below it.
 */

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per failing node: rule, element, and axe's own summary. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
    )
    .join('\n');
}

async function scanSlide(page: Page) {
  return new AxeBuilder({ page })
    .withTags(wcagTags)
    .include('.reveal .slides section.present')
    .include('.deck-ui')
    .include('.reveal .controls')
    .include('.reveal .slide-number')
    .analyze();
}

test.describe('axe: every slide, both languages', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const lng of ['en', 'zh'] as const) {
    test(`no WCAG 2.2 AA violations in the presenting view (${lng})`, async ({ page }) => {
      test.setTimeout(180_000);
      await openDeck(page, `/?lng=${lng}`);
      const ids = await slideIds(page);
      // Grouped by rule and element, so a problem of the deck UI is reported once with the slides it is on.
      const failures = new Map<string, string[]>();
      for (const [index, id] of ids.entries()) {
        // Every step shown: the slide as it looks when the speaker moves on.
        await page.evaluate((i) => window.Reveal.slide(i, 0, 99), index);
        await expect(currentSlide(page)).toHaveId(id);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const result = await scanSlide(page);
        for (const line of describe(result.violations).split('\n').filter((l) => !l.startsWith(' '))) {
          if (line) failures.set(line, [...(failures.get(line) ?? []), id]);
        }
      }
      const report = Array.from(failures, ([line, on]) => `${line}\n    on: ${on.join(', ')}`).join('\n');
      expect(failures.size, report).toBe(0);
    });
  }

  test('no WCAG 2.2 AA violations in the scroll view (whole page)', async ({ page }) => {
    test.setTimeout(120_000);
    await openDeck(page, '/?view=scroll&lng=en');
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(result.violations, describe(result.violations)).toEqual([]);
  });
});
