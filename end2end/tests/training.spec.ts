import { test, expect } from '@playwright/test';
import { hydrated, logIn, watchErrors, studioDate, speaking } from './support';

const runs = [
  {
    locale: 'zh-CN', missing: '该招募要求通过“片场安全”培训。', take: '现在去学（免费）', free: '培训免费',
    right: ['保持安静，等“停”再动', '跨过去', '立即告诉副导演或安全员', '不可信，正规剧组不收费'],
    wrong3: '坚持拍完这条再说', submit: '提交答案', failed: '答对 3 / 4 题', passed: '通过：全部答对。', back: '返回招募',
    apply: '一键报名', applied: '已报名', profile: '我的资料',
  },
  {
    locale: 'en', missing: 'The call requires the “Set safety” training.', take: 'Take it now (free)', free: 'Training is free',
    right: ['Stay still and silent until "cut"', 'Step over it', 'Tell the AD or safety officer at once', 'Do not trust it: genuine productions never charge'],
    wrong3: 'Hold on until the take is over', submit: 'Check my answers', failed: '3 of 4 right', passed: 'Passed: every answer right.', back: 'Back to the call',
    apply: 'Apply now', applied: 'Applied', profile: 'My profile',
  },
];

for (const r of runs) {
  test(`an actress is told a call needs set-safety training, passes the free quiz on the second try and applies (${r.locale})`, async ({ browser }) => {
    const tag = `${r.locale === 'en' ? 'E' : 'Z'}${test.info().project.name === 'phone' ? 'p' : 'd'}${Date.now() % 1e6}`;

    // The demo crew posts a call that requires the set-safety module and nothing else.
    const crewContext = await speaking(browser, r.locale);
    const crew = await crewContext.newPage();
    await logIn(crew, 'crew@backlot.local', 'backlot-crew-demo');
    const editor = await (await crew.request.post('/api/call/editor', { form: {} })).json();
    const posted = await crew.request.post('/api/call/save', {
      form: {
        'form[role_zh]': `乱军${tag}`, 'form[location]': editor.places[0].slug,
        'form[starts_on]': studioDate(30), 'form[ends_on]': studioDate(31), 'form[deadline]': studioDate(20),
        'form[pay_per_day]': '260', 'form[needed]': '30', 'form[training][]': 'set_safety',
      },
    });
    expect(posted.status()).toBe(200);
    const callId = String(await posted.json());
    await crewContext.close();

    // A newly registered actress opens the call: the module is missing.
    const herContext = await speaking(browser, r.locale);
    const registered = await herContext.request.post('/api/register', {
      form: {
        login: `train${tag}@test.backlot.local`, password: 'Background 2026', display_name: `阿秀${tag}`,
        gender: 'female', birth_date: '2001-05-05', height_cm: '160', weight_kg: '50',
      },
    });
    expect(registered.ok()).toBeTruthy();
    const page = await herContext.newPage();
    const errors = watchErrors(page);
    await page.goto(`/casting/${callId}`);
    await hydrated(page);
    await expect(page.locator('.ineligible')).toContainText(r.missing);

    // The training link leads to the lessons and quiz; it says training is free.
    await page.getByRole('link', { name: r.take }).click();
    await expect(page).toHaveURL(new RegExp(`/training/set_safety\\?next=/casting/${callId}$`));
    await hydrated(page);
    await expect(page.locator('.free-notice')).toContainText(r.free);
    const answer = async (texts: string[]) => {
      for (const text of texts) await page.getByLabel(text, { exact: true }).check();
      await page.getByRole('button', { name: r.submit }).click();
    };
    // One wrong answer: not passed; the question and its lesson are named.
    await answer([r.right[0], r.right[1], r.wrong3, r.right[3]]);
    await expect(page.locator('.failed')).toContainText(r.failed);
    await expect(page.locator('.failed a')).toHaveAttribute('href', '#lesson-3');
    await answer([r.right[2]]);
    await expect(page.locator('.passed')).toContainText(r.passed);
    await expect(page.locator('.passed')).toHaveAttribute('data-recorded', 'true');

    // Back at the call she may apply.
    await page.getByRole('link', { name: r.back }).click();
    await expect(page).toHaveURL(new RegExp(`/casting/${callId}$`));
    await hydrated(page);
    await page.getByRole('button', { name: r.apply }).click();
    await expect(page.locator('.call-action')).toContainText(r.applied);
    expect(errors).toEqual([]);
    await herContext.close();
  });
}
