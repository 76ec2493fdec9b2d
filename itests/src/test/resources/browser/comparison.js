// Renders an experiment's comparison.html in headless Chromium (playwright-core, Debian chromium), with the network
// cut off: node comparison.js COMPARISON.html SCREENSHOT.png -> one JSON line with what the page showed.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

(async () => {
  const [page_, shot] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'raddiag-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const out = { requests: [] };
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) out.requests.push(r.url()); });
    await page.goto('file://' + path.resolve(page_));
    await page.waitForSelector('#comparison tbody tr', { timeout: 30000 });
    const variants = await page.evaluate(() => [...new Set([...document.querySelectorAll('tr.variant-row')]
      .map((r) => r.dataset.variant))]);
    out.variants = variants;
    out.visibleRows = {};
    for (const v of variants) {
      const rows = page.locator(`tr.variant-row[data-variant="${v}"]`);
      let visible = 0;
      for (let i = 0; i < await rows.count(); i++) {
        if (await rows.nth(i).isVisible()) visible++;
      }
      out.visibleRows[v] = visible;
    }
    out.visibleCurves = 0;
    const lines = page.locator('figure.curve svg polyline');
    for (let i = 0; i < await lines.count(); i++) {
      const box = await lines.nth(i).boundingBox();
      if (await lines.nth(i).isVisible() && box && box.width > 20) out.visibleCurves++;
    }
    out.errors = errors;
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    out.screenshot = shot;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
