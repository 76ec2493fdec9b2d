// Renders an experiment's comparison.html in headless Chromium with the network cut off:
// node comparison.js COMPARISON.html SCREENSHOT.png  -> prints one JSON line with what the page showed.
'use strict';
const path = require('path');
const { drive } = require('./chromium.js');

const [html, shot] = process.argv.slice(2);
drive(shot, { offline: true }, async (page, out) => {
  out.requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) out.requests.push(r.url()); });
  await page.goto('file://' + path.resolve(html));
  await page.waitForSelector('#comparison tbody tr', { timeout: 30000 });
  out.variants = await page.evaluate(() => [...new Set([...document.querySelectorAll('tr.variant-row')]
    .map((r) => r.dataset.variant))]);
  out.visibleRows = {};
  for (const v of out.variants) {
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
});
