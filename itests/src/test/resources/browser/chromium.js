// What the browser tests' scripts share: Debian's chromium, headless, through playwright-core, with a throw-away
// profile; page errors collected; a full-page screenshot; the result printed as one JSON line (exit 1 on failure).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

// drive(shot, { offline }, async (page, out) => { ... }): fills `out`, which is printed with `errors` and `screenshot`
module.exports.drive = (shot, options, body) => (async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'raddiag-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    offline: Boolean(options.offline),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const out = {};
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await body(page, out);
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
