import type { BrowserContext, Frame, Page } from '@playwright/test';
import { slideLayout } from '../../src/shared/layout';
import { expect, openDeck, test } from './fixtures';

/**
 * The built deck carries a strict Content-Security-Policy (src/node/vite-plugin-csp.ts): no 'unsafe-inline',
 * only hashes of the inline code reveal.js writes. These tests drive every part of reveal that writes inline
 * code (speaker view, print view, search) and fail on any violation. Chromium's console message for a blocked
 * inline script or style names the hash it wanted, so a failure says which hash to look at.
 */

declare global {
  interface Window {
    __csp?: string[];
  }
}

interface CspWatch {
  /** Chromium's console messages about the policy, from every page of the context (popups included). */
  console: string[];
}

function watchCsp(context: BrowserContext): CspWatch {
  const watch: CspWatch = { console: [] };
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.console.push(message.text());
  });
  return watch;
}

/** In every document of the context, record securitypolicyviolation events in window.__csp. */
async function listenForViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp?.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}

/** The same listener, added after the fact (the speaker view's document.write() erases listeners). */
async function listenIn(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    window.__csp = window.__csp ?? [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp?.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}

const violations = (target: Page | Frame) => target.evaluate(() => window.__csp ?? []);

const hashesAskedFor = (messages: string[]) =>
  Array.from(new Set(messages.flatMap((m) => m.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? [])));

function expectNoViolations(watch: CspWatch, events: string[]): void {
  const hint = `hashes Chromium asked for: ${hashesAskedFor(watch.console).join(' ') || '(none)'}`;
  expect(watch.console, hint).toEqual([]);
  expect(events, hint).toEqual([]);
}

test('the built page carries the strict policy in a meta element', async ({ page }) => {
  await openDeck(page, '/?lng=en');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toBeTruthy();
  const directives = new Map(
    policy!.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  for (const name of ['script-src', 'style-src', 'style-src-elem']) {
    const sources = directives.get(name) ?? [];
    expect(sources[0], name).toBe("'self'");
    expect(
      sources.slice(1).every((s) => /^'sha256-/.test(s)),
      `${name}: only hashes after 'self'`,
    ).toBe(true);
  }
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  // The policy comes before any script or stylesheet.
  const order = await page.evaluate(() =>
    Array.from(document.head.children, (el) => el.tagName + (el.getAttribute('http-equiv') ?? '')),
  );
  const metaAt = order.indexOf('METAContent-Security-Policy');
  expect(metaAt).toBeGreaterThanOrEqual(0);
  expect(order.findIndex((t) => t === 'SCRIPT' || t === 'LINK')).toBeGreaterThan(metaAt);
});

test('presenting: chart slides, steps, a language switch, help, jump and search raise no violation', async ({
  page,
  context,
}) => {
  const watch = watchCsp(context);
  await listenForViolations(context);
  await openDeck(page, '/?lng=en#/zheng-he');
  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  for (const id of ['zheng-he', 'ai-companies', 'expansion', 'llm-boom', 'funding']) {
    await page.evaluate((slide) => {
      const el = document.getElementById(slide);
      if (el) window.Reveal.slide(window.Reveal.getIndices(el).h, 0, 0);
    }, id);
    await expect(page.locator(`#${id} figure svg`).first()).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
  }
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('ArrowRight');
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // reveal's own overlays and the search box (its markup carries style="vertical-align: top;").
  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Shift+?');
  await expect(page.locator('.r-overlay-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await expect(page.locator('.jump-to-slide-input')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+F');
  const search = page.locator('.searchbox .searchinput');
  await expect(search).toBeVisible();
  await search.fill('CapCut');
  await search.press('Enter');
  await expect(search).toHaveCSS('vertical-align', 'top');
  expectNoViolations(watch, await violations(page));
});

test('the reading (scroll) view raises no violation', async ({ page, context }) => {
  const watch = watchCsp(context);
  await listenForViolations(context);
  await openDeck(page, '/?view=scroll&lng=zh');
  expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
  for (const id of ['zheng-he', 'expansion', 'funding', 'sources']) {
    await page.locator(`section#${id}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`section#${id}`)).toBeInViewport();
  }
  expectNoViolations(watch, await violations(page));
});

test('the speaker view (inline script and style, allowed by hash) works under the policy', async ({
  page,
  context,
}) => {
  const watch = watchCsp(context);
  await listenForViolations(context);
  await openDeck(page, '/?lng=en#/ai-companies');
  const popupPromise = context.waitForEvent('page');
  await page.locator('.reveal').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('s');
  const popup = await popupPromise;
  // The template's inline <script> ran: it connected, built the previews and shows the notes.
  await expect(popup.locator('.speaker-controls-notes .value')).not.toBeEmpty();
  await expect(popup.locator('#connection-status')).toBeHidden();
  await expect.poll(() => popup.frames().filter((f) => f.url().includes('receiver')).length).toBe(2);
  // The template's inline <style> applied (the current-slide pane is absolutely positioned).
  await expect(popup.locator('#current-slide')).toHaveCSS('position', 'absolute');
  await listenIn(popup);

  // Drive it: the main window moves, the previews follow, the language switches.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.locator('.lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const previews = popup.frames().filter((f) => f.url().includes('receiver'));
  await expect
    .poll(() => Promise.all(previews.map((f) => f.evaluate(() => document.documentElement.lang))))
    .toEqual(['zh-CN', 'zh-CN']);
  for (const frame of previews) {
    await expect.poll(() => frame.evaluate(() => window.Reveal?.isReady() ?? false)).toBe(true);
  }

  const events = [
    ...(await violations(page)),
    ...(await violations(popup)),
    ...(await Promise.all(previews.map(violations))).flat(),
  ];
  expectNoViolations(watch, events);
});

test('the print view gets its @page size (slide size plus margin) under the policy', async ({
  page,
  context,
}) => {
  const watch = watchCsp(context);
  await listenForViolations(context);
  await page.goto('/?print-pdf&lng=en');
  await page.waitForFunction(() => document.documentElement.dataset.chartsPrinted === 'true', null, {
    timeout: 30_000,
  });
  const pageRule = await page.evaluate(() => {
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (rule instanceof CSSPageRule) return rule.style.getPropertyValue('size');
      }
    }
    return null;
  });
  const width = Math.floor(slideLayout.width * (1 + slideLayout.margin));
  const height = Math.floor(slideLayout.height * (1 + slideLayout.margin));
  expect(pageRule).toBe(`${width}px ${height}px`);

  // And the PDF Chromium prints from it has pages of that size (CSS px → pt: × 0.75).
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(box, 'a MediaBox in the PDF').not.toBeNull();
  expect(Number(box![1])).toBeCloseTo(width * 0.75, 0);
  expect(Number(box![2])).toBeCloseTo(height * 0.75, 0);
  expectNoViolations(watch, await violations(page));
});
