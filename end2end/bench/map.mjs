// The locations map under many points, in Debian's Chromium: `node end2end/bench/map.mjs BASE RUNS`
// (scripts/bench-map starts the server with the points). Each run loads /locations zoomed out
// over the whole area, reads the map's User Timing measures (map::timing),
// then zooms in, pans and zooms out with the mouse while recording every frame's interval
// (requestAnimationFrame), long tasks and the map's redraw measures. Prints medians over runs.
import { chromium } from '@playwright/test';

const [base, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const cpuSlowdown = Number(process.env.BENCH_MAP_CPU ?? 1);
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

async function run(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    // As Lighthouse does for a phone: every task takes this many times longer.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  // Zoom 11 over the studio town: every generated point is in view.
  await page.goto(`${base}/locations?lat=29.16&lng=120.31&z=11`, { waitUntil: 'load', timeout: 600_000 });
  await page.waitForFunction(() => performance.getEntriesByName('backlot:map-shown').length > 0, null,
    { timeout: 600_000, polling: 100 });
  const load = await page.evaluate(() => {
    const duration = (name) => performance.getEntriesByName(name)[0]?.duration;
    const shown = performance.getEntriesByName('backlot:map-shown')[0];
    const navigation = performance.getEntriesByType('navigation')[0];
    const counts = (document.querySelector('.result-count')?.textContent ?? '').match(/\d[\d,]*/g) ?? [];
    return {
      points: Math.max(0, ...counts.map((c) => Number(c.replaceAll(',', '')))),
      cluster: duration('backlot:map-cluster'),
      markers: duration('backlot:map-markers'),
      shown: duration('backlot:map-shown'),
      sinceNavigation: shown.startTime + shown.duration,
      htmlBytes: navigation.encodedBodySize,
      drawn: document.querySelectorAll('.leaflet-marker-icon').length,
    };
  });

  // Pan and zoom with the mouse, recording frames.
  await page.evaluate(() => {
    window.benchFrames = [];
    window.benchLongTasks = [];
    let last = performance.now();
    const tick = (now) => {
      window.benchFrames.push(now - last);
      last = now;
      if (!window.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.locator('.map-box').scrollIntoViewIfNeeded();
  const box = await page.locator('.map-box .leaflet-container').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, -120); // one zoom level in
    await page.waitForTimeout(500);
  }
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + (i % 2 ? -220 : 220), y + 90, { steps: 20 });
    await page.mouse.up();
    await page.waitForTimeout(400);
  }
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 120); // one zoom level out
    await page.waitForTimeout(500);
  }
  const moves = await page.evaluate(() => {
    window.benchStop = true;
    return {
      frames: window.benchFrames.slice(1),
      longTasks: window.benchLongTasks,
      redraws: performance.getEntriesByName('backlot:map-redraw').map((e) => e.duration),
    };
  });
  await context.close();
  return { ...load, ...moves };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: flags });
const results = [];
for (let i = 0; i < runs; i++) results.push(await run(browser));
await browser.close();

const all = (key) => results.map((r) => r[key]);
const each = (key) => all(key).map((x) => x.toFixed(1)).join(', ');
const frames = results.flatMap((r) => r.frames);
const redraws = results.flatMap((r) => r.redraws);
const longTasks = results.flatMap((r) => r.longTasks);
const points = results[0].points;
const cpu = cpuSlowdown > 1 ? `, CPU ${cpuSlowdown}× slower` : '';
console.log(`${points.toLocaleString('en')} points, ${runs} page loads${cpu} (medians; each run in brackets)`);
console.log(`  placing + clustering the pins      ${ms(median(all('cluster')))} (${each('cluster')})`);
console.log(`  pins to markers on the page        ${ms(median(all('markers')))} (${each('markers')})`);
console.log(`  pins to markers painted            ${ms(median(all('shown')))} (${each('shown')})`);
console.log(`  navigation to markers painted      ${ms(median(all('sinceNavigation')))} (page HTML ${(results[0].htmlBytes / 1024).toFixed(0)} KB compressed; ${results[0].drawn} markers drawn)`);
if (redraws.length === 0) throw new Error('the map never redrew: the mouse did not reach it');
console.log(`  pan/zoom: ${redraws.length} redraws, median ${ms(median(redraws))}, max ${ms(Math.max(...redraws))}`);
console.log(`  pan/zoom frames: ${frames.length}, interval p50 ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}, max ${ms(Math.max(...frames))}; ` +
  `over 50 ms: ${(100 * frames.filter((f) => f > 50).length / frames.length).toFixed(1)} %; ` +
  `long tasks: ${longTasks.length}${longTasks.length ? `, max ${ms(Math.max(...longTasks))}` : ''}`);
