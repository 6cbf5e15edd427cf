import { existsSync } from 'node:fs';

/** Where a Chromium may live on this kind of machine; CHROMIUM_PATH wins. */
export const chromiumCandidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter((p): p is string => Boolean(p));

export function findChromium(): string | null {
  return chromiumCandidates.find((p) => existsSync(p)) ?? null;
}

export const chromiumHelp = [
  'No Chromium found. The end-to-end tests and the PDF export drive a real Chromium.',
  'Install it with:  sudo apt-get install -y chromium fonts-noto-cjk   (Debian/Ubuntu)',
  'or point CHROMIUM_PATH at an existing Chrome/Chromium binary, e.g. CHROMIUM_PATH=/opt/chrome/chrome npm test',
  '(`npx playwright install` cannot download browsers on machines without internet access.)',
].join('\n');
