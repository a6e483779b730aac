import { test, expect, Page } from '@playwright/test';
import { Browser } from '@playwright/test';
import { hydrated, logIn, watchErrors, noSeriousAxeViolations, reach, REACHED, speaking } from './support';

// On a phone the facets sit in a closed "Filters" panel; on a desktop they are always shown.
async function openFilters(page: Page) {
  const summary = page.locator('.facet-panel > summary');
  if (await summary.isVisible()) {
    const open = await page.locator('.facet-panel').getAttribute('open');
    // By keyboard: a tap lands where the summary was, and the phone's header can still move.
    if (open === null) {
      await summary.focus();
      await summary.press('Enter');
    }
    await expect(page.locator('.facet-panel')).toHaveAttribute('open', '');
  }
}

// The number a facet value promises ("清 (123)"), then the count once it is chosen.
async function choose(page: Page, name: string): Promise<number> {
  await openFilters(page);
  const option = page.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) });
  const label = await option.getAttribute('aria-label');
  const promised = Number(/\(([\d,]+)\)$/.exec(label ?? '')?.[1].replace(/,/g, ''));
  expect(promised).toBeGreaterThan(0);
  await option.click();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) })).toHaveAttribute('aria-checked', 'true');
  return promised;
}

async function shownTotal(page: Page): Promise<number> {
  const text = (await page.locator('.result-count').textContent()) ?? '';
  return Number(/([\d,]+)/.exec(text)?.[1].replace(/,/g, ''));
}

const buyers = [
  { locale: 'zh-CN', search: '搜索', qing: '清', costume: '服装', found: '找到' },
  { locale: 'en', search: 'Search', qing: 'Qing', costume: 'Costumes', found: 'items' },
];

for (const b of buyers) {
  test(`a prop buyer finds Qing dragon robes in L by pinyin, each facet count keeping its promise (${b.locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: b.locale });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/catalogue');
    await hydrated(page);
    await expect(page.locator('.result-count')).toContainText('4,500');

    await page.getByRole('searchbox').fill('longpao');
    await page.getByRole('button', { name: b.search, exact: true }).click();
    await expect(page).toHaveURL(/q=longpao/);
    // The pinyin matched the Chinese name, and the match is marked in it.
    await expect(page.locator('.item-tile mark', { hasText: '龙袍' }).first()).toBeVisible();
    const robes = await shownTotal(page);
    expect(robes).toBeGreaterThan(10);
    expect(robes).toBeLessThan(4_500);

    for (const value of [b.qing, b.costume, 'L']) {
      const promised = await choose(page, value);
      await expect.poll(() => shownTotal(page)).toBe(promised);
    }
    await expect(page).toHaveURL(/q=longpao/);
    const url = new URL(page.url());
    expect(url.searchParams.get('era')).toBe('qing');
    expect(url.searchParams.get('cat')).toBe('costume');
    expect(url.searchParams.get('size')).toBe('l');
    const total = await shownTotal(page);
    const tiles = page.locator('.item-tile');
    expect(await tiles.count()).toBe(Math.min(total, 48));
    for (const tile of await tiles.all()) {
      await expect(tile.locator('.item-meta').first()).toContainText(b.qing);
      await expect(tile).toContainText(/L/);
    }

    // The link reproduces the list; taking a chip off widens it again.
    const again = await context.newPage();
    await again.goto(page.url());
    await hydrated(again);
    expect(await shownTotal(again)).toBe(total);
    await page.locator('.chips a', { hasText: /(：|: )L ×$/ }).click();
    await expect(page).not.toHaveURL(/size=/);
    await expect.poll(() => shownTotal(page)).toBeGreaterThan(total);

    await noSeriousAxeViolations(page, 'catalogue');
    expect(errors).toEqual([]);
    await context.close();
  });
}

// Loaded from the server the list needs no script (app::bundle, SCRIPTLESS_AREAS): each choice
// loads the next view, which opens the panel again (KeptOpen). Reached by a link from a page
// that has hydrated, the router draws each view in place and the panel simply stays.
test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, locale: 'en' });

  for (const reached of REACHED) {
    test(`filters opened stay open through each choice, ${reached}`, async ({ page }) => {
      const errors = watchErrors(page);
      await reach(page, '/catalogue', reached);
      // Gone if a later view is loaded anew rather than drawn in place.
      await page.evaluate(() => { (window as unknown as { drawnInPlace: boolean }).drawnInPlace = true; });
      await expect(page.locator('.item-tile')).toHaveCount(48);
      // Closed until asked for; a new view of the page opens it again only if it was open.
      await expect(page.locator('.facet-panel')).not.toHaveAttribute('open', '');
      await page.locator('.pager a[rel="next"]').click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page.locator('.pager [aria-current="page"]')).toHaveText('2');
      await expect(page.locator('.facet-panel')).not.toHaveAttribute('open', '');

      await openFilters(page);
      const qing = page.getByRole('checkbox', { name: /^Qing \(/ });
      await expect(qing).toBeVisible();
      await qing.click();
      await expect(page).toHaveURL(/era=qing/);
      await expect(page.getByRole('checkbox', { name: /^Qing \(/ })).toHaveAttribute('aria-checked', 'true');
      await expect(page.locator('.facet-panel')).toHaveAttribute('open', '');
      await expect(page.locator('.facet-panel > summary')).toContainText('(1)');

      // A new search is made in the page, the panel still as it was left.
      await page.getByRole('searchbox').fill('guanfu');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(page).toHaveURL(/q=guanfu/);
      expect(new URL(page.url()).searchParams.get('era')).toBe('qing');
      await expect(page.locator('.facet-panel')).toHaveAttribute('open', '');
      await expect(page.locator('.facet-panel > summary')).toContainText('(1)');

      // Closed again, it stays closed through the next choice.
      await page.locator('.facet-panel > summary').focus();
      await page.locator('.facet-panel > summary').press('Enter');
      await expect(page.locator('.facet-panel')).not.toHaveAttribute('open', '');
      await page.locator('.chips a.clear').click();
      await expect(page).toHaveURL(/\/catalogue$/);
      await expect(page.locator('.facet-panel > summary')).not.toContainText('(');
      await expect(page.locator('.facet-panel')).not.toHaveAttribute('open', '');

      // Drawn in place each time, or loaded anew each time.
      const inPlace = await page.evaluate(() => (window as unknown as { drawnInPlace?: boolean }).drawnInPlace === true);
      expect(inPlace).toBe(reached === 'by the router');
      expect(errors).toEqual([]);
    });
  }
});

test('a typo is forgiven and said so; prices sort; the list view keeps the filters', async ({ page }) => {
  await page.goto('/catalogue?q=longpoa');
  await hydrated(page);
  await expect(page.locator('.notice')).toContainText('longpoa');
  expect(await shownTotal(page)).toBeGreaterThan(0);

  await page.goto('/catalogue?cat=prop&rate_max=80');
  await hydrated(page);
  const highToLow = page.getByRole('link', { name: /价格从高到低|high to low/ });
  await highToLow.click();
  await expect(page).toHaveURL(/sort=price_desc/);
  // The results (and the sort links with them) change once the new page has arrived.
  await expect(highToLow).toHaveAttribute('aria-current', 'true');
  const prices = await page.locator('.item-price strong').allTextContents();
  const yuan = prices.map((p) => Number(/¥([\d,.]+)/.exec(p)?.[1].replace(/,/g, '')));
  expect(yuan.length).toBeGreaterThan(1);
  expect(yuan.every((v, i) => i === 0 || yuan[i - 1] >= v)).toBe(true);
  expect(yuan.every((v) => v <= 80)).toBe(true);
  await page.getByRole('link', { name: /^(列表|List)$/ }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.locator('ul.item-list .item-tile').first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('rate_max')).toBe('80');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'zh-CN' });

  test('searching and facets are plain links and forms', async ({ page }) => {
    await page.goto('/catalogue', { waitUntil: 'domcontentloaded' });
    await page.getByRole('searchbox').fill('龙袍');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL(/q=%E9%BE%99%E8%A2%8D/);
    await openFilters(page);
    const promised = await page.getByRole('checkbox', { name: /^清 \(/ }).getAttribute('aria-label');
    await page.getByRole('checkbox', { name: /^清 \(/ }).click();
    await expect(page).toHaveURL(/era=qing/);
    expect(`清 (${await shownTotal(page)})`).toBe(promised?.replace(/,/g, ''));
    // A value that would give nothing is shown but is not a link.
    await openFilters(page);
    const disabled = page.locator('.facet-option[aria-disabled="true"]');
    expect(await disabled.count()).toBeGreaterThan(0);
    expect(await page.locator('span.facet-option[aria-disabled="true"]').count()).toBe(await disabled.count());
  });
});

// A new crew member of the production `inviter` belongs to, registered through an invitation
// link, so that runs side by side never share a request list.
async function newCrewMember(browser: Browser, locale: string, inviter: [string, string], name: string) {
  const admin = await speaking(browser, 'zh-CN');
  const inviterPage = await admin.newPage();
  await logIn(inviterPage, inviter[0], inviter[1]);
  await inviterPage.goto('/account');
  await hydrated(inviterPage);
  await inviterPage.getByRole('button', { name: '生成邀请链接' }).click();
  const link = inviterPage.locator('#invitation-link');
  await expect(link).toHaveValue(/\/join\/[A-Za-z0-9_-]{43}$/);
  const url = await link.inputValue();
  await admin.close();

  const context = await speaking(browser, locale);
  const page = await context.newPage();
  await page.goto(url);
  await hydrated(page);
  await page.locator('#display_name').fill(name);
  const project = test.info().project.name === 'phone' ? '8' : '9';
  await page.locator('#login').fill(`buyer-${project}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@backlot.test`);
  await page.locator('#password').fill('Prop buyer 2026');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.locator('.signed-in')).toContainText(name);
  return { context, page };
}

// A studio date `ahead` days on, as YYYY-MM-DD.
function studioDate(ahead: number): string {
  return new Date(Date.now() + 8 * 3600 * 1000 + ahead * 86400 * 1000).toISOString().slice(0, 10);
}

function yuan(text: string | null): number {
  return Number(/¥([\d,]+(?:\.\d+)?)/.exec(text ?? '')?.[1].replace(/,/g, ''));
}

const reservations = [
  {
    locale: 'zh-CN', item: 0, qing: '清', costume: '服装', add: '加入需求单', openList: '查看需求单',
    first: '开始日期', last: '结束日期（含）', setDays: '设定日期', reserve: '提交预订', reserved: '预订码',
    short: '库存不足', left: '只剩',
  },
  {
    locale: 'en', item: 1, qing: 'Qing', costume: 'Costumes', add: 'Add to request list', openList: 'Open the request list',
    first: 'First day', last: 'Last day (included)', setDays: 'Set days', reserve: 'Reserve', reserved: 'Reservation codes',
    short: 'Not enough stock', left: 'only',
  },
];

for (const r of reservations) {
  test(`a buyer reserves three Qing robes in L for five days from the quote; a rival is told exactly what is left (${r.locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const phone = test.info().project.name === 'phone';
    const buyer = await newCrewMember(browser, r.locale, ['crew@backlot.local', 'backlot-crew-demo'], '道具 小周');
    const rival = await newCrewMember(browser, r.locale, ['crew2@backlot.local', 'backlot-crew2-demo'], '道具 阿May');
    const page = buyer.page;
    const errors = watchErrors(page);

    await page.goto('/catalogue?q=longpao');
    await hydrated(page);
    await expect(page.locator('html')).toHaveAttribute('lang', r.locale.slice(0, 2));
    for (const value of [r.qing, r.costume, 'L']) await choose(page, value);
    // The buyer's production is set in the Tang dynasty: Qing robes are marked as another era.
    await expect(page.locator('.item-tile .anachronism').first()).toContainText(r.qing);
    // Each run has ten days of its own (so runs side by side never meet) and a robe with at
    // least three units, a different one where there are enough.
    const slot = r.item * 2 + (phone ? 1 : 0);
    const stock = await page.locator('.item-tile .item-stock').allTextContents();
    const candidates = stock.map((t, i) => [i, Number(/(\d+)/.exec(t)?.[1])]).filter(([, n]) => n >= 3).map(([i]) => i);
    expect(candidates.length).toBeGreaterThan(0);
    const tile = page.locator('.item-tile').nth(candidates[slot % candidates.length]);
    const sku = await tile.getAttribute('data-sku');
    await tile.locator('h2 a').click();
    await expect(page).toHaveURL(/\/catalogue\/\d+$/);
    await hydrated(page);
    await expect(page.locator('.facts .sku')).toHaveText(sku!);
    const owned = Number(await page.locator('.facts dd').nth(7).textContent());
    expect(owned).toBeGreaterThanOrEqual(3);
    await page.getByLabel(/^(数量|Quantity)$/).fill('3');
    await page.getByRole('button', { name: r.add, exact: true }).click();
    await page.getByRole('link', { name: r.openList }).click();
    await expect(page).toHaveURL(/\/requests$/);
    await hydrated(page);

    const start = studioDate(40 + slot * 10);
    const end = studioDate(44 + slot * 10);
    await page.getByLabel(r.first, { exact: true }).fill(start);
    await page.getByLabel(r.last, { exact: true }).fill(end);
    await page.getByRole('button', { name: r.setDays, exact: true }).click();
    // The quote: 3 × 5 days × the daily rate, 3 deposits, and their sum.
    const line = page.locator(`.request-line[data-sku="${sku}"]`);
    await expect(page.locator('.quote')).toBeVisible();
    const prices = (await line.locator('.line-price').textContent()) ?? '';
    const [rate, deposit] = [...prices.matchAll(/¥([\d,.]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));
    const quote = page.locator('.quote dd');
    expect(yuan(await quote.nth(0).textContent())).toBe(3 * 5 * rate);
    expect(yuan(await quote.nth(1).textContent())).toBe(3 * deposit);
    expect(yuan(await quote.nth(2).textContent())).toBe(3 * 5 * rate + 3 * deposit);
    await page.getByRole('button', { name: r.reserve, exact: true }).click();
    await expect(page.locator('.form-ok', { hasText: r.reserved })).toBeVisible();
    await expect(page.locator('.reservation').first()).toContainText(/R-[0-9A-Z]{5}-[0-9A-Z]{5}/);

    // The buyer's list was emptied by the reservation.
    await expect(page.locator('.request-line')).toHaveCount(0);

    // The rival wants as many as were there before: told what is left, per day; nothing held.
    const rp = rival.page;
    await rp.goto(`/catalogue?q=${sku}`);
    await hydrated(rp);
    await rp.locator('.item-tile h2 a').first().click();
    await expect(rp).toHaveURL(/\/catalogue\/\d+$/);
    await hydrated(rp);
    await rp.getByLabel(/^(数量|Quantity)$/).fill(String(owned));
    await rp.getByRole('button', { name: r.add, exact: true }).click();
    await rp.getByRole('link', { name: r.openList }).click();
    await hydrated(rp);
    await rp.getByLabel(r.first, { exact: true }).fill(studioDate(42 + slot * 10));
    await rp.getByLabel(r.last, { exact: true }).fill(studioDate(46 + slot * 10));
    await rp.getByRole('button', { name: r.setDays, exact: true }).click();
    await expect(rp.locator('.line-free.short')).toBeVisible();
    await rp.getByRole('button', { name: r.reserve, exact: true }).click();
    const refusal = rp.locator('.request-submit [role="alert"]');
    await expect(refusal).toContainText(r.short);
    await expect(refusal.locator(`li[data-sku="${sku}"]`)).toContainText(`${owned - 3}`);
    await expect(refusal.locator(`li[data-sku="${sku}"]`)).toContainText(r.left);
    // Three days overlap the buyer's five: one run naming them.
    await expect(refusal.locator(`li[data-sku="${sku}"] .run`)).toHaveCount(1);
    await expect(rp.locator('.reservation')).toHaveCount(0);

    await noSeriousAxeViolations(rp, '/requests');

    // The catalogue's "free on these days" filter agrees: the robe is listed for what is left
    // over the rival's days, and not for one more.
    const freeFor = async (quantity: number, listed: number) => {
      await rp.goto(`/catalogue?q=${sku}`);
      await hydrated(rp);
      await openFilters(rp);
      const form = rp.locator('form.availability');
      await form.locator('input[name="from"]').fill(studioDate(42 + slot * 10));
      await form.locator('input[name="to"]').fill(studioDate(46 + slot * 10));
      await form.locator('input[name="qty"]').fill(String(quantity));
      await form.locator('button[type="submit"]').click();
      await expect(rp).toHaveURL(new RegExp(`qty=${quantity}`));
      await expect(rp.locator('.chips a', { hasText: `${quantity}` })).toBeVisible();
      await expect(rp.locator(`.item-tile[data-sku="${sku}"]`)).toHaveCount(listed);
    };
    if (owned > 3) await freeFor(owned - 3, 1);
    await freeFor(owned - 2, 0);
    expect(errors).toEqual([]);
    await buyer.context.close();
    await rival.context.close();
  });
}
