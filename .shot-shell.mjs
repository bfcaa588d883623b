import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const p = await b.newPage({ viewport: { width: 1600, height: 1000 } });
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto(process.argv[2]);
await p.waitForTimeout(3000);
if (process.argv[4]) { await p.getByTestId(process.argv[4]).click(); await p.waitForTimeout(1500); }
await p.screenshot({ path: process.argv[3] });
console.log(p.url());
await b.close();
