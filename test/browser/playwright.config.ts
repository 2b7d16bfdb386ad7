import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Browser tests of the console: Debian's Chromium (/usr/bin/chromium, never a downloaded browser) against the real
 * stack each run starts itself (simulator, app from source, built console). `npm test` runs them after jest.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.pw.ts',
  outputDir: join(ROOT, 'test-results', 'playwright'),
  globalSetup: join(__dirname, 'global-setup.ts'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
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
      ],
    },
  },
});
