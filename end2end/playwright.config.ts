import { defineConfig, devices } from '@playwright/test';

// The server under test is the release binary built by `scripts/test`, started on its own
// port with a fresh data directory (seeded at start-up) and no map tiles (no internet here).
const port = Number(process.env.BACKLOT_E2E_PORT ?? 3300);
const binary = process.env.BACKLOT_BIN ?? 'target/release/backlot';
const dataDir = process.env.BACKLOT_E2E_DATA ?? `/tmp/backlot-e2e-${process.pid}`;

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const desktop = { ...devices['Desktop Chrome'], channel: undefined };
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const stockSpecs = /inventory\.spec\.ts$/;
// The PostgreSQL run (scripts/test) takes the desktop projects only.
const stockAfter = process.env.BACKLOT_E2E_DATABASE_URL ? ['desktop'] : ['desktop', 'phone'];

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumFlags },
    trace: 'off',
    // An action that cannot happen fails by itself, naming what it waited for, rather than
    // running into the test's own timeout.
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
  },
  projects: [
    { name: 'desktop', use: desktop, testIgnore: stockSpecs },
    { name: 'phone', use: phone, testIgnore: stockSpecs },
    // Suppliers add items to the shared catalogue, which other specs count (4,500 from the seed):
    // those specs run first, then these.
    { name: 'stock-desktop', use: desktop, testMatch: stockSpecs, dependencies: stockAfter },
    { name: 'stock-phone', use: phone, testMatch: stockSpecs, dependencies: stockAfter },
  ],
  webServer: {
    command: `rm -rf ${dataDir} && ${binary}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // The server logs warnings and errors only (BACKLOT_LOG=warn): show them with the results.
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      BACKLOT_ADDR: `127.0.0.1:${port}`,
      BACKLOT_DATA_DIR: dataDir,
      BACKLOT_TILE_URL: '',
      BACKLOT_LOG: 'warn',
      BACKLOT_LOGIN_ATTEMPTS_PER_MINUTE: '60',
      DATABASE_URL: process.env.BACKLOT_E2E_DATABASE_URL ?? '',
      LEPTOS_OUTPUT_NAME: 'backlot',
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_RELOAD_PORT: '3301',
      LEPTOS_ENV: 'PROD',
      LEPTOS_HASH_FILES: 'true',
    },
  },
});
