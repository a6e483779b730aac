import { test, expect, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { hydrated, watchErrors, studioDate, newMember, noSeriousAxeViolations } from './support';

// Reads the reservation's QR code on the pick list the way a phone's camera would: from its pixels.
async function scanCode(page: Page): Promise<string> {
  const shot = PNG.sync.read(await page.locator('.pass-qr svg').screenshot());
  const found = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(found, 'a readable QR code').not.toBeNull();
  return found!.data;
}

// Units of the item free today, as its page shows them.
async function freeToday(page: Page, itemId: number): Promise<number> {
  await page.goto(`/catalogue/${itemId}`);
  await hydrated(page);
  return Number(/(\d+)/.exec((await page.locator('.free-day .count').first().textContent()) ?? '')?.[1]);
}

const runs = [
  {
    locale: 'zh-CN', nav: '备货预订', confirm: '确认', confirmed: '已确认', pickUp: '登记取件',
    pickedUp: '已取货', record: '登记归还', returned: '已归还', repaired: '标记已修好',
    pickList: '拣货单与二维码', cancel: '取消预订', cancelled: '已取消', repair: '维修中',
    used: '使用记录', noUse: '还没有使用记录。',
  },
  {
    locale: 'en', nav: 'Reservations to supply', confirm: 'Confirm', confirmed: 'Confirmed', pickUp: 'Record pick-up',
    pickedUp: 'Picked up', record: 'Record return', returned: 'Returned', repaired: 'Mark repaired',
    pickList: 'Pick list and QR code', cancel: 'Cancel reservation', cancelled: 'Cancelled', repair: 'Away for repair',
    used: 'Where it was used', noUse: 'No recorded use yet.',
  },
];

for (const r of runs) {
  test(`a supplier confirms a reservation, hands it over by its QR code and takes it back with one damaged unit, which is not free until repaired (${r.locale})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const phone = test.info().project.name === 'phone';
    const slot = (r.locale === 'en' ? 2 : 0) + (phone ? 1 : 0);
    const crewContext = await newMember(browser, r.locale, ['crew@backlot.local', 'backlot-crew-demo'], 'crew');
    const supplierContext = await newMember(browser, r.locale, ['supplier@backlot.local', 'backlot-supplier-demo'], 'supplier');
    const crew = await crewContext.newPage();
    const desk = await supplierContext.newPage();
    const crewErrors = watchErrors(crew);
    const deskErrors = watchErrors(desk);

    // An item of the supplier with at least two units, a different one for each run.
    const me = await (await desk.request.post('/api/me', { form: {} })).json();
    const all = await (await desk.request.post('/api/catalogue', { form: { query: '' } })).json();
    const option = all.facets.flatMap((g: any) => g.options).find((o: any) => o.name_zh === me.org.name_zh);
    expect(option, 'the supplier is a catalogue facet').toBeTruthy();
    const hits = await (await desk.request.post('/api/catalogue', { form: { query: `supplier=${option.code}&sort=price_desc` } })).json();
    const roomy = hits.hits.map((h: any) => h.card).filter((c: any) => c.quantity_owned >= 2);
    const item = roomy[(slot * 3) % roomy.length];
    const before = await freeToday(crew, item.item_id);
    expect(before).toBeGreaterThanOrEqual(2);

    // The crew reserves two for today and tomorrow.
    expect((await crew.request.post('/api/requests/line', { form: { item_id: String(item.item_id), quantity: '2' } })).status()).toBe(200);
    expect((await crew.request.post('/api/requests/days', { form: { first_day: studioDate(0), last_day: studioDate(1) } })).status()).toBe(200);
    const codes = await (await crew.request.post('/api/requests/submit', { form: {} })).json();
    const code: string = codes[0];
    expect(code).toMatch(/^R-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await freeToday(crew, item.item_id)).toBe(before - 2);

    // The supplier finds it under the menu's link, waiting, and confirms it.
    await desk.goto('/');
    await desk.getByRole('link', { name: r.nav }).first().click();
    await expect(desk).toHaveURL(/\/supply$/);
    await hydrated(desk);
    const listed = desk.locator(`.supply-reservation[data-code="${code}"]`);
    await expect(listed).toHaveAttribute('data-status', 'requested');
    await expect(listed.locator(`tr[data-sku="${item.sku}"] td.number`)).toHaveText('2');
    await listed.getByRole('button', { name: r.confirm, exact: true }).click();
    await expect(listed).toHaveAttribute('data-status', 'confirmed');
    await expect(listed.locator('.status')).toHaveText(r.confirmed);
    await noSeriousAxeViolations(desk, '/supply');

    // The crew opens its pick list with the reservation's QR code; the supplier's phone reads it.
    await crew.goto('/requests');
    await hydrated(crew);
    const mine = crew.locator(`.reservation[data-code="${code}"]`);
    await expect(mine).toHaveAttribute('data-status', 'confirmed');
    await mine.getByRole('link', { name: r.pickList }).click();
    await expect(crew).toHaveURL(/\/supply\/pick-list\?code=/);
    await hydrated(crew);
    await expect(crew.locator('.pick-list .pass-code')).toHaveText(code);
    const link = await scanCode(crew);
    expect(link).toMatch(new RegExp(`/supply/scan\\?code=${code}$`));
    await noSeriousAxeViolations(crew, '/supply/pick-list');

    // At the desk: the scanned link opens the reservation; the pick-up is recorded.
    await desk.goto(link);
    await hydrated(desk);
    const sheet = desk.locator('.supply-sheet');
    await expect(sheet).toHaveAttribute('data-status', 'confirmed');
    await sheet.getByRole('button', { name: r.pickUp }).click();
    await expect(sheet).toHaveAttribute('data-status', 'picked_up');
    await expect(sheet.locator('.status')).toHaveText(r.pickedUp);

    // Later the code is typed loosely (lower case, spaces) and the return recorded: one damaged.
    await desk.goto('/supply/scan');
    await hydrated(desk);
    await desk.locator('input[name="code"]').fill(code.toLowerCase().replace(/-/g, ' '));
    await desk.locator('.check-in-form button[type="submit"]').click();
    await expect(sheet).toHaveAttribute('data-status', 'picked_up');
    await sheet.locator(`.damaged-line[data-sku="${item.sku}"] input[type="number"]`).fill('1');
    await sheet.getByRole('button', { name: r.record }).click();
    await expect(sheet).toHaveAttribute('data-status', 'returned');
    await expect(sheet.locator(`tr[data-sku="${item.sku}"] td.damaged`)).toHaveText('1');
    await expect(sheet).toHaveAttribute('data-late', 'false');

    // The damaged unit is away for repair: one fewer is free than before the reservation.
    expect(await freeToday(crew, item.item_id)).toBe(before - 1);
    // The item's page now counts (or, with its consent, names) the production among its users.
    const uses = crew.locator('.item-uses');
    await expect(uses.getByRole('heading', { name: r.used })).toBeVisible();
    await expect(uses).not.toContainText(r.noUse);
    await desk.goto('/supply');
    await hydrated(desk);
    await expect(desk.getByRole('heading', { name: r.repair })).toBeVisible();
    const unit = desk.locator(`.maintenance-unit[data-sku="${item.sku}"]`, { hasText: code });
    await expect(unit).toHaveCount(1);
    await unit.getByRole('button', { name: r.repaired }).click();
    await expect(unit).toHaveCount(0);
    expect(await freeToday(crew, item.item_id)).toBe(before);

    // The crew sees it returned, and may still cancel a new request of its own.
    await crew.goto('/requests');
    await hydrated(crew);
    await expect(mine).toHaveAttribute('data-status', 'returned');
    await expect(mine).toContainText(r.returned);
    expect((await crew.request.post('/api/requests/line', { form: { item_id: String(item.item_id), quantity: '1' } })).status()).toBe(200);
    expect((await crew.request.post('/api/requests/days', { form: { first_day: studioDate(3), last_day: studioDate(3) } })).status()).toBe(200);
    const second: string = (await (await crew.request.post('/api/requests/submit', { form: {} })).json())[0];
    await crew.reload();
    await hydrated(crew);
    const next = crew.locator(`.reservation[data-code="${second}"]`);
    await next.getByRole('button', { name: r.cancel }).click();
    await expect(next).toHaveAttribute('data-status', 'cancelled');
    await expect(next).toContainText(r.cancelled);

    expect(crewErrors).toEqual([]);
    expect(deskErrors).toEqual([]);
    await crewContext.close();
    await supplierContext.close();
  });
}
