import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
for (const f of process.argv.slice(2)) {
  await page.goto(`file://${f}`);
  await page.screenshot({ path: f.replace(/\.html$/, '.png'), fullPage: true });
}
await browser.close();
