import { test, expect, Page } from '@playwright/test';
import { hydrated, logIn, watchErrors, noSeriousAxeViolations, markedLocations, reach, REACHED } from './support';

test.describe('server-rendered content, before any script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('locations list is in the HTML', async ({ page }) => {
    await page.goto('/locations', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.location-list tbody tr').first()).toBeVisible();
    expect(await page.locator('.location-list tbody tr').count()).toBeGreaterThanOrEqual(60);
  });

  test('catalogue first page is in the HTML', async ({ page }) => {
    await page.goto('/catalogue', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('.item-tile').count()).toBe(48);
    await page.getByRole('link', { name: /下一页|Next/ }).click();
    await expect(page).toHaveURL(/page=2/);
    expect(await page.locator('.item-tile').count()).toBe(48);
  });

  test('open casting calls are in the HTML', async ({ page }) => {
    await page.goto('/casting', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('.call-tile').count()).toBeGreaterThan(10);
  });

  // The first paint waits for the stylesheet only: the bundle, the area's pieces and Leaflet are
  // fetched once the page is idle (app::bundle), so a slow phone network shows the page first.
  test('the head asks for nothing but the stylesheet before the page is shown', async ({ request }) => {
    for (const path of ['/', '/locations', '/catalogue', '/casting']) {
      const html = await (await request.get(path)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, path).toMatch(/<link[^>]+rel="stylesheet"/);
      expect(head, path).not.toMatch(/rel="(preload|modulepreload|prefetch)"/);
      expect(head, path).not.toMatch(/<script[^>]+src=/);
      expect(head, path).toContain('requestIdleCallback(run');
    }
  });
});

test('locations: the map clusters every location and keeps its view in the URL', async ({ page }) => {
  const errors = watchErrors(page);
  // Zoomed out over China, every base (Zhejiang, Liaoning, Xinjiang) is in view.
  await page.goto('/locations?lat=36&lng=105&z=3');
  // Loaded from the server, the page loads the map island rather than the bundle.
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'none');
  const rows = await page.locator('.location-list tbody tr').count();
  await expect(page.locator('.map-box')).toHaveAttribute('data-hydrated', 'true');
  await expect.poll(() => markedLocations(page)).toBe(rows);
  await expect(page.locator('.cluster-icon').first()).toBeVisible();
  // Base outlines are drawn by Backlot itself: the map means something without tiles.
  await expect(page.locator('.base-label', { hasText: /Hengdian|横店/ })).toBeVisible();

  // A cluster zooms in where it splits; the URL follows the map and a reload reproduces it.
  await page.locator('.cluster-icon').first().click();
  await expect(page).toHaveURL(/z=([4-9]|1\d)/);
  const moved = page.url();
  const lat = new URL(moved).searchParams.get('lat');
  expect(lat).not.toBeNull();
  // The filter form carries the view along to the next search.
  await expect(page.locator('.location-filters input[type="hidden"][name="lat"]')).toHaveValue(lat!);
  await page.reload();
  await hydrated(page);
  await expect(page.locator('.map-box')).toHaveAttribute('data-hydrated', 'true');
  expect(page.url()).toBe(moved);

  // Zooming into clusters reaches single locations, whose popups link to their page.
  await page.goto('/locations');
  await hydrated(page);
  await expect.poll(() => markedLocations(page)).toBeGreaterThan(0);
  const single = page.locator('.leaflet-marker-icon:not(.cluster-icon)');
  for (let i = 0; i < 10 && (await single.count()) === 0; i++) {
    await page.locator('.cluster-icon').first().click();
    await page.waitForTimeout(500);
  }
  await single.first().click({ force: true });
  await expect(page.locator('.leaflet-popup-content a')).toHaveAttribute('href', /^\/locations\/[a-z0-9-]+$/);
  // Leaflet fades popups in: check contrast once the popup is fully drawn.
  await expect(page.locator('.leaflet-popup')).toHaveCSS('opacity', '1');
  await noSeriousAxeViolations(page);
  expect(errors).toEqual([]);
});

// Loaded from the server, `/locations` draws its map with the map island (no bundle: the test
// above); reached by a link from a page that has hydrated, the app draws the same map itself.
test('locations: drawn by the router, the map clusters and keeps its view in the URL and the filter form', async ({ page }) => {
  const errors = watchErrors(page);
  await reach(page, '/locations', 'by the router');
  await expect(page.locator('.map-box')).toHaveAttribute('data-hydrated', 'true');
  await expect.poll(() => markedLocations(page)).toBeGreaterThan(0);
  await expect(page.locator('.base-label', { hasText: /Hengdian|横店/ })).toBeVisible();
  await page.locator('.cluster-icon').first().click();
  await expect(page).toHaveURL(/z=([4-9]|1\d)/);
  const lat = new URL(page.url()).searchParams.get('lat');
  expect(lat).not.toBeNull();
  await expect(page.locator('.location-filters input[type="hidden"][name="lat"]')).toHaveValue(lat!);
  expect(errors).toEqual([]);
});

// Loaded from the server, the casting pages need no script (app::bundle, SCRIPTLESS_AREAS);
// reached by a link from a page that has hydrated, the router draws them in the page. Both page
// through the calls the same way.
for (const reached of REACHED) {
  test(`casting lists twenty calls a page and passes axe, ${reached}`, async ({ page }) => {
    const errors = watchErrors(page);
    await reach(page, '/casting', reached);
    await pagesThroughCalls(page);
    expect(errors).toEqual([]);
  });
}

async function pagesThroughCalls(page: Page) {
  await expect(page.locator('.call-tile').first()).toBeVisible();
  await noSeriousAxeViolations(page);
  // Twenty to a page: the next page lists the calls after them.
  await expect(page.locator('.call-tile')).toHaveCount(20);
  const firstOnPageOne = await page.locator('.call-tile').first().getAttribute('data-call');
  await page.locator('.pager a[rel="next"]').click();
  await expect(page).toHaveURL(/\/casting\?page=2$/);
  await expect(page.locator('.pager [aria-current="page"]')).toContainText('2 /');
  await expect(page.locator(`.call-tile[data-call="${firstOnPageOne}"]`)).toHaveCount(0);
  await expect(page.locator('.call-tile').first()).toBeVisible();
  await page.locator('.pager a[rel="prev"]').click();
  await expect(page.locator(`.call-tile[data-call="${firstOnPageOne}"]`)).toBeVisible();
}

// The home, casting and catalogue pages are links and forms only (app::bundle,
// SCRIPTLESS_AREAS): they load no script, and their links lead to pages that do.
for (const path of ['/', '/casting', '/casting/1', '/catalogue']) {
  test(`${path} needs no script and passes axe`, async ({ page }) => {
    const errors = watchErrors(page);
    const code: string[] = [];
    page.on('request', (req) => {
      if (/\.(wasm|js|pack)$/.test(new URL(req.url()).pathname)) code.push(req.url());
    });
    await page.goto(path);
    // The loader marks the header once it has decided to fetch nothing.
    await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'none');
    await page.waitForLoadState('networkidle');
    expect(code).toEqual([]);
    await noSeriousAxeViolations(page);
    expect(errors).toEqual([]);
  });
}

test("from the home page a link leads to the map, a location's page hydrates, and back home the router draws it", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.locator('.home-cards a[href="/locations"]').click();
  await expect(page).toHaveURL(/\/locations$/);
  // The map's page loads its island, not the bundle.
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'none');
  await expect(page.locator('.map-box')).toHaveAttribute('data-hydrated', 'true');
  await page.locator('.location-list tbody tr a').first().click();
  await expect(page).toHaveURL(/\/locations\/[a-z0-9-]+$/);
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'true');
  // Back home from a page that has hydrated, the router draws it in the page.
  await page.locator('header a.brand').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.home h1')).toBeVisible();
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'true');
  expect(errors).toEqual([]);
});

// A link into another part of the site waits for that part's code (its area pack): on a slow
// network the old page stays on screen meanwhile, marked as on its way (app::bundle::Navigating).
test('while another part of the site loads, the page shows it is on its way', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/training');
  await expect(page.locator('header.site-header')).toHaveAttribute('data-hydrated', 'true');
  // The casting area's pack is held until the test lets it go.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/pkg\/area\/casting\.[^/]+\.pack$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  const root = page.locator('html');
  await expect(root).not.toHaveAttribute('data-navigating', /.*/);
  await page.locator('header nav a[href="/casting"]').click();
  await expect(root).toHaveAttribute('data-navigating', '');
  await expect(page.locator('main#main')).toHaveAttribute('aria-busy', 'true');
  expect(asked).toBe(true);
  // The bar is drawn along the top of the viewport.
  const bar = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement, '::before');
    return { position: style.position, top: style.top, height: style.height };
  });
  expect(bar).toEqual({ position: 'fixed', top: '0px', height: '3px' });
  release();
  await expect(page.locator('.call-tile').first()).toBeVisible();
  await expect(root).not.toHaveAttribute('data-navigating', /.*/);
  await expect(page.locator('main#main')).not.toHaveAttribute('aria-busy', /.*/);
  // A page of the same area follows, and nothing is left marked.
  await page.locator('.call-tile a').first().click();
  await expect(page).toHaveURL(/\/casting\/\d+$/);
  await expect(root).not.toHaveAttribute('data-navigating', /.*/);
  expect(errors).toEqual([]);
});

test.describe('language', () => {
  test.use({ locale: 'zh-CN' });

  test('switches between Chinese and English and remembers the choice', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/casting');
    await hydrated(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('横影通：公开招募');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casting: open calls');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('Verified production').first()).toBeVisible();

    await page.goto('/locations');
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Locations: sets and stages');
    await expect(page.getByRole('rowheader', { name: 'Qin Palace', exact: false }).first()).toBeVisible();
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('云勘景：场景与摄影棚');
    expect(errors).toEqual([]);
  });

  test.describe('before the page script (or without it)', () => {
    test.use({ javaScriptEnabled: false });
    test('the switch changes the language and stays on the page', async ({ page }) => {
      await page.goto('/catalogue?q=longpao');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect(page).toHaveURL(/\/catalogue\?q=longpao$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wardrobe, make-up, props & vehicles');
      await page.getByRole('button', { name: '切换到中文' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    });
  });

  test.describe('an English browser', () => {
    test.use({ locale: 'en-US' });
    test('gets English by default', async ({ page }) => {
      await page.goto('/catalogue');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wardrobe, make-up, props & vehicles');
    });
  });
});

// Every page hydrates without a console error, for a visitor and for each kind of member: a
// hydration mismatch or a panic in the wasm leaves a page that looks right and does nothing.
test.describe('every page hydrates cleanly', () => {
  // Not the locations photos.spec adds photos to and deletes them from: a cover photo deleted
  // while this page loads would answer 404 (and log a console error).
  const pages = [
    '/', '/locations', '/locations/qin-palace', '/locations/qin-palace?day=2026-12-01',
    '/compare?l=qin-palace,qin-palace-plaza', '/catalogue', '/catalogue?q=longpao&era=qing&view=list',
    '/catalogue/1', '/casting', '/casting?pay_min=200&skill=none', '/casting/1', '/casting/1/applicants',
    '/casting/new', '/casting/1/edit', '/work', '/profile', '/actors?gender=female&skill=dance', '/login', '/shortlist',
    '/schedule', '/requests', '/account', '/casting/1/attendance', '/wages', '/attend', '/training', '/training/horses', '/casting/ours',
  ];
  // Pages for some roles only: others get a 403 page, which the browser logs (visitors are sent
  // to log in).
  const only: Record<string, string[]> = {
    '/shortlist': ['visitor', 'crew'],
    '/schedule': ['visitor', 'crew'],
    '/requests': ['visitor', 'crew'],
    '/casting/1/applicants': ['visitor', 'crew', 'admin'],
    '/casting/1/edit': ['visitor', 'crew', 'admin'],
    '/casting/new': ['visitor', 'crew'],
    '/work': ['visitor', 'actor'],
    '/profile': ['visitor', 'actor'],
    '/actors?gender=female&skill=dance': ['visitor', 'crew', 'admin'],
    '/casting/1/attendance': ['visitor', 'crew', 'admin'],
    '/wages': ['visitor', 'crew', 'admin'],
    '/casting/ours': ['visitor', 'crew'],
  };
  for (const who of ['visitor', 'actor', 'crew', 'operator', 'admin']) {
    test(`as ${who}`, async ({ page }) => {
      const errors = watchErrors(page);
      if (who !== 'visitor') await logIn(page, `${who}@backlot.local`, `backlot-${who}-demo`);
      for (const path of pages.filter((p) => !only[p] || only[p].includes(who))) {
        await page.goto(path);
        // (The home, casting, catalogue and locations pages load no bundle: there, the loader's
        // decision.)
        await hydrated(page);
        await page.waitForLoadState('networkidle');
        expect(errors, `${who} on ${path}`).toEqual([]);
      }
    });
  }
});
