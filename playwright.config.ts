import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './src/cli/find-chromium.ts';

// An uncommon port: Vite's default preview port (4173) is often taken by other tools on shared machines.
const port = Number(process.env.DECK_PORT ?? 4317);
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: './tests/e2e',
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  workers: ci ? 1 : 2,
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: findChromium() ?? '/usr/bin/chromium',
          args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
        },
      },
    },
  ],
  // The e2e build gets a public address (for the QR code on the title and closing slides) that is not this
  // loopback server, as a published deck would.
  webServer: {
    command: `DECK_PUBLIC_URL=https://deck.example.org/chuhai/ npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !ci,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
