// Helpers shared by the specs.
import { expect, test, Page, ConsoleMessage, Browser, BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { deflateSync } from 'zlib';

// Waits until the page is ready to use: hydrated, or, on a page that needs no script
// (app::bundle, SCRIPTLESS_AREAS: the home, casting and catalogue pages; ISLAND_AREAS: the
// locations map, drawn by its island), once the loader has decided not to fetch the bundle.
export async function hydrated(page: Page) {
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', /^(true|none)$/);
}

// The two ways to a page that needs no script (app::bundle, SCRIPTLESS_AREAS) by one of the
// header's links: loaded from the server, where nothing hydrates, or drawn by the router after
// the link is followed from a page that has hydrated.
export const REACHED = ['from the server', 'by the router'] as const;
export async function reach(page: Page, path: string, how: (typeof REACHED)[number]) {
  const header = page.locator('header.site-header');
  if (how === 'from the server') {
    await page.goto(path);
    await expect(header).toHaveAttribute('data-hydrated', 'none');
  } else {
    await page.goto('/training');
    await expect(header).toHaveAttribute('data-hydrated', 'true');
    await page.locator(`header nav a[href="${path}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(header).toHaveAttribute('data-hydrated', 'true');
  }
}

// Logs in through the form (field ids, so it works in either language).
export async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('main form button[type="submit"]').click();
  await expect(page.locator('.signed-in')).toBeVisible();
}

// Fills the actor's part of the registration form (field ids, so it works in either language).
export async function fillActorProfile(
  page: Page,
  profile: { gender: 'female' | 'male'; birth: string; height: number; weight: number },
) {
  await page.locator('#gender').selectOption(profile.gender);
  await page.locator('#birth_date').fill(profile.birth);
  await page.locator('#height_cm').fill(String(profile.height));
  await page.locator('#weight_kg').fill(String(profile.weight));
}

// Collects console errors and uncaught exceptions so each test can assert there were none.
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // A failed request's message does not say what was asked for: its address is added.
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const url = msg.location().url;
    errors.push(url ? `${msg.text()} (${url})` : msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

export async function noSeriousAxeViolations(page: Page, what = '') {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what} ${v.id}: ${v.help} (${v.nodes.length})`.trim())).toEqual([]);
}

// How many locations the map's markers stand for: single markers plus the counts on clusters.
export async function markedLocations(page: Page): Promise<number> {
  const single = await page.locator('.leaflet-marker-icon:not(.cluster-icon)').count();
  const clusters = await page.locator('.cluster-icon').allTextContents();
  return single + clusters.reduce((sum, text) => sum + Number(text), 0);
}

// A PNG of `width` × `height` pixels of noise, stored uncompressed (so its size is known:
// about 3 bytes a pixel), for upload tests.
export function noisePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let seed = 12345;
  for (let i = 0; i < rows.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    rows[i] = i % (width * 3 + 1) === 0 ? 0 : seed >>> 24;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A studio date of birth that makes someone `age` on the seeded calls' shooting days (they start
// within weeks: half a year's margin either side of the birthday).
export function bornAged(age: number): string {
  const d = new Date(Date.now() - (age * 365.25 + 180) * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}

let counter = 0;
export function uniquePhone(): string {
  const project = test.info().project.name === 'phone' ? '6' : '5';
  counter += 1;
  return `13${project}${String(Date.now() % 1e7).padStart(7, '0')}${counter % 10}`;
}

// An actress registered and applied through the API (her own cookie jar), for the crew to see;
// with `locale`, her pages speak that language.
export async function applicant(browser: Browser, name: string, age: number, height: number, callId: string, locale?: string): Promise<BrowserContext> {
  const context = locale ? await speaking(browser, locale) : await browser.newContext();
  const registered = await context.request.post('/api/register', {
    form: {
      login: uniquePhone(), password: 'Background 2026', display_name: name,
      gender: 'female', birth_date: bornAged(age), height_cm: String(height), weight_kg: '50',
    },
  });
  expect(registered.ok()).toBeTruthy();
  const applied = await context.request.post('/api/call/apply', { form: { call_id: callId } });
  expect(applied.status()).toBe(200);
  return context;
}

// The studio's calendar day `ahead` days from now (UTC+8).
export function studioDate(ahead: number): string {
  return new Date(Date.now() + 8 * 3600 * 1000 + ahead * 86400 * 1000).toISOString().slice(0, 10);
}

// The language a context's pages use, remembered as a returning visitor's choice (the cookie the
// language switch writes), so that these long journeys never depend on first-visit detection.
export async function speaking(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  const port = process.env.BACKLOT_E2E_PORT ?? '3300';
  await context.addCookies([{ name: 'i18n_pref_locale', value: locale.slice(0, 2), url: `http://127.0.0.1:${port}` }]);
  return context;
}

// A new member of the demo account's production or supplier (invited by it through the API and
// registered in its own context), so that parallel runs never share a request list.
export async function newMember(browser: Browser, locale: string, inviter: [string, string], role: 'crew' | 'supplier'): Promise<BrowserContext> {
  const demo = await browser.newContext();
  const demoPage = await demo.newPage();
  await logIn(demoPage, inviter[0], inviter[1]);
  const invitation = await (await demoPage.request.post('/api/invite', { form: {} })).json();
  await demo.close();
  const context = await speaking(browser, locale);
  const project = test.info().project.name.endsWith('phone') ? 'p' : 'd';
  const registered = await context.request.post('/api/register', {
    form: {
      login: `${role}-${project}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@backlot.test`,
      password: 'Warehouse desk 2026', display_name: role === 'crew' ? '服装 小沈' : '库管 老何',
      role, invitation: invitation.token,
    },
  });
  expect(registered.ok()).toBeTruthy();
  return context;
}
