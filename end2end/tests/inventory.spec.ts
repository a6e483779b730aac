import { test, expect, Page } from '@playwright/test';
import { hydrated, watchErrors, newMember, noSeriousAxeViolations } from './support';

const HEADER = 'sku,name_zh,name_en,category,subcategory,era,colour,material,size,condition,quantity_owned,daily_rate,deposit,tags';

// Whether the catalogue lists the item with this SKU when it is searched for.
async function listed(page: Page, sku: string): Promise<boolean> {
  const view = await (await page.request.post('/api/catalogue', { form: { query: `q=${sku}` } })).json();
  return view.hits.some((h: any) => h.card.sku === sku);
}

async function importFile(page: Page, text: string) {
  await page.locator('input[type="file"][name="file"]').setInputFiles({
    name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8'),
  });
  await page.locator('.import-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/supply\/items\?(imported|import_problems)=/);
  await hydrated(page);
}

const runs = [
  {
    locale: 'zh-CN', nav: '库存物品', add: '新增物品', save: '保存', saved: '已保存。', retire: '下架', restore: '重新上架',
    retired: '已下架', unknownEra: '没有这个选项。', refused: '未导入任何内容，共 2 处问题', imported: '新增 1 件，更新 0 件',
    taken: '这个 SKU 已被使用。',
  },
  {
    locale: 'en', nav: 'Stock items', add: 'Add an item', save: 'Save', saved: 'Saved.', retire: 'Retire', restore: 'Put back in the catalogue',
    retired: 'Retired', unknownEra: 'That is not one of the choices.', refused: 'Nothing was imported; 2 problems', imported: '1 added, 0 updated',
    taken: 'This SKU is already in use.',
  },
];

for (const r of runs) {
  test(`a supplier adds an item through its form, imports a file that is refused line by line and then one that is applied, and retires the item (${r.locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const phone = test.info().project.name.endsWith('phone');
    const stamp = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 100)}`;
    const sku = `E2E-${r.locale === 'en' ? 'E' : 'Z'}${phone ? 'P' : 'D'}-${stamp}`;
    const context = await newMember(browser, r.locale, ['supplier@backlot.local', 'backlot-supplier-demo'], 'supplier');
    const desk = await context.newPage();
    const errors = watchErrors(desk);

    // From the reservations page to the stock list, then the form.
    await desk.goto('/supply');
    await hydrated(desk);
    await desk.getByRole('link', { name: r.nav }).click();
    await expect(desk).toHaveURL(/\/supply\/items$/);
    await hydrated(desk);
    await noSeriousAxeViolations(desk, '/supply/items');
    await desk.getByRole('link', { name: r.add }).click();
    await expect(desk).toHaveURL(/\/supply\/items\/new$/);
    await hydrated(desk);

    const form = desk.locator('form.item-form');
    await form.locator('#item-sku').fill(sku);
    await form.locator('#item-name_zh').fill('测试官服');
    await form.locator('#item-name_en').fill('Test official robe');
    await form.locator('#item-category').selectOption('costume');
    const sub = await form.locator('#item-subcategory optgroup').first().locator('option').first().getAttribute('value');
    await form.locator('#item-subcategory').selectOption(sub!);
    await form.locator('#item-era').selectOption('qing');
    await form.locator('#item-colour').selectOption('blue');
    await form.locator('#item-material').selectOption('silk');
    await form.locator('#item-size').selectOption('l');
    await form.locator('#item-condition').selectOption('good');
    await form.locator('#item-quantity_owned').fill('3');
    await form.locator('#item-daily_rate').fill('120');
    await form.locator('#item-deposit').fill('800');
    await noSeriousAxeViolations(desk, '/supply/items/new');
    await form.getByRole('button', { name: r.save }).click();
    await expect(desk).toHaveURL(/\/supply\/items\/\d+\?saved=1$/);
    await expect(desk.locator('.item-saved')).toHaveText(r.saved);
    const itemUrl = desk.url().replace(/\?saved=1$/, '');
    expect(await listed(desk, sku)).toBe(true);

    // The same SKU again is refused on its field.
    await desk.goto('/supply/items/new');
    await hydrated(desk);
    await form.locator('#item-sku').fill(sku);
    await form.locator('#item-name_zh').fill('重复');
    await form.locator('#item-name_en').fill('Again');
    await form.locator('#item-category').selectOption('costume');
    await form.locator('#item-subcategory').selectOption(sub!);
    for (const [field, value] of [['era', 'ming'], ['colour', 'red'], ['material', 'cotton'], ['condition', 'fair']]) {
      await form.locator(`#item-${field}`).selectOption(value);
    }
    await form.locator('#item-quantity_owned').fill('1');
    await form.locator('#item-daily_rate').fill('10');
    await form.locator('#item-deposit').fill('0');
    await form.getByRole('button', { name: r.save }).click();
    await expect(desk.locator('#item-sku-error')).toHaveText(r.taken);

    // A file with two bad rows: nothing is imported, each problem named by line and column.
    const second = `${sku}-2`;
    await desk.goto('/supply/items');
    await hydrated(desk);
    await importFile(desk, `${HEADER}\n${second},新行,New row,costume,${sub},qing,red,silk,m,good,2,50,100,\n`
      + `${sku}-3,坏行,Bad row,costume,${sub},victorian,red,silk,,good,1,10,0,\n`
      + `${sku}-4,坏行,Bad row,costume,${sub},ming,red,silk,,good,-5,10,0,\n`);
    const problems = desk.locator('.import-problems');
    await expect(problems).toContainText(r.refused);
    await expect(problems.locator('tr[data-line="3"][data-column="era"]')).toContainText(r.unknownEra);
    await expect(problems.locator('tr[data-line="4"][data-column="quantity_owned"]')).toHaveCount(1);
    expect(await listed(desk, second)).toBe(false);

    // Fixed, it goes in whole.
    await importFile(desk, `${HEADER}\n${second},新行,New row,costume,${sub},qing,red,silk,m,good,2,50,100,\n`);
    await expect(desk.locator('.import-done')).toContainText(r.imported);
    // Found in the list by its SKU.
    await desk.locator('#inventory-q').fill(second.toLowerCase());
    await desk.locator('.inventory-search button[type="submit"]').click();
    await expect(desk).toHaveURL(/\/supply\/items\?q=/);
    await expect(desk.locator(`.inventory-items tr[data-sku="${second}"]`)).toHaveCount(1);
    expect(await listed(desk, second)).toBe(true);

    // Retired, the item leaves the catalogue; put back, it returns.
    await desk.goto(itemUrl);
    await hydrated(desk);
    await desk.getByRole('button', { name: r.retire, exact: true }).click();
    await expect(desk.locator('.item-retired')).toBeVisible();
    expect(await listed(desk, sku)).toBe(false);
    await desk.goto(`/supply/items?q=${sku}`);
    await hydrated(desk);
    await expect(desk.locator(`.inventory-items tr[data-sku="${sku}"] .status`)).toHaveText(r.retired);
    await desk.goto(itemUrl);
    await hydrated(desk);
    await desk.getByRole('button', { name: r.restore }).click();
    await expect(desk.locator('.item-retired')).toHaveCount(0);
    expect(await listed(desk, sku)).toBe(true);

    // The refused save above answered 422, which the browser logs; nothing else may fail.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await context.close();
  });
}
