import { test, expect, Browser, BrowserContext } from '@playwright/test';
import { hydrated, logIn, watchErrors, fillActorProfile } from './support';

// A studio date of birth that makes someone `age` on the seeded calls' shooting days (they start
// within weeks: half a year's margin either side of the birthday).
function bornAged(age: number): string {
  const d = new Date(Date.now() - (age * 365.25 + 180) * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}

let counter = 0;
function uniquePhone(): string {
  const project = test.info().project.name === 'phone' ? '6' : '5';
  counter += 1;
  return `13${project}${String(Date.now() % 1e7).padStart(7, '0')}${counter % 10}`;
}

// An actress registered and applied through the API (her own cookie jar), for the crew to see.
async function applicant(browser: Browser, name: string, age: number, height: number, callId: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const registered = await context.request.post('/api/register', {
    form: {
      login: uniquePhone(), password: 'Background 2026', display_name: name,
      gender: 'female', birth_date: bornAged(age), height_cm: String(height), weight_kg: '50',
    },
  });
  expect(registered.ok()).toBeTruthy();
  const applied = await context.request.post('/api/call/apply', { form: { call_id: callId } });
  expect(applied.status()).toBe(200);
  return context;
}

const runs = [
  {
    locale: 'zh-CN', production: '凌烟阁', maids: '宫女', dancers: '舞姬', registerToApply: '注册群演账号报名', register: '注册',
    qualify: '你符合该招募的全部要求', apply: '一键报名', applied: '已报名', dance: '舞蹈',
    notEligible: '你暂时无法报名', applicants: '查看报名者', female: '女', filter: '筛选',
    book: '录用', release: '不录用', booked: '已录用', released: '未录用', myWork: '我的通告',
  },
  {
    locale: 'en', production: 'The Lingyan Pavilion', maids: 'Palace maids', dancers: 'Court dancers', registerToApply: 'Register as an actor to apply', register: 'Register',
    qualify: 'You meet every requirement', apply: 'Apply now', applied: 'Applied', dance: 'Dance',
    notEligible: 'You cannot apply', applicants: 'See applicants', female: 'Female', filter: 'Filter',
    book: 'Book', release: 'Release', booked: 'Booked', released: 'Released', myWork: 'My work',
  },
];

for (const r of runs) {
  test(`an actress applies in one tap, hears why another call is out of reach; the crew filters, books two, the rest hear back (${r.locale})`, async ({ browser }) => {
    const tag = `${r.locale === 'en' ? 'E' : 'Z'}${test.info().project.name === 'phone' ? 'p' : 'd'}${Date.now() % 1e6}`;
    const names = { her: `林婉儿${tag}`, second: `苏小小${tag}`, third: `许仙儿${tag}`, older: `白素${tag}` };

    // A visitor reads the open calls and the palace maids' call without an account.
    const context = await browser.newContext({ locale: r.locale });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/casting');
    await hydrated(page);
    // Two productions look for palace maids: this one is the demo crew's (凌烟阁, Tang).
    const tile = page.locator('.call-tile', { hasText: r.production }).filter({ has: page.getByRole('link', { name: r.maids, exact: true }) });
    await tile.getByRole('link', { name: r.maids, exact: true }).click();
    await expect(page).toHaveURL(/\/casting\/\d+$/);
    const callId = /\/casting\/(\d+)$/.exec(page.url())![1];
    await expect(page.locator('.call-places')).toBeVisible();
    await hydrated(page);

    // She registers in one screen and comes straight back to the call.
    await page.getByRole('link', { name: r.registerToApply }).click();
    await expect(page).toHaveURL(new RegExp(`/register\\?next=/casting/${callId}$`));
    await hydrated(page);
    await page.locator('#display_name').fill(names.her);
    await page.locator('#login').fill(uniquePhone());
    await page.locator('#password').fill('Palace maid 2026');
    await fillActorProfile(page, { gender: 'female', birth: bornAged(22), height: 165, weight: 50 });
    await page.locator('form button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/casting/${callId}$`));
    await expect(page.locator('.signed-in')).toContainText(names.her);

    // She meets every requirement: one tap applies.
    await expect(page.locator('.eligible')).toContainText(r.qualify);
    await page.getByRole('button', { name: r.apply }).click();
    await expect(page.locator('.application-state')).toContainText(r.applied);

    // The dancers' call needs dance training she has not listed: she is told so, and cannot apply.
    await page.goto('/casting');
    await hydrated(page);
    await page.getByRole('link', { name: r.dancers, exact: true }).click();
    await expect(page.locator('.ineligible')).toContainText(r.notEligible);
    await expect(page.locator('.ineligible li')).toContainText(r.dance);
    await expect(page.getByRole('button', { name: r.apply })).toHaveCount(0);

    // Three more apply: two in the crew's range, one too old for it.
    const others = [
      await applicant(browser, names.second, 20, 162, callId),
      await applicant(browser, names.third, 24, 168, callId),
      await applicant(browser, names.older, 27, 165, callId),
    ];

    // The production's crew filters the applicants: 女/Female, 18–25, 160–170 cm.
    const crewContext = await browser.newContext({ locale: r.locale });
    const crew = await crewContext.newPage();
    await logIn(crew, 'crew@backlot.local', 'backlot-crew-demo');
    await crew.goto(`/casting/${callId}`);
    await hydrated(crew);
    await crew.getByRole('link', { name: r.applicants }).click();
    await expect(crew).toHaveURL(new RegExp(`/casting/${callId}/applicants$`));
    await hydrated(crew);
    const form = crew.locator('form.applicant-filter');
    await form.locator('select[name="gender"]').selectOption('female');
    await form.locator('input[name="age_min"]').fill('18');
    await form.locator('input[name="age_max"]').fill('25');
    await form.locator('input[name="height_min"]').fill('160');
    await form.locator('input[name="height_max"]').fill('170');
    await form.getByRole('button', { name: r.filter }).click();
    await expect(crew).toHaveURL(/gender=female&age_min=18&age_max=25&height_min=160&height_max=170/);
    for (const name of [names.her, names.second, names.third]) {
      await expect(crew.locator('tr', { hasText: name })).toBeVisible();
    }
    await expect(crew.locator('tr', { hasText: names.older })).toHaveCount(0);

    // Books two, releases the third.
    for (const name of [names.her, names.second]) {
      const row = crew.locator('tr', { hasText: name });
      await row.getByRole('button', { name: r.book, exact: true }).click();
      await expect(row).toHaveAttribute('data-status', 'booked');
    }
    const third = crew.locator('tr', { hasText: names.third });
    await third.getByRole('button', { name: r.release, exact: true }).click();
    await expect(third).toHaveAttribute('data-status', 'released');
    // A booked actor's phone is on the crew's list for the call sheet.
    await expect(crew.locator('tr', { hasText: names.her }).locator('a.phone')).toBeVisible();

    // She sees "booked" in her work; the released applicant is told, not left waiting.
    await page.getByRole('link', { name: r.myWork }).click();
    await expect(page).toHaveURL(/\/work$/);
    const mine = page.locator(`.work-item[data-call="${callId}"]`);
    await expect(mine).toHaveAttribute('data-status', 'booked');
    await expect(mine.locator('.status')).toHaveText(r.booked);
    const thirdPage = await others[1].newPage();
    await thirdPage.goto('/work');
    await expect(thirdPage.locator(`.work-item[data-call="${callId}"]`)).toHaveAttribute('data-status', 'released');

    // Nothing about the applicants is public.
    const visitor = await browser.newContext();
    const publicHtml = await (await visitor.request.get(`/casting/${callId}`)).text();
    for (const name of Object.values(names)) expect(publicHtml).not.toContain(name);

    expect(errors).toEqual([]);
    for (const c of [...others, crewContext, visitor, context]) await c.close();
  });
}
