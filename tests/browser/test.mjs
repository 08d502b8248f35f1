// test.mjs -- sign in through the real page in Chromium, open the dashboard
// and a plan (and make its PDF through the polled background job), and save
// screenshots.  Prints TAP.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
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

	// The dashboard of the school: targets with their status and charts.
	const dash = page.url();
	ok(await page.locator('h1', { hasText: 'Nguyễn Trung Trực' }).count() > 0,
		'the dashboard names the school');
	const cards = await page.locator('.badge.st-achieved, .badge.st-on_track, .badge.st-at_risk, .badge.st-off_track, .badge.st-no_data').count();
	ok(cards >= 5, 'the dashboard shows a status for every target', `${cards} badges`);
	ok(await page.locator('svg.chart').count() > 0, 'the dashboard draws trend charts');
	await page.screenshot({ path: join(out, 'dashboard.png') });

	// Units below, loaded by htmx, on the district's dashboard is out of
	// scope for a principal: the school has no units below, so open the list
	// of plans and the school's own plan instead.
	await page.click('nav >> text=Kế hoạch');
	await page.waitForLoadState('networkidle');
	const link = page.locator('a', { hasText: 'Hành động vì trẻ em' }).first();
	ok(await link.count() > 0, 'the plan list shows the school plan');
	await link.click();
	await page.waitForLoadState('networkidle');
	ok(await page.locator('text=CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').count() > 0,
		'the plan reads like the document (national motto)');
	ok(await page.locator('text=Chỉ tiêu yếu hơn').count() > 0,
		'the plan page flags targets weaker than the national programme');
	await page.screenshot({ path: join(out, 'plan.png') });

	// The plan as a PDF: the button starts a background job, the page polls
	// it (htmx) until the file is ready, then offers the download.
	await page.click('form.doc-buttons button[value=pdf]');
	const ready = page.locator('#doc-job[data-state=done] a');
	await ready.first().waitFor({ timeout: 20000 });
	ok(await ready.count() === 1, 'the PDF job is polled in the page until its file is ready');
	const [dl] = await Promise.all([page.waitForEvent('download'), ready.first().click()]);
	const head = readFileSync(await dl.path()).subarray(0, 5).toString();
	ok(head === '%PDF-' && dl.suggestedFilename().endsWith('.pdf'),
		'the ready link downloads the plan as a PDF', `${dl.suggestedFilename()}: ${head}`);

	// English switch.
	await page.click('nav >> text=English');
	await page.waitForLoadState('networkidle');
	ok(await page.locator('nav >> text=Dashboard').count() > 0, 'the English switch translates the menu');
	await page.goto(dash);
	await page.waitForLoadState('networkidle');
	await page.click('nav >> text=Tiếng Việt');
	await page.waitForLoadState('networkidle');

	await page.goto(`${base}/units`);
	ok(await page.locator('text=Trường TH và THCS Nguyễn Trung Trực').count() > 0,
		'the organisation tree shows the school');

	// A province officer ranks the units below by gap (htmx fragment).
	await page.click('nav details.dropdown summary');
	await page.click('nav details.dropdown button[type=submit]');
	await page.waitForLoadState('networkidle');
	await page.fill('input[name=username]', 'so.hanoi');
	await page.fill('input[name=password]', 'vitre-demo');
	await page.click('button[type=submit]');
	await page.waitForLoadState('networkidle');
	await page.locator('a[role=button]', { hasText: 'Các đơn vị trực thuộc' }).first().click();
	await page.locator('footer table').first().waitFor({ timeout: 5000 });
	const rows = await page.locator('footer table tbody tr').count();
	ok(rows >= 2, 'the units below load into the dashboard, ranked', `${rows} rows`);
	await page.screenshot({ path: join(out, 'province.png') });

	ok(problems.length === 0, 'no console errors in the browser', problems.join(' | '));
} catch (e) {
	ok(false, 'browser test ran to the end', String(e));
} finally {
	await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
