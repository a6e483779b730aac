import { test, expect } from '@playwright/test';
import { hydrated, logIn, noisePng, noSeriousAxeViolations, watchErrors } from './support';

const runs = [
  { locale: 'zh-CN', photos: '照片', upload: '上传', added: '已添加 1 张照片。', delete: '删除照片', manage: '照片（添加或删除）' },
  { locale: 'en-GB', photos: 'Photos', upload: 'Upload', added: '1 photo(s) added.', delete: 'Delete photo', manage: 'Photos (add or delete)' },
];

for (const [n, r] of runs.entries()) {
  test(`the item's supplier adds a photo that becomes its catalogue thumbnail, then deletes it (${r.locale})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ locale: r.locale });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, 'supplier@backlot.local', 'backlot-supplier-demo');

    // An item of the supplier's own, one per project and language, reached from its stock list:
    // a suit of armour, which no other spec lists (a page drawn while the photo is deleted would
    // ask for a thumbnail that is gone: a 404 in that spec's console).
    const phone = test.info().project.name.endsWith('phone');
    await page.goto('/supply/items?q=armour');
    await hydrated(page);
    const row = page.locator('tbody tr').nth(n + (phone ? 2 : 0));
    await expect(row).toContainText(/铠甲|armour/);
    const sku = (await row.locator('code').textContent())!.trim();
    await row.locator('a').click();
    await expect(page).toHaveURL(/\/supply\/items\/\d+$/);
    await hydrated(page);
    await page.getByRole('link', { name: r.manage }).click();
    await expect(page).toHaveURL(/\/catalogue\/\d+#photos$/);
    await hydrated(page);
    const gallery = page.locator('#photos');
    await expect(gallery.getByRole('heading', { level: 2 })).toContainText(r.photos);

    const caption = `${sku} ${Date.now()}`;
    await gallery.locator('input[type="file"]').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: noisePng(600, 900) });
    await gallery.locator('#photo-caption').fill(caption);
    await gallery.getByRole('button', { name: r.upload, exact: true }).click();
    await expect(gallery.locator('.form-ok')).toHaveText(r.added, { timeout: 30_000 });
    const tile = gallery.locator('li', { has: page.getByAltText(caption) });
    await expect(tile).toHaveCount(1);
    await noSeriousAxeViolations(page, 'item gallery');

    // The catalogue's card shows it, in the grid and in the list, before hydration too.
    const visitor = await browser.newPage({ locale: r.locale, javaScriptEnabled: false });
    for (const layout of ['grid', 'list']) {
      await visitor.goto(`/catalogue?q=${encodeURIComponent(sku)}&view=${layout}`);
      const thumb = visitor.locator(`.item-tile[data-sku="${sku}"] img.thumb`);
      await expect(thumb).toHaveCount(1);
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    }
    // Visitors see the photo on the item's page but cannot change it.
    await visitor.goto(page.url());
    await expect(visitor.getByAltText(caption)).toHaveCount(1);
    await expect(visitor.locator('.photo-upload')).toHaveCount(0);

    // Deleting brings back the placeholder.
    await tile.getByRole('button', { name: r.delete }).click();
    await expect(gallery.getByAltText(caption)).toHaveCount(0);
    await visitor.goto(`/catalogue?q=${encodeURIComponent(sku)}`);
    await expect(visitor.locator(`.item-tile[data-sku="${sku}"] .thumb-none`)).toHaveCount(1);
    await visitor.close();
    expect(errors).toEqual([]);
    await context.close();
  });
}
