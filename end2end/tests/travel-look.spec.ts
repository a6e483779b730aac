import { test, expect } from '@playwright/test';
import { applicant, hydrated, logIn, noSeriousAxeViolations, noisePng, speaking, studioDate, watchErrors } from './support';

const runs = [
  {
    locale: 'zh-CN', title: '交通攻略', assembly: '群演集合点', guild: '横店演员公会（万盛街）', line1: '1 路 · 影视城南线',
    guide: '查看交通攻略', directions: '最近的集合点是秦王宫东停车场集合点', outlying: '外地基地：由剧组安排车辆接送。',
    lookTitle: '近照', photo: '照片（JPEG、PNG 或 WebP，最大 15 MB）', takenOn: '拍摄日期', upload: '上传近照',
    future: '拍摄日期不能晚于今天。', saved: '近照已更新。', stale: '照片已超过 90 天', taken: '拍摄于',
  },
  {
    locale: 'en', title: 'Getting to and around Hengdian', assembly: 'Assembly points', guild: "Hengdian Actors' Guild (Wansheng Street)",
    line1: 'Line 1 · Studios south line', guide: 'Travel guide', directions: 'the nearest assembly point is Qin Palace, east car park',
    outlying: 'Outlying base: the crew arranges transport.',
    lookTitle: 'Current look', photo: 'Photo (JPEG, PNG or WebP, up to 15 MB)', takenOn: 'Day it was taken', upload: 'Upload look photo',
    future: 'The photo cannot be taken after today.', saved: 'Your look photo is updated.', stale: 'Older than 90 days', taken: 'Taken',
  },
];

for (const r of runs) {
  test(`a visitor finds assembly points and bus lines in the travel guide, on the map and in the list (${r.locale})`, async ({ browser }) => {
    const context = await speaking(browser, r.locale);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/travel');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.title);
    // The list is there before the wasm has loaded.
    await expect(page.locator('#guild h3')).toHaveText(r.guild);
    await expect(page.locator('#line-1 h3')).toContainText(r.line1);
    await hydrated(page);
    // The map draws the bus lines and the places in town as coloured circles.
    const map = page.locator('.guide-map-box');
    await expect(map).toHaveAttribute('data-hydrated', 'true');
    await expect(map.locator('path.leaflet-interactive').first()).toBeVisible();
    expect(await map.locator('path.leaflet-interactive').count()).toBeGreaterThan(20);
    // The table of contents jumps to the assembly points.
    await page.getByRole('link', { name: r.assembly, exact: true }).first().click();
    await expect(page).toHaveURL(/#assembly$/);
    await noSeriousAxeViolations(page, 'travel');
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`a call's page says how to get there; an actress dates her look photo and the crew sees it (${r.locale})`, async ({ browser }) => {
    const tag = `${r.locale === 'en' ? 'E' : 'Z'}${test.info().project.name === 'phone' ? 'p' : 'd'}${Date.now() % 1e6}`;
    // The demo crew posts a call at Qin Palace's main hall.
    const crewContext = await speaking(browser, r.locale);
    const crew = await crewContext.newPage();
    await logIn(crew, 'crew@backlot.local', 'backlot-crew-demo');
    const posted = await crew.request.post('/api/call/save', {
      form: {
        'form[role_zh]': `侍女${tag}`, 'form[location]': 'qin-palace-main-hall',
        'form[starts_on]': studioDate(20), 'form[ends_on]': studioDate(21), 'form[deadline]': studioDate(10),
        'form[pay_per_day]': '220', 'form[needed]': '10',
      },
    });
    expect(posted.status()).toBe(200);
    const callId = String(await posted.json());

    // She applies, then opens the call's page: directions from the shared travel rule.
    const herContext = await applicant(browser, `小雅${tag}`, 22, 163, callId, r.locale);
    const page = await herContext.newPage();
    const errors = watchErrors(page);
    await page.goto(`/casting/${callId}`);
    await expect(page.locator('.call-directions')).toContainText(r.directions);
    await hydrated(page);
    await page.locator('.call-directions').getByRole('link', { name: r.guide }).click();
    await expect(page).toHaveURL(/\/travel#assembly-qin$/);
    await expect(page.locator('#assembly-qin')).toBeVisible();

    // On her profile: a date after today is refused and nothing is kept.
    await page.goto('/profile');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: r.lookTitle })).toBeVisible();
    await page.getByLabel(r.photo).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: noisePng(300, 400) });
    await page.getByLabel(r.takenOn).fill(studioDate(2));
    await page.getByRole('button', { name: r.upload }).click();
    await expect(page.locator('#look .form-error')).toHaveText(r.future);
    await expect(page.locator('.look-current')).toHaveCount(0);
    // A photo from four months ago is kept and marked as old.
    await page.getByLabel(r.photo).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: noisePng(300, 400) });
    await page.getByLabel(r.takenOn).fill(studioDate(-120));
    await page.getByRole('button', { name: r.upload }).click();
    await expect(page.locator('#look .form-ok')).toHaveText(r.saved);
    await expect(page.locator('.look-current figcaption')).toContainText(`${r.taken} ${studioDate(-120)}`);
    await expect(page.locator('.look-current figcaption')).toContainText(r.stale);
    const src = await page.locator('.look-current img').getAttribute('src');
    expect(src).toMatch(/^\/media\/looks\/[A-Za-z0-9_-]{22}-thumb\.jpg$/);
    expect(errors).toEqual([]);

    // The call's crew sees the look among the applicants; a visitor is refused the file.
    await crew.goto(`/casting/${callId}/applicants`);
    await hydrated(crew);
    const row = crew.locator('tr[data-application]').filter({ hasText: `小雅${tag}` });
    await expect(row.locator('td.look img')).toHaveAttribute('src', src!);
    await expect(row.locator('td.look')).toContainText(r.stale);
    const shown = await crew.request.get(src!);
    expect(shown.status()).toBe(200);
    const visitor = await browser.newContext();
    expect((await visitor.request.get(src!)).status()).toBe(401);
    await visitor.close();
    await crewContext.close();
    await herContext.close();
  });
}
