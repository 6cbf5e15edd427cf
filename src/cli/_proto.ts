import { chromium } from '@playwright/test';
import { serveStatic } from './static-server';
const t0 = performance.now();
const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
console.log('launch', performance.now() - t0);
const mode = process.argv[2] ?? 'seq';
const query = process.argv[3] ?? '';
async function one(lng: string) {
  const s = performance.now();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (m) => console.log(lng, m.type(), m.text()));
  page.on('pageerror', (e) => console.log(lng, 'pageerror', e.message));
  await page.goto(`${server.origin}/?print-pdf&lng=${lng}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.chartsPrinted === 'true', null, { timeout: 30000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const info = await page.evaluate(() => ({
    title: document.title, lang: document.documentElement.lang, cls: document.documentElement.className,
    pages: document.querySelectorAll('.pdf-page').length,
    figs: Array.from(document.querySelectorAll<HTMLElement>('figure[data-chart]'), (f) => `${f.dataset.chart}:${f.dataset.chartState}:${f.dataset.step}/${f.closest('.pdf-page')?.querySelectorAll('.fragment').length}`),
  }));
  console.log(lng, 'ready', performance.now() - s, info);
  const m = performance.now();
  await page.pdf({ path: `/tmp/pdfproto/${lng}.pdf`, printBackground: true, preferCSSPageSize: true });
  console.log(lng, 'pdf', performance.now() - m, 'total', performance.now() - s);
  await page.screenshot({ path: `/tmp/pdfproto/${lng}.png`, fullPage: false });
  await page.close();
}
if (mode === 'par') await Promise.all(['en', 'zh'].map(one));
else { await one('en'); await one('zh'); }
console.log('all', performance.now() - t0);
await browser.close();
await server.close();
