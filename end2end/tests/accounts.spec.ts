import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, fillActorProfile } from './support';

// A mainland mobile number no other test uses: a prefix per browser project, then the time.
function uniquePhone(project: string): string {
  const tail = `${Date.now() % 1e8}`.padStart(8, '0');
  return (project === 'phone' ? '136' : '137') + tail;
}

test.describe('accounts', () => {
  test.use({ locale: 'zh-CN' });

  test('an actor registers, logs out and logs in again', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    const login = uniquePhone(test.info().project.name);
    const password = 'Hengdian river 2026';

    await page.goto('/casting');
    await hydrated(page);
    await page.getByRole('link', { name: '注册' }).click();
    await expect(page).toHaveURL(/\/register\?next=\/casting/);
    await hydrated(page);

    await page.getByLabel('姓名（剧组看到的称呼）').fill('测试群演');
    await page.getByLabel('手机号或电子邮箱').fill(login);
    const passwordField = page.getByLabel('密码', { exact: true });
    await passwordField.fill('short');
    await expect(page.locator('.rule-ok')).toHaveCount(1);
    await passwordField.fill(password);
    await expect(page.locator('.rule-ok')).toHaveCount(3);
    await fillActorProfile(page, { gender: 'female', birth: '1998-07-01', height: 163, weight: 52 });
    await page.getByRole('button', { name: '注册' }).click();

    await expect(page).toHaveURL(/\/casting$/);
    // The address changes first; the casting list is drawn once its part of the app has loaded.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('横影通：公开招募');
    await expect(page.locator('.signed-in')).toContainText('测试群演');
    await expect(page.locator('.signed-in')).toContainText('群众演员');

    await page.getByRole('button', { name: '退出登录' }).click();
    const headerLogin = page.getByRole('banner').getByRole('link', { name: '登录' });
    await expect(headerLogin).toBeVisible();
    await expect(page.locator('.signed-in')).toHaveCount(0);

    await headerLogin.click();
    await hydrated(page);
    await page.getByLabel('手机号或电子邮箱').fill(login);
    await page.getByLabel('密码', { exact: true }).fill('wrong password 1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('#login-error')).toHaveText('账号或密码不正确。');

    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('.signed-in')).toContainText('测试群演');
    expect(errors).toEqual([]);
  });

  test('login and register pages pass axe', async ({ page }) => {
    for (const path of ['/login', '/register']) {
      await page.goto(path);
      await hydrated(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    }
  });

  test('registration errors are shown next to their fields', async ({ page }) => {
    await page.goto('/register');
    await hydrated(page);
    await page.getByLabel('姓名（剧组看到的称呼）').fill('某人');
    await page.getByLabel('手机号或电子邮箱').fill('actor@backlot.local');
    await page.getByLabel('密码', { exact: true }).fill('Hengdian river 2026');
    // Fourteen years old: the server refuses, next to the birth date.
    const fourteen = new Date(Date.now() - 14 * 365.25 * 86400 * 1000).toISOString().slice(0, 10);
    await fillActorProfile(page, { gender: 'male', birth: fourteen, height: 170, weight: 60 });
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.locator('#birth_date-error')).toHaveText('演员须年满 16 周岁。');
    await expect(page.locator('#birth_date')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#birth_date').fill('1995-05-05');
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.locator('#login-error')).toHaveText('这个手机号或邮箱已经注册过了，请直接登录。');
    await expect(page.getByLabel('手机号或电子邮箱')).toHaveAttribute('aria-invalid', 'true');
  });
});
