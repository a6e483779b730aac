// Page weight: everything a phone downloads to show and hydrate each main page (wasm pieces,
// JS, CSS, Leaflet where there is a map), counted as brotli-11 bytes, the way the server's
// precompressed copies send it. Sizes are deterministic, so they are asserted; how fast they
// load is measured by scripts/lighthouse, not here.
//
// The area's pieces come in one pack (server::area_packs), compressed as one file.
//
// The goal is 250 KB a page. The home, casting and catalogue pages meet it by loading no script
// at all (app::bundle, SCRIPTLESS_AREAS); the locations page by loading no bundle either, only
// the map island and Leaflet (ISLAND_AREAS). Each ceiling is what the page weighs now, so it can
// only get lighter. Lower a ceiling when a page loses weight; never raise one to pass. (Raised
// once, by 4 KiB, for a trade the README records: the catalogue's list and item pages split
// into two areas cost every page that hydrates 2.5 kB of split glue, and took 465 kB off the
// list and 52 kB off an item's page.)
import { test, expect } from '@playwright/test';
import { brotliCompressSync, constants } from 'zlib';
import { hydrated, watchErrors } from './support';

const GOAL = 250 * 1024;
const CEILING: Record<string, number> = {
  // These need no script (app::bundle, SCRIPTLESS_AREAS): the stylesheet alone.
  '/': 8 * 1024,
  '/casting': 8 * 1024,
  '/casting/1': 8 * 1024,
  '/catalogue': 8 * 1024,
  // No bundle either: the map island (app::bundle, ISLAND_AREAS) and Leaflet, with the map.
  '/locations': 110 * 1024,
};
const SCRIPTLESS = new Set(['/', '/casting', '/casting/1', '/catalogue', '/locations']);
// What a page without the bundle may load besides the stylesheet: the map island and Leaflet.
const ISLAND = /^\/(island\/map\.\w+\.(js|wasm)|leaflet\/leaflet\.(js|css))$/;
const CODE = /\.(wasm|js|css|pack)$/;
// A piece of the split bundle fetched on its own rather than from its area's pack.
const PIECE = /\/(chunk|split)_[^/]*\.wasm$/;

const brotli = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test.describe('first-load budget', () => {
  test.skip(({ isMobile }) => !isMobile, 'measured once, with the phone profile');

  for (const [path, ceiling] of Object.entries(CEILING)) {
    test(`${path} loads no more code than it did`, async ({ page, request }) => {
      // The server builds the area packs in the background once it has started; until the
      // page's pack is built it answers an empty one and the pieces come one by one. Wait for
      // it: the pack is what a visitor gets from then on.
      const html = await (await request.get(path)).text();
      const area = html.match(/data-area="(\w+)"/)?.[1];
      const suffix = html.match(/"(\.[\w-]+\.pack)"/)?.[1];
      expect(area, 'the page names its area').toBeTruthy();
      expect(suffix, 'the loader asks for area packs').toBeTruthy();
      const scriptless = SCRIPTLESS.has(path);
      if (!scriptless) {
        await expect
          .poll(async () => (await (await request.get(`/pkg/area/${area}${suffix}`)).body()).length, {
            timeout: 120_000,
            intervals: [500],
          })
          .toBeGreaterThan(4);
      }

      const errors = watchErrors(page);
      const fetched = new Set<string>();
      page.on('request', (req) => {
        if (CODE.test(new URL(req.url()).pathname)) fetched.add(req.url());
      });
      await page.goto(path);
      if (scriptless) {
        // The loader has decided (it marks the header): nothing comes, nothing hydrates.
        await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'none');
      } else {
        await hydrated(page);
      }
      if (path === '/locations') {
        // The island and Leaflet come with the map, once the page is idle: they count too.
        await expect(page.locator('.map-box')).toHaveAttribute('data-hydrated', 'true');
        await expect(page.locator('.leaflet-container')).toBeVisible();
      }
      await page.waitForLoadState('networkidle');

      const sizes: [string, number][] = [];
      for (const url of fetched) {
        const response = await request.get(url);
        expect(response.ok(), url).toBeTruthy();
        sizes.push([new URL(url).pathname, brotli(await response.body())]);
      }
      const total = sizes.reduce((sum, [, size]) => sum + size, 0);
      const wasm = sizes.filter(([name]) => name.endsWith('.wasm'));
      console.log(`${path}: ${total} B brotli in ${sizes.length} files (${wasm.length} wasm), ` +
        `${(total / GOAL).toFixed(2)}× the ${GOAL / 1024} KB goal`);
      if (path === '/locations') {
        const names = sizes.map(([name]) => name);
        expect(names.filter((name) => !name.endsWith('.css') && !ISLAND.test(name)), 'no bundle').toEqual([]);
        expect(names.filter((name) => name.startsWith('/island/')).length, 'the island').toBe(2);
      } else if (scriptless) {
        expect(sizes.map(([name]) => name).filter((name) => !name.endsWith('.css')), 'no script').toEqual([]);
      } else {
        expect(wasm.length, 'the page hydrates from wasm').toBeGreaterThan(0);
        // The area's pieces all came in its pack, none on its own.
        expect(sizes.filter(([name]) => name.endsWith('.pack')).length, 'one area pack').toBe(1);
        expect(sizes.map(([name]) => name).filter((name) => PIECE.test(name))).toEqual([]);
      }
      expect(total, `first load of ${path} (brotli bytes)`).toBeLessThanOrEqual(ceiling);
      expect(errors).toEqual([]);
    });
  }

  test('a link into another area brings that area in one pack', async ({ page, request }) => {
    const html = await (await request.get('/training')).text();
    const suffix = html.match(/"(\.[\w-]+\.pack)"/)?.[1];
    expect(suffix, 'the loader asks for area packs').toBeTruthy();
    await expect
      .poll(async () => (await (await request.get(`/pkg/area/casting${suffix}`)).body()).length, {
        timeout: 120_000,
        intervals: [500],
      })
      .toBeGreaterThan(4);

    const errors = watchErrors(page);
    await page.goto('/training');
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    const fetched: string[] = [];
    page.on('request', (req) => {
      if (CODE.test(new URL(req.url()).pathname)) fetched.push(new URL(req.url()).pathname);
    });
    // The header's link, followed by the router in the page (no new document).
    await page.locator('header nav a[href="/casting"]').click();
    await expect(page).toHaveURL(/\/casting$/);
    await expect(page.locator('[data-area="casting"]')).toHaveCount(1);
    await expect(page.locator('.casting h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((name) => name.endsWith('.pack')), 'the casting pack').toEqual([
      `/pkg/area/casting${suffix}`,
    ]);
    expect(fetched.filter((name) => PIECE.test(name)), 'no piece on its own').toEqual([]);
    expect(fetched.filter((name) => /\.(js|css)$/.test(name)), 'no second bundle').toEqual([]);
    expect(errors).toEqual([]);
  });
});
