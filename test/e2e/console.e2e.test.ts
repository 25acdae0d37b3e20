import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONSOLE_DIST, buildConsole, isConsoleBuildStale } from '../../console/scripts/build-console';
import { launchChromium, screenshot, seriousA11yViolations } from './console-browser';
import { ACCOUNTS, type ContractCheckedApiClient, startE2eRuntime } from './e2e-support';
import type { LocalRuntime } from '../../local/local-runtime';
import { CRYPTO_SERVICES } from '../../lambdas/inventory/asset';

type Finding = { findingId: string; title: string; severity: string; status: string; asset: { name: string }; blastRadius: Array<{ arn: string }> };

/**
 * The customer guide in a real browser against the real local runtime: sign in, Data sources → Configure → Download
 * CloudFormation template → role ARN → Submit → Start now → Details (ingestion history) → Inventory → asset → Findings
 * → a finding → Suppress → Edit → Unlink, plus a reader token (no admin actions) and a revoked token (back to
 * sign-in). Every page is scanned with axe-core.
 */
// About half of the journey is axe-core scans (a Cloudscape page takes seconds on a loaded 2-core machine).
jest.setTimeout(240_000);

let runtime: LocalRuntime;
let api: ContractCheckedApiClient;
let cleanup: () => Promise<void>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (isConsoleBuildStale()) await buildConsole();
  // The backend caches the authorizer decision for 1 s (lib/backend-stack.ts): the revoked token below was last used
  // long before its revocation, so its next request is refused.
  const started = await startE2eRuntime({}, { consoleDir: CONSOLE_DIST });
  ({ runtime, api, cleanup } = started);
  origin = new URL('/', runtime.url).origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await cleanup?.();
});

async function signIn(context: BrowserContext, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  return page;
}

/** No serious or critical axe-core violation on the page, or within a modal or tab of a page already scanned. */
async function expectAccessible(page: Page, within?: string): Promise<void> {
  expect(await seriousA11yViolations(page, within)).toEqual([]);
}

/** The main menu, opened first when the layout has collapsed it (as a user would). */
async function nav(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open menu' });
  if (await menu.isVisible()) await menu.click();
  await page.locator('nav').getByRole('link', { name, exact: true }).first().click();
}

describe('the web console', () => {
  it('walks the customer guide end to end, accessible on every page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await journey(context, page);
    } catch (err) {
      await page.screenshot({ path: join(tmpdir(), 'console-e2e-failure.png'), fullPage: true }).catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  });
});

async function journey(context: BrowserContext, page: Page): Promise<void> {
  {

    // Sign in
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('API token').fill('aqg_not_a_real_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This token was not accepted').first().waitFor();
    await page.getByLabel('API token').fill(runtime.tokens.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    // Data sources → AWS panel, not connected → Configure
    await nav(page, 'Data sources');
    await page.getByText('Not connected').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Configure' }).click();
    await page.getByRole('heading', { name: 'Configure AWS', level: 1 }).waitFor();

    // Download CloudFormation template: the tenant's own copy
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CloudFormation template' }).click()]);
    expect(download.suggestedFilename()).toBe('cloudformation-template.json');
    const template = JSON.parse(readFileSync(await download.path(), 'utf8')) as { Resources: Record<string, unknown> };
    expect(Object.keys(template.Resources).length).toBeGreaterThan(0);
    expect(JSON.stringify(template)).toContain(runtime.tenant.externalId);

    // The role ARN, validated as it is typed, then Submit → notification, Start now
    const roleArn = page.getByLabel('Role ARN');
    await roleArn.fill('arn:aws:iam::1234:role/AQtiveGuardReadOnlyAccessRole');
    await page.getByText('The account id must be 12 digits (got "1234").').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'configure');
    await roleArn.fill(runtime.sandbox!.roleArn);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Configuration succeeded').first().waitFor();
    const accountId = runtime.sandbox!.roleArn.split(':')[4];
    await page.getByRole('button', { name: 'Start now' }).waitFor();

    // Details → Edit: narrow the regions to the two the sandbox account holds assets in (an ingestion of every
    // commercial region would make this test minutes long), then Start now from Details
    await page.getByRole('link', { name: 'Details', exact: true }).click();
    await page.getByRole('heading', { name: `AWS account ${accountId}` }).waitFor();
    await page.getByText('Every commercial region').first().waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Regions' }).click();
    for (const region of runtime.sandbox!.regions) await page.getByRole('option', { name: region, exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText(`Account ${accountId} was updated.`).first().waitFor();
    await page.getByText(runtime.sandbox!.regions.join(', ')).first().waitFor();
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByText('Ingestion started').first().waitFor();

    // Details: live progress until the ingestion finishes
    await page.getByText(/^(Succeeded|Partially succeeded)$/).first().waitFor({ timeout: 60_000 });
    // Only the regions chosen in Edit were crawled: one crawl per (region, service).
    await page.getByText(`of ${runtime.sandbox!.regions.length * CRYPTO_SERVICES.length} region and service crawls finished`).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'account-details');
    // Ingestion history (GET …/ingestions): the finished run, newest first
    const history = page.getByRole('table', { name: 'Ingestion history' });
    await history.locator('tbody tr').first().getByText(/^(Succeeded|Partially succeeded)$/).waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'ingestion-history');

    // Inventory: filter to quantum-vulnerable certificates with the property filter; the URL holds it
    await nav(page, 'Inventory');
    await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
    const filter = page.getByRole('combobox', { name: 'Filter assets' });
    await filter.fill('Type = certificate');
    await filter.press('Enter');
    await filter.fill('Quantum-vulnerable = true');
    await filter.press('Enter');
    await page.waitForURL(/\/inventory\?type=certificate&quantumVulnerable=true$/);
    const rows = page.locator('table tbody tr');
    await rows.first().getByText('Vulnerable').first().waitFor();
    const quantumCells = await rows.locator('td').filter({ hasText: /^(Vulnerable|Resistant|Unknown)$/ }).allInnerTexts();
    expect(quantumCells.length).toBeGreaterThan(0);
    expect(new Set(quantumCells.map((t) => t.trim()))).toEqual(new Set(['Vulnerable']));
    expect(await rows.locator('td').filter({ hasText: /^certificate$/ }).count()).toBe(quantumCells.length);
    await expectAccessible(page);
    await screenshot(page, 'inventory');

    // One certificate: properties, usage, history
    const first = rows.first().getByRole('link');
    const name = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Properties' }).waitFor();
    await page.getByRole('heading', { name: /^Usage/ }).waitFor();
    await page.getByRole('heading', { name: /^Open findings/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'asset');

    // Findings: filter by the severity of the most urgent open finding with a blast radius, open it, see its blast radius
    const open = await api.as(runtime.tokens.reader).request<{ items: Finding[] }>('GET', '/findings?status=open&limit=1000');
    const target = open.body.items.find((f) => f.blastRadius.length > 0);
    if (!target) throw new Error(`The sandbox ingestion raised no open finding with a blast radius (${open.body.items.length} open findings)`);
    await nav(page, 'Findings');
    await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
    const findingsFilter = page.getByRole('combobox', { name: 'Filter findings' });
    await findingsFilter.fill(`Severity = ${target.severity}`);
    await findingsFilter.press('Enter');
    await page.waitForURL(new RegExp(`/findings\\?severity=${target.severity}$`));
    const findingRows = page.locator('table tbody tr');
    await findingRows.first().getByRole('link').waitFor();
    const severities = await findingRows.locator('td:first-child').allInnerTexts();
    expect(new Set(severities.map((t) => t.trim().toLowerCase()))).toEqual(new Set([target.severity]));
    await expectAccessible(page);
    await screenshot(page, 'findings');
    // With the keyboard: the row's link, then the Suppress button
    await findingRows.filter({ hasText: `${target.asset.name} (` }).filter({ hasText: target.title }).first().getByRole('link', { name: target.title }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/findings/${target.findingId}`);
    await page.getByRole('heading', { name: target.title, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Blast radius/ }).waitFor();
    await page.getByText(target.blastRadius[0].arn, { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Remediation' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'finding');

    // Suppress (admin): a reason is required, then the finding is suppressed with it
    await page.getByRole('button', { name: 'Suppress', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Suppress', exact: true }).click();
    await dialog.getByText('Say why this finding is accepted').waitFor();
    await dialog.getByLabel('Reason').fill('Test certificate, replaced next sprint');
    await expectAccessible(page, '[role="dialog"]');
    await screenshot(page, 'suppress');
    await dialog.getByRole('button', { name: 'Suppress', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Finding suppressed').first().waitFor();
    await page.getByRole('button', { name: 'Dismiss notification' }).first().click();
    await page.getByText('Suppressed', { exact: true }).first().waitFor();
    await page.getByText('Test certificate, replaced next sprint').waitFor();
    const suppressed = await api.as(runtime.tokens.reader).request<{ finding: Finding }>('GET', `/findings/${target.findingId}`);
    expect(suppressed.body.finding).toMatchObject({ status: 'suppressed', suppression: { reason: 'Test certificate, replaced next sprint' } });

    // Dashboard, now with an inventory
    await nav(page, 'Dashboard');
    await page.getByRole('list', { name: 'Assets by type as text' }).getByText(/^certificate: \d+/).first().waitFor();
    await page.getByRole('list', { name: 'Open findings by severity as text' }).getByText(/^Critical: \d+/).waitFor();
    await page.getByRole('list', { name: 'Certificate expiry as text' }).getByText(/^Expired: \d+/).waitFor();
    await page.getByText(/of \d+ keys and certificates/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'dashboard');

    // Troubleshooting: break a region's pipeline in the sandbox account, Run checks now, see it with its remedy
    runtime.sandbox!.pipeline.disableRule('eu-west-1');
    await page.goto(`${origin}/data-sources/aws/accounts/${accountId}`);
    await page.getByRole('tab', { name: 'Troubleshooting' }).click();
    await page.getByRole('button', { name: 'Run checks now' }).click();
    await page.getByText('Checks finished').first().waitFor();
    await page.getByRole('heading', { name: 'eu-west-1: Fail' }).waitFor();
    await page.getByRole('heading', { name: 'us-east-1: Pass' }).waitFor();
    await page.getByText(/Update the AQtive Guard stack/).first().waitFor();
    await expectAccessible(page, '[role="tabpanel"][id$="-troubleshooting-panel"]');
    await screenshot(page, 'troubleshooting');
    runtime.sandbox!.pipeline.repair();

    // A reader token sees no admin actions
    const readerContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const reader = await signIn(readerContext, runtime.tokens.reader);
    expect(await reader.getByRole('navigation').getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    await nav(reader, 'Data sources');
    await reader.getByRole('link', { name: `Details of account ${accountId}` }).first().waitFor();
    expect(await reader.getByRole('button', { name: 'Configure' }).count()).toBe(0);
    await reader.goto(`${origin}/data-sources/aws/accounts/${accountId}`);
    await reader.getByRole('heading', { name: 'Last ingestion' }).waitFor();
    for (const action of ['Edit', 'Start now', 'Unlink']) expect(await reader.getByRole('button', { name: action }).count()).toBe(0);
    await reader.getByRole('tab', { name: 'Troubleshooting' }).click();
    await reader.getByRole('heading', { name: 'eu-west-1: Fail' }).waitFor();
    expect(await reader.getByRole('button', { name: 'Run checks now' }).count()).toBe(0);
    await reader.goto(`${origin}/findings/${target.findingId}`);
    await reader.getByRole('heading', { name: /^Blast radius/ }).waitFor();
    for (const action of ['Suppress', 'Lift suppression']) expect(await reader.getByRole('button', { name: action }).count()).toBe(0);
    await readerContext.close();

    // API tokens: create (secret shown once), and revoke a token that is signed in elsewhere → it returns to sign-in
    const created = await api.as(runtime.tokens.admin).request<{ secret: string }>('POST', '/tokens', { name: 'revoke-me', permissions: ['reader'] });
    const revokedContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const revoked = await signIn(revokedContext, created.body.secret);
    await nav(page, 'API tokens');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByLabel('Name').fill('ci-reader');
    await page.locator('form').getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Copy the secret now').first().waitFor();
    await page.getByRole('button', { name: 'Copy the token secret' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'api-tokens');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke revoke-me' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Token revoke-me was revoked').first().waitFor();
    await nav(revoked, 'Inventory');
    await revoked.getByText('Your token was not accepted (unknown, revoked or expired). Sign in again.').first().waitFor();
    await revoked.getByRole('heading', { name: 'Sign in' }).waitFor();
    await revokedContext.close();

    // Edit → Unlink → Confirm and unlink Amazon Web Services → the panel offers Configure again
    await page.goto(`${origin}/data-sources/aws/accounts/${accountId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Unlink' }).click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: 'Confirm and unlink Amazon Web Services' });
    await confirm.waitFor();
    await expectAccessible(page, '[role="dialog"]');
    await screenshot(page, 'unlink');
    await confirm.click();
    await page.getByText('Amazon Web Services unlinked').first().waitFor();
    await page.getByText('Not connected').first().waitFor();
    await page.getByRole('button', { name: 'Configure' }).waitFor();
    const accounts = await api.as(runtime.tokens.reader).request<{ items: Array<{ accountId: string; status: string }> }>('GET', ACCOUNTS);
    expect(accounts.body.items.find((a) => a.accountId === accountId)?.status).toBe('UNLINKED');
    await screenshot(page, 'data-sources');
    expect(context.pages()).toContain(page);
  }
}
