// Helpers shared by the specs.
import { expect, Page, ConsoleMessage } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { deflateSync } from 'zlib';

// The header sets data-hydrated once the wasm has taken over the page.
export async function hydrated(page: Page) {
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'true');
}

// Logs in through the form (field ids, so it works in either language).
export async function logIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
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
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(msg.text());
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
