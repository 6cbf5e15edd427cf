import { writeFileSync } from 'node:fs';
import { expect, openDeck, slideIds, test } from './fixtures';
import { canvas, measureCurrentSlide, type SlideMeasure, showLastStep } from './measure-slides';

/*
 * Readable from the back of the hall: every slide in both languages, at its last step, on the 1280×720 canvas.
 * Failures name the slide, the text and its size. LEGIBILITY_REPORT=<file> also writes the measurements as JSON
 * (the figures in issue 8's before/after table).
 */
const minimum = { any: 20, chart: 24, body: 28, sources: 16 } as const;
/** Layouts whose emptiness is the point: one line or one number in the middle of the canvas. */
const spaciousLayouts = new Set(['title', 'section', 'statement']);
const chartHeroShare = 0.6;
const visualShare = 0.6;

function writeReport(lng: string, slides: SlideMeasure[]): void {
  const file = process.env.LEGIBILITY_REPORT;
  if (!file) return;
  const rows = slides.map((s) => {
    const smallest = s.texts.reduce((a, b) => (b.size < a.size ? b : a), s.texts[0] ?? { text: '', size: 0 });
    return {
      id: s.id,
      layout: s.layout,
      smallest: Math.round(smallest.size * 10) / 10,
      smallestText: smallest.text.slice(0, 40),
      contentBottom: Math.round(s.contentBottom),
      chartShare: Math.round(s.chartShare * 100),
      covered: s.covered.length,
      visual: s.visual,
      overflow: s.overflow,
    };
  });
  writeFileSync(file.replace(/(\.json)?$/, `-${lng}.json`), JSON.stringify(rows, null, 1));
}

for (const lng of ['en', 'zh'] as const) {
  test.describe(`${lng}`, () => {
    // Measured once per language; each property below is its own test so one failure does not hide another.
    test.describe.configure({ mode: 'default' });
    const slides: SlideMeasure[] = [];

    test.beforeAll(async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await browser.newPage({ viewport: canvas, reducedMotion: 'reduce' });
      await openDeck(page, `/?lng=${lng}`);
      const ids = await slideIds(page);
      for (const index of ids.keys()) {
        await showLastStep(page, index);
        slides.push(await measureCurrentSlide(page));
      }
      await page.close();
      writeReport(lng, slides);
    });

    test(`text is large enough (${lng})`, () => {
      const problems: string[] = [];
      for (const slide of slides) {
        for (const t of slide.texts) {
          const floor =
            slide.layout === 'sources'
              ? minimum.sources
              : t.svg
                ? minimum.chart
                : t.body
                  ? minimum.body
                  : minimum.any;
          if (t.size < floor - 0.05) {
            problems.push(
              `${slide.id}: "${t.text.slice(0, 50)}" is ${t.size.toFixed(1)} px (at least ${floor})`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });

    test(`no slide leaves a third of the canvas empty below its content (${lng})`, () => {
      const problems = slides
        .filter((s) => !spaciousLayouts.has(s.layout) && canvas.height - s.contentBottom > canvas.height / 3)
        .map(
          (s) =>
            `${s.id} (${s.layout}): content ends at ${s.contentBottom.toFixed(0)} px of ${canvas.height}`,
        );
      expect(problems).toEqual([]);
    });

    test(`nothing overflows the canvas or is clipped (${lng})`, () => {
      const problems = slides.flatMap((s) => s.overflow.map((o) => `${s.id}: ${o}`));
      expect(problems).toEqual([]);
    });

    test(`the deck's controls cover no text (${lng})`, () => {
      const problems = slides.flatMap((s) => s.covered.map((c) => `${s.id}: ${c}`));
      expect(problems).toEqual([]);
    });

    test(`chart-hero charts take at least ${chartHeroShare * 100} % of the canvas (${lng})`, () => {
      const heroes = slides.filter((s) => s.layout === 'chart-hero');
      expect(heroes.length).toBeGreaterThan(0);
      const problems = heroes
        .filter((s) => s.chartShare < chartHeroShare)
        .map((s) => `${s.id}: the chart takes ${(s.chartShare * 100).toFixed(0)} %`);
      expect(problems).toEqual([]);
    });

    test(`at least ${visualShare * 100} % of slides carry a visual (${lng})`, () => {
      const withVisual = slides.filter((s) => s.visual).length;
      const without = slides.filter((s) => !s.visual).map((s) => s.id);
      expect(
        withVisual / slides.length,
        `slides without a visual: ${without.join(', ')}`,
      ).toBeGreaterThanOrEqual(visualShare);
    });
  });
}
