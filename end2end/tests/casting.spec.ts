import { test, expect } from '@playwright/test';
import { hydrated, logIn, watchErrors, fillActorProfile, bornAged, uniquePhone, applicant, studioDate } from './support';

const runs = [
  {
    locale: 'zh-CN', production: '凌烟阁', maids: '宫女', dancers: '舞姬', registerToApply: '注册群演账号报名', register: '注册',
    qualify: '你符合该招募的全部要求', apply: '一键报名', applied: '已报名', dance: '舞蹈',
    notEligible: '你暂时无法报名', applicants: '查看报名者', female: '女', filter: '筛选',
    book: '录用', release: '不录用', booked: '已录用', released: '未录用', myWork: '我的通告',
    addSkills: '在资料中添加技能', saveProfile: '保存资料', saved: '已保存。', backToCall: '返回招募',
  },
  {
    locale: 'en', production: 'The Lingyan Pavilion', maids: 'Palace maids', dancers: 'Court dancers', registerToApply: 'Register as an actor to apply', register: 'Register',
    qualify: 'You meet every requirement', apply: 'Apply now', applied: 'Applied', dance: 'Dance',
    notEligible: 'You cannot apply', applicants: 'See applicants', female: 'Female', filter: 'Filter',
    book: 'Book', release: 'Release', booked: 'Booked', released: 'Released', myWork: 'My work',
    addSkills: 'Add skills to my profile', saveProfile: 'Save the profile', saved: 'Saved.', backToCall: 'Back to the call',
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
    // (The calls at the Tang palace garden: the list is paged, and other specs post calls.)
    await page.goto('/casting?place=tang-garden-palace');
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
    await page.locator('main form button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/casting/${callId}$`));
    await expect(page.locator('.signed-in')).toContainText(names.her);

    // She meets every requirement: one tap applies.
    await expect(page.locator('.eligible')).toContainText(r.qualify);
    await page.getByRole('button', { name: r.apply }).click();
    await expect(page.locator('.application-state')).toContainText(r.applied);

    // The dancers' call needs dance training she has not listed: she is told so, and cannot apply.
    await page.goto('/casting?place=tang-garden-palace');
    await hydrated(page);
    await page.getByRole('link', { name: r.dancers, exact: true }).click();
    await expect(page.locator('.ineligible')).toContainText(r.notEligible);
    await expect(page.locator('.ineligible li')).toContainText(r.dance);
    await expect(page.getByRole('button', { name: r.apply })).toHaveCount(0);
    // She can dance: she adds it to her profile from the call and comes back eligible.
    const dancersUrl = page.url();
    await page.getByRole('link', { name: r.addSkills }).click();
    await expect(page).toHaveURL(/\/profile\?next=\/casting\/\d+$/);
    await hydrated(page);
    await page.getByRole('checkbox', { name: r.dance, exact: true }).check();
    await page.getByRole('button', { name: r.saveProfile }).click();
    // The profile form's own status line (the look photo's section has one too).
    await expect(page.locator('.profile-form .form-ok')).toHaveText(r.saved);
    await page.getByRole('link', { name: r.backToCall }).click();
    await expect(page).toHaveURL(dancersUrl);
    await expect(page.locator('.eligible')).toContainText(r.qualify);

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

const posts = [
  {
    locale: 'zh-CN', post: '发布招募', roleZh: '角色（中文）', roleEn: '角色（英文）', place: '地点', start: '开拍日期',
    end: '最后拍摄日', deadline: '报名截止日期', pay: '日薪（元）', needed: '需要人数', gender: '性别', publish: '发布招募',
    payError: '请输入 0.01 到 100,000 元之间的日薪', filters: '筛选', from: '拍摄日期从', payMin: '日薪不低于（元）', apply: '应用',
    book: '录用', edit: '修改招募', save: '保存修改', cancel: '取消这条招募…', confirm: '确认取消招募',
    cancelled: '这条招募已取消。',
  },
  {
    locale: 'en', post: 'Post a casting call', roleZh: 'Role (Chinese)', roleEn: 'Role (English)', place: 'Location', start: 'First shooting day',
    end: 'Last shooting day', deadline: 'Applications close on', pay: 'Pay per day (¥)', needed: 'Actors needed', gender: 'Gender', publish: 'Publish the call',
    payError: 'Enter a pay between ¥0.01 and ¥100,000', filters: 'Filters', from: 'Shooting from', payMin: 'Pay at least (¥ a day)', apply: 'Apply',
    book: 'Book', edit: 'Edit the call', save: 'Save changes', cancel: 'Cancel this call…', confirm: 'Yes, cancel the call',
    cancelled: 'This call was cancelled.',
  },
];

for (const r of posts) {
  test(`a crew posts a call, visitors find it by date, pay and place; the crew changes the pay, then cancels and the booked actress hears (${r.locale})`, async ({ browser }) => {
    const phone = test.info().project.name === 'phone';
    const tag = `${r.locale === 'en' ? 'E' : 'Z'}${phone ? 'p' : 'd'}${Date.now() % 1e6}`;
    const role = `护城河纤夫${tag}`;
    const crewContext = await browser.newContext({ locale: r.locale });
    const crew = await crewContext.newPage();
    const errors = watchErrors(crew);
    await logIn(crew, 'crew@backlot.local', 'backlot-crew-demo');
    await crew.goto('/casting');
    await hydrated(crew);
    await crew.getByRole('link', { name: r.post }).click();
    await expect(crew).toHaveURL(/\/casting\/new$/);
    await hydrated(crew);

    // The form: Chinese role only (the English page shows the same words), place, days, pay.
    await crew.getByLabel(r.roleZh, { exact: true }).fill(role);
    const place = crew.getByLabel(r.place, { exact: true });
    await place.selectOption({ index: 2 });
    const slug = await place.inputValue();
    const start = studioDate(60 + (phone ? 7 : 0) + (r.locale === 'en' ? 3 : 0));
    await crew.getByLabel(r.start, { exact: true }).fill(start);
    await crew.getByLabel(r.end, { exact: true }).fill(start);
    await crew.getByLabel(r.deadline, { exact: true }).fill(studioDate(50));
    await crew.getByLabel(r.needed, { exact: true }).fill('1');
    await crew.getByLabel(r.gender, { exact: true }).selectOption('female');
    // A pay that is not a number is named next to its field; nothing is posted.
    await crew.getByLabel(r.pay, { exact: true }).fill('abc');
    await crew.getByRole('button', { name: r.publish, exact: true }).click();
    await expect(crew.locator('#call-pay_per_day-error')).toContainText(r.payError.split(' ')[0]);
    await expect(crew).toHaveURL(/\/casting\/new$/);
    await crew.getByLabel(r.pay, { exact: true }).fill('288');
    await crew.getByRole('button', { name: r.publish, exact: true }).click();
    await expect(crew).toHaveURL(/\/casting\/\d+\/applicants$/);
    const callId = /\/casting\/(\d+)\/applicants$/.exec(crew.url())![1];

    // A visitor finds it by shooting date, pay and place; a higher pay leaves it out.
    const visitorContext = await browser.newContext({ locale: r.locale });
    const visitor = await visitorContext.newPage();
    await visitor.goto('/casting');
    await hydrated(visitor);
    await visitor.locator('.call-filter-panel > summary').click();
    await visitor.getByLabel(r.from, { exact: true }).fill(start);
    await visitor.getByLabel(r.payMin, { exact: true }).fill('288');
    await visitor.locator('#calls-place').selectOption(slug);
    await visitor.getByRole('button', { name: r.apply, exact: true }).click();
    await expect(visitor).toHaveURL(/pay_min=288/);
    const params = new URL(visitor.url()).searchParams;
    expect([params.get('from'), params.get('pay_min'), params.get('place')]).toEqual([start, '288', slug]);
    // The page loads no script (app::bundle): the form sends only the fields that narrow.
    expect([...params.keys()]).toEqual(['from', 'pay_min', 'place']);
    const tile = visitor.locator(`.call-tile[data-call="${callId}"]`);
    await expect(tile).toContainText(role);
    await expect(tile).toContainText('¥288');
    await visitor.goto(`/casting?pay_min=289&place=${slug}`);
    await hydrated(visitor);
    await expect(visitor.locator('.result-count')).toBeVisible();
    await expect(tile).toHaveCount(0);

    // An actress applies; the crew books her.
    const actress = await applicant(browser, `纤夫妻${tag}`, 30, 160, callId);
    await crew.reload();
    await hydrated(crew);
    await crew.locator('tr', { hasText: `纤夫妻${tag}` }).getByRole('button', { name: r.book, exact: true }).click();
    await expect(crew.locator('tr', { hasText: `纤夫妻${tag}` })).toHaveAttribute('data-status', 'booked');

    // The crew raises the pay; the public page shows the new pay.
    await crew.getByRole('link', { name: r.edit }).click();
    await expect(crew).toHaveURL(new RegExp(`/casting/${callId}/edit$`));
    await hydrated(crew);
    await expect(crew.getByLabel(r.roleZh, { exact: true })).toHaveValue(role);
    await crew.getByLabel(r.pay, { exact: true }).fill('320');
    await crew.getByRole('button', { name: r.save, exact: true }).click();
    await expect(crew).toHaveURL(new RegExp(`/casting/${callId}/applicants$`));
    await visitor.goto(`/casting/${callId}`);
    await expect(visitor.locator('.call-pay')).toContainText('¥320');

    // Cancelling takes two steps; the booked actress is told the call was cancelled.
    await hydrated(crew);
    await crew.getByText(r.cancel).click();
    await crew.getByRole('button', { name: r.confirm }).click();
    await expect(crew.locator('.call-cancelled')).toHaveText(r.cancelled);
    const hers = await actress.newPage();
    await hers.goto('/work');
    const item = hers.locator(`.work-item[data-call="${callId}"]`);
    await expect(item).toHaveAttribute('data-status', 'released');
    // (Her browser has no language set: she reads whichever the server picked.)
    await expect(item.locator('.work-state')).toContainText(/剧组取消了这条招募|the production cancelled this call/);
    // The list that showed it (its pay is now higher still) no longer does.
    await visitor.goto(`/casting?pay_min=288&place=${slug}`);
    await expect(visitor.locator('.result-count')).toBeVisible();
    await expect(visitor.locator(`.call-tile[data-call="${callId}"]`)).toHaveCount(0);

    // The one console line is the browser's note of the refused form (422); nothing else.
    expect(errors).toEqual([expect.stringContaining('422')]);
    for (const c of [crewContext, visitorContext, actress]) await c.close();
  });
}

for (const r of [
  { locale: 'zh-CN', pool: '演员库', female: '女', filter: '筛选', dance: '舞蹈', matches: /共 [\d,]+ 位演员符合/ },
  { locale: 'en', pool: 'Actors', female: 'Female', filter: 'Filter', dance: 'Dance', matches: /[\d,]+ actors match/ },
]) {
  test(`a crew searches the actor pool by gender, age, height and skill, with counts (${r.locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: r.locale });
    const crew = await context.newPage();
    const errors = watchErrors(crew);
    await logIn(crew, 'crew@backlot.local', 'backlot-crew-demo');
    await crew.getByRole('link', { name: r.pool, exact: true }).click();
    await expect(crew).toHaveURL(/\/actors$/);
    await hydrated(crew);
    const everyone = Number(((await crew.locator('.result-count').textContent()) ?? '').replace(/\D/g, ''));
    expect(everyone).toBeGreaterThan(1000);

    const form = crew.locator('form.applicant-filter');
    await form.locator('select[name="gender"]').selectOption('female');
    await form.locator('input[name="age_min"]').fill('18');
    await form.locator('input[name="age_max"]').fill('25');
    await form.locator('input[name="height_min"]').fill('160');
    await form.locator('input[name="height_max"]').fill('170');
    await form.getByRole('button', { name: r.filter }).click();
    await expect(crew).toHaveURL(/\/actors\?gender=female&age_min=18&age_max=25&height_min=160&height_max=170/);
    await expect(crew.locator('.result-count')).toHaveText(r.matches);
    // After hydration the form navigates within the page: the address changes first, the list
    // once the search has answered.
    const shown = async () => Number(((await crew.locator('.result-count').textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(shown).toBeLessThan(everyone);
    const narrowed = await shown();
    expect(narrowed).toBeGreaterThan(0);
    // The counts add up: every match is one gender; the dancers among them are counted too.
    await expect(crew.locator('.pool-counts li[data-gender="female"] strong')).toHaveText(narrowed.toLocaleString('en-US'));
    const dancers = Number(((await crew.locator('.pool-counts li[data-skill="dance"] strong').textContent()) ?? '0').replace(/\D/g, ''));
    const rows = crew.locator('.pool-table tbody tr');
    expect(await rows.count()).toBe(Math.min(narrowed, 50));
    for (const row of await rows.all()) {
      const cells = await row.locator('td:not(.look)').allTextContents();
      expect(cells[0]).toBe(r.female);
      expect(Number(cells[1])).toBeGreaterThanOrEqual(18);
      expect(Number(cells[1])).toBeLessThanOrEqual(25);
      expect(Number(cells[2])).toBeGreaterThanOrEqual(160);
      expect(Number(cells[2])).toBeLessThanOrEqual(170);
    }
    // Adding the skill narrows to the number its count promised.
    await form.getByRole('checkbox', { name: r.dance, exact: true }).check();
    await form.getByRole('button', { name: r.filter }).click();
    await expect(crew).toHaveURL(/skill=dance/);
    await expect.poll(async () => Number(((await crew.locator('.result-count').textContent()) ?? '').replace(/\D/g, ''))).toBe(dancers);
    // Nothing private is on the page.
    expect(await crew.locator('a.phone').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
