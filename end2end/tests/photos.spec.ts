import { test, expect } from '@playwright/test';
import { hydrated, logIn, noisePng, noSeriousAxeViolations, watchErrors } from './support';

// Each project works on a location of its own (both are run by the operator demo account).
function location(): string {
  return test.info().project.name === 'phone' ? '/locations/qin-palace-main-hall' : '/locations/qin-palace-gate-tower';
}

test.describe('location photos', () => {
  test('the operator uploads photos with a progress bar; visitors see the thumbnails', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, 'operator@backlot.local', 'backlot-operator-demo');
    await page.goto(location());
    await hydrated(page);
    const gallery = page.locator('#photos');
    await expect(gallery.getByRole('heading', { name: /Photos/ })).toBeVisible();

    // A file that is not an image is refused in the browser, in the page's language.
    await page.getByLabel('Photos', { exact: true }).setInputFiles({
      name: 'call-sheet.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(gallery.locator('.form-error')).toContainText('Only JPEG, PNG and WebP');

    // Two photos on a slow uplink: the bar moves, then both appear.
    const caption = `Gate at dawn ${test.info().project.name} ${Date.now()}`;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: 4_000_000, uploadThroughput: 400_000,
    });
    await page.getByLabel('Photos', { exact: true }).setInputFiles([
      { name: 'gate-1.png', mimeType: 'image/png', buffer: noisePng(700, 500) },
      { name: 'gate-2.png', mimeType: 'image/png', buffer: noisePng(640, 400) },
    ]);
    await page.getByLabel('Caption (optional)').fill(caption);
    await page.getByRole('button', { name: 'Upload' }).click();
    const bar = gallery.locator('.upload-progress progress');
    await expect(bar).toBeVisible();
    await expect(gallery.locator('.upload-progress')).toContainText('Uploading 1 of 2');
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(gallery.locator('.form-ok')).toHaveText('2 photo(s) added.', { timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
    });
    const ours = gallery.locator('li', { has: page.getByAltText(caption) });
    await expect(ours).toHaveCount(2);
    const thumb = ours.first().locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    await noSeriousAxeViolations(page, 'gallery');

    // A visitor sees them before and after hydration, but no upload form.
    const visitor = await browser.newPage({ locale: 'zh-CN' });
    await visitor.goto(location());
    await expect(visitor.getByAltText(caption)).toHaveCount(2);
    await expect(visitor.getByRole('heading', { name: /照片/ })).toBeVisible();
    await expect(visitor.locator('.photo-upload')).toHaveCount(0);
    const large = await visitor.locator('#photos a').first().getAttribute('href');
    expect((await visitor.request.get(large!)).headers()['content-type']).toBe('image/jpeg');

    // The operator deletes them again.
    for (let left = 2; left > 0; left--) {
      await ours.first().getByRole('button', { name: 'Delete photo' }).click();
      await expect(ours).toHaveCount(left - 1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
