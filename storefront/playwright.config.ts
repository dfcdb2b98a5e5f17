import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive the real app served by the real backend (see storefront.mk `e2e`,
// which starts it on a free port with demo data and passes BASE_URL). The browser is
// Debian's Chromium; Playwright never downloads one.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  testDir: 'e2e',
  // E2E_OUTPUT_DIR: each lane of scripts/e2e.sh keeps its own failure artifacts.
  outputDir: process.env.E2E_OUTPUT_DIR ?? '../test-artifacts/playwright',
  fullyParallel: false,
  // One backend with login throttling per e-mail and address: keep the runs in order.
  // scripts/e2e.sh runs lanes side by side instead, each with its own backend and database.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  use: {
    baseURL,
    headless: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
});
