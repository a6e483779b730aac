import { test, expect, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { readFileSync } from 'fs';
import { hydrated, logIn, watchErrors, applicant, studioDate, speaking } from './support';

// Reads the QR code shown by `page`'s pass the way a phone's camera would: from its pixels.
async function scanPass(page: Page): Promise<string> {
  const shot = PNG.sync.read(await page.locator('.pass-qr svg').screenshot());
  const found = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(found, 'a readable QR code').not.toBeNull();
  return found!.data;
}

const runs = [
  {
    locale: 'zh-CN', showPass: '出示我的考勤码', record: '记录今天的考勤', recorded: '考勤已于',
    report: '反馈欠薪…', send: '提交反馈', waiting: '等待答复', nav: '欠薪反馈', answer: '你的答复',
    sendAnswer: '发送答复', answered: '已答复', markPaid: '标记已付', paid: '已到场 · 已付',
    unpaid: '已到场 · 未付', crewPaid: '剧组已将这一天标记为已付。', gotPaid: '我已收到报酬', resolved: '已解决',
    csv: '下载录用名单（CSV）',
  },
  {
    locale: 'en', showPass: 'Show my pass', record: 'Record attendance for today', recorded: 'Attendance recorded at',
    report: 'Report unpaid wages…', send: 'Send report', waiting: 'Waiting for an answer', nav: 'Wage reports', answer: 'Your answer',
    sendAnswer: 'Send answer', answered: 'Answered', markPaid: 'Mark paid', paid: 'Attended · paid',
    unpaid: 'Attended · not paid yet', crewPaid: 'The crew has marked this day paid.', gotPaid: 'I have been paid', resolved: 'Resolved',
    csv: 'Download the booked list (CSV)',
  },
];

for (const r of runs) {
  test(`a booked actress's pass is scanned on set, her unpaid-wage report reaches the crew, who answer and pay (${r.locale})`, async ({ browser }) => {
    const phone = test.info().project.name === 'phone';
    const tag = `${r.locale === 'en' ? 'E' : 'Z'}${phone ? 'p' : 'd'}${Date.now() % 1e6}`;
    const name = `金凤${tag}`;

    // The demo crew posts a call shooting today and tomorrow, and books the actress.
    const crewContext = await speaking(browser, r.locale);
    const crew = await crewContext.newPage();
    const crewErrors = watchErrors(crew);
    await logIn(crew, 'crew@backlot.local', 'backlot-crew-demo');
    const editor = await (await crew.request.post('/api/call/editor', { form: {} })).json();
    const posted = await crew.request.post('/api/call/save', {
      form: {
        'form[role_zh]': `挑水工${tag}`, 'form[role_en]': `Water carriers ${tag}`,
        'form[description_zh]': '片场挑水', 'form[location]': editor.places[0].slug,
        'form[starts_on]': studioDate(0), 'form[ends_on]': studioDate(1), 'form[deadline]': studioDate(0),
        'form[pay_per_day]': '300', 'form[needed]': '2',
      },
    });
    expect(posted.status()).toBe(200);
    const callId = String(await posted.json());
    const actress = await applicant(browser, name, 25, 162, callId, r.locale);
    const her = await actress.newPage();
    const herErrors = watchErrors(her);
    await her.goto('/work');
    await hydrated(her);
    const item = her.locator(`.work-item[data-call="${callId}"]`);
    await expect(item).toHaveAttribute('data-status', 'applied');
    const application = await crew.request.post('/api/call/applicants', { form: { call_id: callId, query: '' } });
    const applicationId = String((await application.json()).applicants[0].application_id);
    const booked = await crew.request.post('/api/call/decide', { form: { call_id: callId, application_id: applicationId, decision: 'book' } });
    expect(booked.status()).toBe(200);

    // On the day she opens her pass; the crew's phone reads its QR code and opens the link.
    await her.reload();
    await hydrated(her);
    await expect(item).toHaveAttribute('data-status', 'booked');
    await item.getByRole('link', { name: r.showPass }).click();
    await expect(her).toHaveURL(new RegExp(`/work/${applicationId}/pass$`));
    const link = await scanPass(her);
    expect(link).toMatch(/\/attend\?code=P-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(her.locator('.pass-code')).toHaveText(new URL(link).searchParams.get('code')!);
    await crew.goto(link);
    await hydrated(crew);
    await expect(crew.locator('.check-in-who')).toHaveText(name);
    await crew.getByRole('button', { name: r.record }).click();
    await expect(crew.locator('.check-in-done')).toContainText(r.recorded);
    await expect(crew.locator('.check-in-done')).toHaveAttribute('data-now', 'true');

    // Back in "my work" today reads attended, unpaid; she reports it (the pay is filled in).
    await her.goto('/work');
    await hydrated(her);
    const today = item.locator(`.work-days li[data-day="${studioDate(0)}"]`);
    await expect(today).toHaveAttribute('data-state', 'unpaid');
    await expect(today).toContainText(r.unpaid);
    await today.getByText(r.report).click();
    await expect(today.locator('input[name="form[amount]"]')).toHaveValue('¥300');
    await today.locator('textarea').fill(`说好日结，${tag}`);
    await today.getByRole('button', { name: r.send }).click();
    const report = item.locator('.wage-report');
    await expect(report).toHaveAttribute('data-status', 'open');
    await expect(report).toContainText(r.waiting);

    // The crew finds it under "Wage reports" and answers.
    await crew.goto('/casting');
    await hydrated(crew);
    await crew.getByRole('link', { name: r.nav }).click();
    await expect(crew).toHaveURL(/\/wages$/);
    await hydrated(crew);
    const card = crew.locator('.wage-report', { hasText: name });
    await expect(card).toContainText('¥300');
    await expect(card).toContainText(`说好日结，${tag}`);
    await card.getByLabel(r.answer).fill('财务今天转账 / paid by transfer today');
    await card.getByRole('button', { name: r.sendAnswer }).click();
    await expect(card).toHaveAttribute('data-status', 'answered');
    await expect(card.locator('.status')).toHaveText(r.answered);

    // And marks the day paid on the call's attendance sheet.
    await crew.goto(`/casting/${callId}/attendance`);
    await hydrated(crew);
    const cell = crew.locator(`tr[data-application="${applicationId}"] td[data-day="${studioDate(0)}"]`);
    await expect(cell).toHaveAttribute('data-state', 'unpaid');
    await cell.getByRole('button', { name: r.markPaid }).click();
    await expect(cell).toHaveAttribute('data-state', 'paid');
    await expect(cell).toHaveText(r.paid);
    // The booked list downloads as CSV, in the page's language.
    const [download] = await Promise.all([crew.waitForEvent('download'), crew.getByRole('link', { name: r.csv }).click()]);
    expect(download.suggestedFilename()).toBe(`backlot-call-${callId}-booked.csv`);
    const csv = readFileSync(await download.path()).toString('utf8');
    expect(csv.split('\n')[0]).toContain(r.locale === 'en' ? 'Name,Gender,Age' : '姓名,性别,年龄');
    expect(csv).toContain(name);

    // She reads the answer, sees the day paid, and closes the report.
    await her.reload();
    await hydrated(her);
    await expect(report).toContainText('财务今天转账');
    await expect(report).toContainText(r.crewPaid);
    await expect(today).toHaveAttribute('data-state', 'paid');
    await report.getByRole('button', { name: r.gotPaid }).click();
    await expect(report).toHaveAttribute('data-status', 'resolved');
    await expect(report.locator('.status')).toHaveText(r.resolved);

    expect(crewErrors).toEqual([]);
    expect(herErrors).toEqual([]);
    for (const c of [crewContext, actress]) await c.close();
  });
}
