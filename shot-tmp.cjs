const chromium = require('@sparticuz/chromium').default; const { chromium: pw } = require('playwright-core');
(async () => {
  const state = JSON.parse(require('fs').readFileSync('/tmp/aqg-console-smoke/local.json','utf8'));
  const b = await pw.launch({ executablePath: await chromium.executablePath(), args: chromium.args });
  const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
  p.on('console', m => console.log('console:', m.type(), m.text().slice(0,300)));
  p.on('pageerror', e => console.log('pageerror', e.message));
  await p.goto('http://127.0.0.1:3100/');
  await p.getByLabel('API token').fill(state.tokens.admin);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForTimeout(2500);
  await p.screenshot({ path: '/tmp/s-dashboard.png', fullPage: true });
  for (const [name, path] of [['ds','/data-sources'],['inv','/inventory?type=certificate&quantumVulnerable=true'],['cfg','/data-sources/aws/configure'],['tok','/tokens'],['det','/data-sources/aws/accounts/111122223333']]) {
    await p.goto('http://127.0.0.1:3100' + path); await p.waitForTimeout(2500);
    await p.screenshot({ path: `/tmp/s-${name}.png`, fullPage: true });
  }
  await b.close();
})().catch(e => { console.error(e); process.exit(1); });
