import { test, expect, Page, ConsoleMessage } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Collects console errors and uncaught exceptions so each test can assert there were none.
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

async function hydrated(page: Page) {
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'true');
}

async function noSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe('server-rendered content, before any script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('locations list is in the HTML', async ({ page }) => {
    await page.goto('/locations', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.location-list tbody tr').first()).toBeVisible();
    expect(await page.locator('.location-list tbody tr').count()).toBeGreaterThanOrEqual(60);
  });

  test('catalogue first page is in the HTML', async ({ page }) => {
    await page.goto('/catalogue', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('.item-tile').count()).toBe(48);
    await page.getByRole('link', { name: /下一页|Next/ }).click();
    await expect(page).toHaveURL(/page=2/);
    expect(await page.locator('.item-tile').count()).toBe(48);
  });

  test('open casting calls are in the HTML', async ({ page }) => {
    await page.goto('/casting', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('.call-tile').count()).toBeGreaterThan(10);
  });
});

test('locations: the map hydrates with one marker per location', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/locations');
  await hydrated(page);
  const rows = await page.locator('.location-list tbody tr').count();
  await expect(page.locator('.map-box')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.locator('.leaflet-marker-icon')).toHaveCount(rows);
  await page.locator('.leaflet-marker-icon').first().click({ force: true });
  await expect(page.locator('.leaflet-popup-content')).toBeVisible();
  await noSeriousAxeViolations(page);
  expect(errors).toEqual([]);
});

test('catalogue hydrates and passes axe', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/catalogue');
  await hydrated(page);
  await expect(page.locator('.item-tile')).toHaveCount(48);
  await noSeriousAxeViolations(page);
  expect(errors).toEqual([]);
});

test('casting hydrates and passes axe', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/casting');
  await hydrated(page);
  await expect(page.locator('.call-tile').first()).toBeVisible();
  await noSeriousAxeViolations(page);
  expect(errors).toEqual([]);
});

test('home page passes axe', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await hydrated(page);
  await noSeriousAxeViolations(page);
  expect(errors).toEqual([]);
});

test.describe('language', () => {
  test.use({ locale: 'zh-CN' });

  test('switches between Chinese and English and remembers the choice', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/casting');
    await hydrated(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('横影通：公开招募');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casting: open calls');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('Verified production').first()).toBeVisible();

    await page.goto('/locations');
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Locations: sets and stages');
    await expect(page.getByRole('rowheader', { name: 'Qin Palace', exact: false }).first()).toBeVisible();
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('云勘景：场景与摄影棚');
    expect(errors).toEqual([]);
  });

  test.describe('an English browser', () => {
    test.use({ locale: 'en-US' });
    test('gets English by default', async ({ page }) => {
      await page.goto('/catalogue');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wardrobe, make-up, props & vehicles');
    });
  });
});
