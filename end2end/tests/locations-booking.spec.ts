import { test, expect, Page, Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, logIn, markedLocations } from './support';

// A Tuesday at the studio (UTC+8): next week's for the desktop project, the one after for the
// phone project, so the two projects never book the same hours.
function tuesday(): string {
  const studio = new Date(Date.now() + 8 * 3600 * 1000);
  const day = studio.getUTCDay();
  let ahead = (2 - day + 7) % 7 || 7;
  if (test.info().project.name === 'phone') ahead += 7;
  const date = new Date(studio.getTime() + ahead * 86400 * 1000);
  return date.toISOString().slice(0, 10);
}

// The first Qing-era location in the list (`era` is the label in the page's language).
async function qingLocation(page: Page, era = '清'): Promise<string> {
  await page.goto('/locations');
  const row = page.locator('.location-list tbody tr', { hasText: era }).first();
  const href = await row.locator('a').first().getAttribute('href');
  expect(href).toMatch(/^\/locations\/[a-z0-9-]+$/);
  return href!;
}

async function bookingPage(browser: Browser, locale: string, login: string, password: string, path: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await logIn(page, login, password);
  await page.goto(path);
  await hydrated(page);
  return { context, page };
}

test.describe('booking a location', () => {
  test('a director books a Qing street next Tuesday; a rival is refused with a free slot', async ({ browser }) => {
    const errors: string[] = [];
    const anon = await browser.newPage({ locale: 'zh-CN' });
    const path = await qingLocation(anon);
    const date = tuesday();
    const week = `${path}?week=${date}`;

    const { context, page } = await bookingPage(browser, 'zh-CN', 'crew@backlot.local', 'backlot-crew-demo', week);
    page.on('pageerror', (err) => errors.push(String(err)));
    await expect(page.getByRole('heading', { name: '预订此场地' })).toBeVisible();
    await page.getByLabel('开始时间').fill(`${date}T06:30`);
    await page.getByLabel('结束时间').fill(`${date}T13:45`);
    await page.getByRole('button', { name: '预订', exact: true }).click();
    await expect(page.locator('.booking-form .form-ok')).toContainText(`${date} 06:30`);
    await expect(page.locator('.week')).toContainText(`${date} 06:30–13:45`);
    await expect(page.locator('.week')).toContainText('本剧组');

    const rival = await bookingPage(browser, 'zh-CN', 'crew2@backlot.local', 'backlot-crew2-demo', week);
    await rival.page.getByLabel('开始时间').fill(`${date}T09:00`);
    await rival.page.getByLabel('结束时间').fill(`${date}T11:00`);
    await rival.page.getByRole('button', { name: '预订', exact: true }).click();
    const alert = rival.page.locator('.booking-form [role="alert"]');
    await expect(alert).toContainText('未能预订');
    await expect(alert).toContainText(`${date} 06:30–13:45`);
    await expect(alert).toContainText('最近的同等时长空档');
    // The rival never sees whose booking it is.
    await expect(rival.page.locator('.week')).toContainText('已被其他剧组预订');
    await rival.page.getByRole('button', { name: '使用这个时段' }).click();
    const start = await rival.page.getByLabel('开始时间').inputValue();
    expect(start).not.toBe(`${date}T09:00`);
    await rival.page.getByRole('button', { name: '预订', exact: true }).click();
    await expect(rival.page.locator('.booking-form .form-ok')).toContainText(start.replace('T', ' '));

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(errors).toEqual([]);
    await rival.context.close();
    await context.close();
  });

  test('a location page reads in English, with sun times, before and after hydration', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en', javaScriptEnabled: false });
    const page = await context.newPage();
    const path = await qingLocation(page, 'Qing');
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Sun and light', exact: false })).toBeVisible();
    await expect(page.locator('.facts').first()).toContainText('Changeover');
    await expect(page.getByText('Log in as a crew member to book.')).toBeVisible();
    await context.close();
  });
});

test.describe('finding a location', () => {
  test.use({ locale: 'zh-CN' });

  test('pinyin search and facets narrow map and list, and the URL reproduces them', async ({ page }) => {
    await page.goto('/locations?q=qinwanggong');
    const found = page.locator('.location-list tbody tr');
    await expect(found.first()).toContainText('秦王宫');
    const count = await found.count();
    for (const text of await found.allTextContents()) expect(text).toContain('秦王宫');
    await expect(page.locator('.result-count')).toContainText(`显示 ${count} 个`);
    await hydrated(page);
    await expect.poll(() => markedLocations(page)).toBe(count);

    // Facets are a plain form: tick 清 and 街道, submit, and the URL carries the choice.
    await page.goto('/locations');
    await hydrated(page);
    await page.locator('.location-filters').getByLabel('清', { exact: true }).check();
    await page.locator('.location-filters').getByLabel('街道', { exact: true }).check();
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/era=qing/);
    await expect(page).toHaveURL(/kind=street/);
    const rows = page.locator('.location-list tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('清');
      expect(text).toContain('街道');
    }
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.locator('.location-list tbody tr')).toHaveCount(await rows.count());
  });
});
