import { test as base, expect, type Page } from '@playwright/test';

export interface Guard {
  errors: string[];
  external: string[];
}

/**
 * Every test page is watched: a console error, an uncaught exception or a request to another origin fails
 * the test. The deck is meant to run offline with no errors.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const guard: Guard = { errors: [], external: [] };
      context.on('console', (message) => {
        if (message.type() === 'error') guard.errors.push(message.text());
      });
      context.on('weberror', (error) => guard.errors.push(String(error.error())));
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) {
          guard.external.push(request.url());
        }
      });
      await use(guard);
      expect(guard.errors, 'console or page errors').toEqual([]);
      expect(guard.external, 'requests that left the page origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export interface DeckState {
  indexh: number;
  indexv: number;
  indexf?: number;
}

/** Opens the deck and waits until reveal is ready. */
export async function openDeck(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => window.Reveal?.isReady());
}

/**
 * Waits until the deck is settled: no chart loading or stepping (every d3 transition has ended), then two
 * frames so reveal has painted. Tests that measure time or memory wait on this, never on a fixed sleep.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.Reveal.getPlugin('charts')?.whenIdle();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

export const state = (page: Page) => page.evaluate(() => window.Reveal.getState() as DeckState);
export const currentSlide = (page: Page) => page.locator('.reveal .slides section.present');
export const slideIds = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides > section'), (s) => s.id));
