// Helpers shared by the specs.
import { expect, Page, ConsoleMessage } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// The header sets data-hydrated once the wasm has taken over the page.
export async function hydrated(page: Page) {
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'true');
}

// Logs in through the form (field ids, so it works in either language).
export async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.signed-in')).toBeVisible();
}

// Collects console errors and uncaught exceptions so each test can assert there were none.
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

export async function noSeriousAxeViolations(page: Page, what = '') {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what} ${v.id}: ${v.help} (${v.nodes.length})`.trim())).toEqual([]);
}

// How many locations the map's markers stand for: single markers plus the counts on clusters.
export async function markedLocations(page: Page): Promise<number> {
  const single = await page.locator('.leaflet-marker-icon:not(.cluster-icon)').count();
  const clusters = await page.locator('.cluster-icon').allTextContents();
  return single + clusters.reduce((sum, text) => sum + Number(text), 0);
}
