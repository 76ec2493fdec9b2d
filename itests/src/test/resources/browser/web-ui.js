// Drives the RadDiag web page in headless Chromium (playwright-core, Debian chromium):
// node web-ui.js BASE_URL SCAN_FILE SCREENSHOT.png  -> prints one JSON line with what the page showed.
'use strict';
const { drive } = require('./chromium.js');

const [base, scan, shot] = process.argv.slice(2);
drive(shot, { offline: false }, async (page, out) => {
    await page.goto(base + '/ui/index.html');
    await page.waitForSelector('#ready.ok', { timeout: 30000 });
    await page.waitForSelector('#plugin-table tbody tr', { timeout: 30000 });
    out.pluginRows = await page.locator('#plugin-table tbody tr').count();
    await page.waitForSelector('#model option[value="tiny:1.0.0"]', { state: 'attached', timeout: 30000 });
    out.modelOptions = await page.locator('#model option').count();
    await page.setInputFiles('#files', scan);
    await page.click('#diagnose');
    await page.waitForSelector('#findings tbody tr', { timeout: 60000 });
    out.findings = await page.locator('#findings tbody tr').count();
    out.meta = await page.textContent('#result-meta');
    await page.waitForFunction(() => {
      const img = document.querySelector('.scan img');
      return img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 30000 });
    out.sliceWidth = await page.evaluate(() => document.querySelector('.scan img').naturalWidth);
    out.attentionBars = await page.locator('.scan .attention div').count();
    // step to another slice through the attention plot
    const before = await page.getAttribute('.scan img', 'src');
    await page.locator('.scan .attention div:not(.current)').first().click();
    out.sliceChanged = before !== await page.getAttribute('.scan img', 'src');
    // an admin action without a token is refused on the page, not silently
    await page.click('#set-backend');
    await page.waitForFunction(() => document.querySelector('#admin-status').textContent.length > 0);
    out.adminStatus = await page.textContent('#admin-status');
});
