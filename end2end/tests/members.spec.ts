import { test, expect, Page } from '@playwright/test';
import { hydrated, noSeriousAxeViolations, fillActorProfile } from './support';

// A mainland mobile number no other test uses: a prefix per browser project and test, then the time.
function uniquePhone(prefix: string): string {
  const project = test.info().project.name === 'phone' ? '8' : '9';
  return `1${prefix}${project}${`${Date.now() % 1e8}`.padStart(8, "0")}`;
}

async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('手机号或电子邮箱').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('.signed-in')).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.locator('.signed-in')).toHaveCount(0);
}

test.describe('memberships', () => {
  test.use({ locale: 'zh-CN' });

  test('a crew member registers, an admin attaches them to a production', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    const login = uniquePhone('5');
    const password = 'Grip truck 2026';

    await page.goto('/register');
    await hydrated(page);
    await page.getByLabel('剧组工作人员').check();
    await page.getByLabel('姓名（剧组看到的称呼）').fill('场务 小周');
    await page.getByLabel('手机号或电子邮箱').fill(login);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.locator('.signed-in')).toContainText('剧组');

    await page.getByRole('link', { name: '我的账号' }).click();
    await expect(page.locator('.notice')).toContainText('尚未关联');
    await logOut(page);

    await logIn(page, 'admin@backlot.local', 'backlot-admin-demo');
    await page.getByRole('link', { name: '管理', exact: true }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await hydrated(page);
    await noSeriousAxeViolations(page, '/admin');
    await page.getByLabel('登录名或姓名').fill(login);
    await page.getByLabel('仅显示待关联的剧组和供应商账号').check();
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/unattached=1/);
    await hydrated(page);
    const accounts = page.locator('section[aria-labelledby="accounts-title"]');
    const row = accounts.locator('tbody tr', { hasText: login });
    await expect(row).toHaveCount(1);
    const select = row.locator('select');
    const production = (await select.locator('option').nth(1).textContent())!.trim();
    await select.selectOption({ index: 1 });
    await row.getByRole('button', { name: '关联', exact: true }).click();
    // Attached accounts leave the "waiting" list; the audit log records who did it.
    await expect(accounts.locator('tbody tr', { hasText: login })).toHaveCount(0);
    await expect(page.locator('section[aria-labelledby="audit-title"] tbody tr').first()).toContainText('account.attach');
    await logOut(page);

    await logIn(page, login, password);
    await expect(page.locator('.signed-in')).toContainText(production);
    expect(errors).toEqual([]);
  });

  test('a crew member invites a colleague who registers through the link', async ({ page, browser }) => {
    await logIn(page, 'crew@backlot.local', 'backlot-crew-demo');
    await page.goto('/account');
    await hydrated(page);
    await noSeriousAxeViolations(page, '/account');
    await page.getByRole('button', { name: '生成邀请链接' }).click();
    const link = page.getByLabel('邀请链接');
    await expect(link).toHaveValue(/\/join\/[A-Za-z0-9_-]{43}$/);
    const url = await link.inputValue();
    const production = (await page.locator('.signed-in').textContent())!.split('·')[1].replace(/[)）]$/, '').trim();

    const context = await browser.newContext({ locale: 'zh-CN' });
    const colleague = await context.newPage();
    await colleague.goto(url);
    await hydrated(colleague);
    await expect(colleague.getByRole('heading', { level: 1 })).toContainText(production);
    await noSeriousAxeViolations(colleague, '/join');
    await expect(colleague.getByLabel('剧组工作人员')).toHaveCount(0);
    await colleague.getByLabel('姓名（剧组看到的称呼）').fill('美术 小林');
    await colleague.getByLabel('手机号或电子邮箱').fill(uniquePhone('6'));
    await colleague.getByLabel('密码', { exact: true }).fill('Set dresser 2026');
    await colleague.getByRole('button', { name: '注册' }).click();
    await expect(colleague.locator('.signed-in')).toContainText(production);

    // The link is single-use.
    const third = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await third.goto(url);
    await expect(third.getByRole('alert')).toContainText('无效、已被使用或已过期');
    await context.close();
  });

  test('an actor deletes their account', async ({ page }) => {
    const login = uniquePhone('7');
    const password = 'Hengdian river 2026';
    await page.goto('/register');
    await hydrated(page);
    await page.getByLabel('姓名（剧组看到的称呼）').fill('临时群演');
    await fillActorProfile(page, { gender: 'female', birth: '1998-07-01', height: 163, weight: 52 });
    await page.getByLabel('手机号或电子邮箱').fill(login);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.locator('.signed-in')).toContainText('临时群演');

    await page.goto('/account');
    await hydrated(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载我的数据' }).click();
    expect((await download).suggestedFilename()).toBe('backlot-my-data.json');

    const danger = page.locator('.danger-zone');
    await danger.getByLabel('密码', { exact: true }).fill('not my password');
    await danger.getByRole('button', { name: '永久注销账号' }).click();
    await expect(danger.locator('#password-error')).toHaveText('当前密码不正确。');
    await danger.getByLabel('密码', { exact: true }).fill(password);
    await danger.getByRole('button', { name: '永久注销账号' }).click();
    await expect(page).toHaveURL(/\/(\?deleted=1)?$/);
    await expect(page.locator('.signed-in')).toHaveCount(0);

    await page.goto('/login');
    await hydrated(page);
    await page.getByLabel('手机号或电子邮箱').fill(login);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('#login-error')).toHaveText('账号或密码不正确。');
  });
});
