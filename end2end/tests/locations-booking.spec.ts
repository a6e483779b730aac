import { test, expect, Page, Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, logIn, markedLocations, noSeriousAxeViolations } from './support';

// A Tuesday at the studio (UTC+8): next week's for the desktop project, the one after for the
// phone project, so the two projects never book the same hours.
// `laterWeeks` moves further on, for tests that must not meet the others' bookings.
function tuesday(laterWeeks = 0): string {
  return nextStudioDay(2, laterWeeks);
}

// The next `weekday` (0 = Sunday) at the studio, `laterWeeks` on, a week later for the phone.
function nextStudioDay(weekday: number, laterWeeks = 0): string {
  const studio = new Date(Date.now() + 8 * 3600 * 1000);
  const day = studio.getUTCDay();
  let ahead = ((weekday - day + 7) % 7 || 7) + 7 * laterWeeks;
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

// The whole journey, in both languages (and, through the phone project, on a phone).
const journeys = [
  {
    locale: 'zh-CN', weeks: 2, era: '清', kind: '街道', free: '空闲时段', from: '开始', to: '结束',
    filter: '筛选', start: '开始时间', end: '结束时间', book: '预订', refused: '未能预订',
    nearest: '最近的同等时长空档', useSlot: '使用这个时段', add: '加入候选清单', onList: '已在候选清单中',
    share: '生成新链接', sharedTitle: '分享的候选清单',
  },
  {
    locale: 'en', weeks: 4, era: 'Qing', kind: 'Street', free: 'Free during', from: 'From', to: 'To',
    filter: 'Filter', start: 'Start', end: 'End', book: 'Book', refused: 'Not booked',
    nearest: 'Nearest free slot of the same length', useSlot: 'Use this slot', add: 'Add to shortlist',
    onList: 'On your shortlist', share: 'Make a new link', sharedTitle: 'Shared shortlist',
  },
];

for (const j of journeys) {
  test(`a director finds a Qing street free next Tuesday 06:30–13:45, books it, a rival is refused, a colleague opens the shortlist (${j.locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const date = tuesday(j.weeks);
    // The two demo productions swap roles on the phone, so the projects running side by side
    // never share a director (whose shortlist link each run renews).
    const crews = [['crew@backlot.local', 'backlot-crew-demo'], ['crew2@backlot.local', 'backlot-crew2-demo']];
    if (test.info().project.name === 'phone') crews.reverse();
    const [[directorLogin, directorPassword], [rivalLogin, rivalPassword]] = crews;
    const director = await browser.newContext({ locale: j.locale });
    const page = await director.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await logIn(page, directorLogin, directorPassword);

    // Find: era, type and the free time, all through the filter form.
    await page.goto('/locations');
    await hydrated(page);
    const form = page.locator('.location-filters');
    await form.getByLabel(j.era, { exact: true }).check();
    await form.getByLabel(j.kind, { exact: true }).check();
    const free = form.locator('fieldset', { hasText: j.free });
    await free.getByLabel(j.from, { exact: true }).fill(`${date}T06:30`);
    await free.getByLabel(j.to, { exact: true }).fill(`${date}T13:45`);
    await page.getByRole('button', { name: j.filter, exact: true }).click();
    await expect(page).toHaveURL(/free_from=.*free_to=/);
    const rows = page.locator('.location-list tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) {
      expect(text).toContain(j.era);
      expect(text).toContain(j.kind);
    }
    const listed = await rows.count();
    const path = (await rows.first().locator('a').first().getAttribute('href'))!;

    // Book it to the minute.
    await page.goto(`${path}?week=${date}`);
    await hydrated(page);
    await page.getByLabel(j.start, { exact: true }).fill(`${date}T06:30`);
    await page.getByLabel(j.end, { exact: true }).fill(`${date}T13:45`);
    await page.getByRole('button', { name: j.book, exact: true }).click();
    await expect(page.locator('.booking-form .form-ok')).toContainText(`${date} 06:30`);

    // The same search no longer offers it.
    const search = `/locations?era=qing&kind=street&free_from=${date}T06%3A30&free_to=${date}T13%3A45`;
    await page.goto(search);
    await expect(page.locator('.location-list tbody tr')).toHaveCount(listed - 1);
    await expect(page.locator(`.location-list a[href="${path}"]`)).toHaveCount(0);

    // A rival production is refused with the window and a useful suggestion.
    const rival = await bookingPage(browser, j.locale, rivalLogin, rivalPassword, `${path}?week=${date}`);
    await rival.page.getByLabel(j.start, { exact: true }).fill(`${date}T10:00`);
    await rival.page.getByLabel(j.end, { exact: true }).fill(`${date}T12:00`);
    await rival.page.getByRole('button', { name: j.book, exact: true }).click();
    const alert = rival.page.locator('.booking-form [role="alert"]');
    await expect(alert).toContainText(j.refused);
    await expect(alert).toContainText(`${date} 06:30–13:45`);
    await expect(alert).toContainText(j.nearest);
    await expect(rival.page.getByRole('button', { name: j.useSlot })).toBeVisible();
    await rival.context.close();

    // Shortlist it and share the read-only link.
    await page.goto(path);
    await hydrated(page);
    const toggle = page.locator('.shortlist-toggle');
    // The other language's run may have shortlisted the same street already.
    if (!((await toggle.textContent()) ?? '').includes(j.onList)) {
      await page.getByRole('button', { name: j.add }).click();
    }
    await expect(toggle).toContainText(j.onList);
    await page.goto('/shortlist');
    await hydrated(page);
    const link = page.locator('.share-link a');
    // An earlier run's link may be showing: wait for the new one, which ends the old.
    const earlier = (await link.count()) > 0 ? await link.getAttribute('href') : null;
    await page.getByRole('button', { name: j.share }).click();
    await expect(link).toHaveAttribute('href', /^\/shortlist\/[A-Za-z0-9_-]{20,}$/);
    if (earlier) await expect(link).not.toHaveAttribute('href', earlier);
    const shared = (await link.getAttribute('href'))!;

    // A colleague opens it without an account.
    const colleague = await browser.newContext({ locale: j.locale });
    const theirs = await colleague.newPage();
    await theirs.goto(shared);
    await expect(theirs.getByRole('heading', { name: j.sharedTitle })).toBeVisible();
    await expect(theirs.locator(`a[href="${path}"]`).first()).toBeVisible();
    await expect(theirs.locator('body')).not.toContainText(directorLogin);
    expect(errors).toEqual([]);
    await colleague.close();
    await director.close();
  });
}

test('an overrun runs on only into free time, and the next crew is told of the later hand-over', async ({ browser }) => {
  const date = nextStudioDay(4);
  const anon = await browser.newPage({ locale: 'zh-CN' });
  const path = await qingLocation(anon);
  const week = `${path}?week=${date}`;
  const book = async (page: Page, from: string, to: string) => {
    await page.getByLabel('开始时间').fill(`${date}T${from}`);
    await page.getByLabel('结束时间').fill(`${date}T${to}`);
    await page.getByRole('button', { name: '预订', exact: true }).click();
    await expect(page.locator('.booking-form .form-ok')).toContainText(`${date} ${from}`);
  };
  const crew = await bookingPage(browser, 'zh-CN', 'crew@backlot.local', 'backlot-crew-demo', week);
  await book(crew.page, '08:00', '10:00');
  const next = await bookingPage(browser, 'zh-CN', 'crew2@backlot.local', 'backlot-crew2-demo', week);
  // Changeovers are at most two hours: 11:00 is always free, 14:30 never.
  await book(next.page, '14:00', '16:00');

  await crew.page.goto('/schedule');
  await hydrated(crew.page);
  const row = crew.page.locator('tr', { hasText: `${date} 08:00` });
  await row.getByLabel('延长至').fill(`${date}T11:00`);
  await row.getByRole('button', { name: '延长', exact: true }).click();
  await expect(crew.page.locator('tr', { hasText: `${date} 08:00` }).locator('.form-ok')).toContainText(`${date} 11:00`);
  // Into the next crew's booking (or the changeover before it): refused, with the latest end.
  const again = crew.page.locator('tr', { hasText: `${date} 08:00` });
  await again.getByLabel('延长至').fill(`${date}T14:30`);
  await again.getByRole('button', { name: '延长', exact: true }).click();
  const alert = crew.page.locator('tr', { hasText: `${date} 08:00` }).locator('[role="alert"]');
  await expect(alert).toContainText('未能延长');
  await expect(alert).toContainText('最晚可延长至');

  await next.page.goto('/schedule');
  await hydrated(next.page);
  await expect(next.page.locator('.notice-list')).toContainText(`${date} 11:00`);
  await expect(next.page.locator('.notice-list')).toContainText(`${date} 14:00`);
  await crew.context.close();
  await next.context.close();
  await anon.close();
});

test('compare puts shortlisted locations side by side with the price for the hours', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  await page.goto('/locations?era=qing');
  const hrefs = await page.locator('.location-list tbody tr a').evaluateAll((links) =>
    links.slice(0, 5).map((a) => a.getAttribute('href')!.split('/').pop()!));
  expect(hrefs.length).toBe(5);
  await page.goto(`/compare?l=${hrefs.join(',')}&date=2026-12-21&from=06:30&to=13:45`);
  await hydrated(page);
  await expect(page.getByText('Only the first 4 locations are compared.')).toBeVisible();
  await expect(page.locator('.compare-table thead th')).toHaveCount(4);
  await expect(page.locator('.compare-table')).toContainText('Price for 06:30–13:45');
  await expect(page.locator('.compare-table')).toContainText('Sunrise');
  await context.close();
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

test('the day view shows free time; a crew books it in phases and sees them on the calendar', async ({ browser }) => {
  const date = nextStudioDay(4, 3); // a Thursday three weeks on: no other test books then
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86400 * 1000).toISOString().slice(0, 10);
  const { context, page } = await bookingPage(browser, 'en-GB', 'crew@backlot.local', 'backlot-crew-demo',
    `/locations/qin-palace-main-hall?day=${date}`);
  const calendar = page.locator('#calendar');
  await expect(calendar.getByRole('heading', { name: new RegExp(date) })).toBeVisible();
  await expect(calendar.locator('.free-slots')).toContainText('00:00–24:00');
  // Links to other days are not "the current page".
  await expect(calendar.locator('[aria-current]')).toHaveCount(0);

  // "Book this time" fills the form with the free window.
  await calendar.getByRole('button', { name: 'Book this time' }).first().click();
  await expect(page.locator('#starts_at')).toHaveValue(`${date}T00:00`);
  await expect(page.locator('#ends_at')).toHaveValue(`${next}T00:00`);

  // Phases must lie inside the booking.
  await page.locator('#starts_at').fill(`${date}T06:30`);
  await page.locator('#ends_at').fill(`${date}T13:45`);
  await page.getByText('Phases: set dressing, shooting, strike (optional)').click();
  await page.getByLabel('Shooting from').fill(`${date}T06:00`);
  await page.getByLabel('Shooting until').fill(`${date}T12:45`);
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.locator('#shoot_from-error')).toContainText('Shooting must lie within');

  await page.getByLabel('Shooting from').fill(`${date}T08:00`);
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.locator('.booking-form .form-ok')).toContainText(`${date} 06:30`);
  await expect(calendar.locator('.slots')).toContainText('Set dressing 06:30–08:00 · Shooting 08:00–12:45 · Strike 12:45–13:45');
  await expect(calendar.locator('.timeline .span.phase-shooting')).toHaveCount(1);
  // Our own booking may be abutted: the free time runs right up to it and on from its end.
  await expect(calendar.locator('.free-slots li')).toHaveText([/00:00–06:30/, /13:45–24:00/]);
  await noSeriousAxeViolations(page, 'day view');

  await calendar.getByRole('link', { name: 'Week view' }).click();
  await expect(page).toHaveURL(new RegExp(`week=${date}`));
  await expect(page.locator('#calendar .day').first()).toContainText('Shooting 08:00–12:45');
  await context.close();
});
