// test.mjs -- sign in through the real page in Chromium, open a plan and
// the dashboard, and save screenshots.  Prints TAP.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE;
const out = process.env.OUT;
let n = 0, failed = 0;
const ok = (cond, what, detail = '') => {
	n++;
	if (cond) console.log(`ok ${n} - ${what}`);
	else { failed++; console.log(`not ok ${n} - ${what}`); if (detail) console.error(`# ${detail}`); }
};

// A fresh profile each run (the --user-data-dir of the flags we use).
const browser = await chromium.launchPersistentContext(
	mkdtempSync(join(tmpdir(), 'vitre-chromium-')), {
	executablePath: '/usr/bin/chromium',
	headless: true,
	viewport: { width: 1280, height: 900 },
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
		'--no-first-run', '--disable-background-networking',
		'--disable-component-update', '--disable-sync'],
});
try {
	const page = await browser.newPage();
	const problems = [];
	page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
	page.on('pageerror', e => problems.push(e.message));

	await page.goto(`${base}/`);
	ok(page.url().endsWith('/login'), 'an anonymous visit lands on the sign-in page');
	await page.fill('input[name=username]', 'ht.ntt');
	await page.fill('input[name=password]', 'vitre-demo');
	await page.click('button[type=submit]');
	await page.waitForLoadState('networkidle');
	ok(/\/units\/\d+\/dashboard$/.test(page.url()), 'signing in opens the dashboard of the user\'s unit', page.url());

	await page.goto(`${base}/units`);
	ok(await page.locator('text=Trường TH và THCS Nguyễn Trung Trực').count() > 0,
		'the organisation tree shows the school');
	await page.screenshot({ path: join(out, 'units.png'), fullPage: true });

	ok(problems.length === 0, 'no console errors in the browser', problems.join(' | '));
} catch (e) {
	ok(false, 'browser test ran to the end', String(e));
} finally {
	await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
