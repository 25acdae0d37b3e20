/**
 * Benchmark 8: the web console's budgets. (1) The JavaScript a first visit loads, gzipped (console/scripts/build-console.ts
 * measures it from esbuild's metafile). (2) Inventory of a large estate in a real browser: `estateSize` assets are
 * written straight through the asset store (as a crawl writes them) into the local runtime, which serves the built
 * console; Chromium opens /inventory (a full page load) and navigates to it from the menu (in the app), and the time
 * until the table holds its first page is read inside the page (performance.now() on the animation frame the rows
 * appear). (3) Every /v1/inventory answer the browser receives is recorded: its item count never exceeds one page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildConsole, CONSOLE_DIST } from '../../console/scripts/build-console';
import { dynamoControlStores } from '../../lambdas/control/dynamo-control-stores';
import type { AssetType } from '../../lambdas/inventory/asset';
import { dynamoInventoryStores } from '../../lambdas/inventory/dynamo-inventory-stores';
import { documentClient } from '../../lambdas/shared/dynamo';
import { localTableFor } from '../../local/backend-template';
import { startLocalRuntime } from '../../local/local-runtime';
import { synthesizeBackend } from '../../local/synthesized-backend';
import { launchChromium } from '../e2e/console-browser';
import { discovered } from '../integration/repository/asset-fixtures';
import { summarize, type Summary } from './stats';

export interface ConsoleBenchOptions {
  readonly estateSize: number;
  readonly regions: readonly string[];
  /** Navigations measured of each kind (full page load, in-app). */
  readonly runs: number;
}

export interface ConsoleBenchResult {
  readonly initialJsGzipBytes: number;
  readonly totalJsGzipBytes: number;
  readonly initialJsBudgetBytes: number;
  readonly estateSize: number;
  readonly regions: readonly string[];
  readonly writeSeconds: number;
  readonly pageSize: number;
  /** ms from the start of a full page load of /inventory to its first page of rows. */
  readonly fullLoadMs: Summary;
  /** ms from a click on Inventory in the menu (from Data sources) to its first page of rows. */
  readonly inAppMs: Summary;
  /** Every run, in order (the first full load is the first visit of /inventory in this browser). */
  readonly runsMs: { readonly fullLoad: readonly number[]; readonly inApp: readonly number[] };
  /** Full loads: until the document (index.html, revalidated on every load) had arrived from the local runtime. */
  readonly documentMs: Summary;
  /** Full loads: when the browser sent the /v1/inventory request (ms from the navigation's start: JavaScript loaded and run). */
  readonly apiStartedAtMs: Summary;
  /** The /v1/inventory request's own time in the browser (request sent → response read), every navigation. */
  readonly apiMs: Summary;
  readonly firstPageBudgetMs: number;
  readonly inventoryResponses: number;
  /** The most assets one /v1/inventory answer held, and the largest `limit` the console asked for. */
  readonly largestInventoryResponseItems: number;
  readonly largestInventoryLimit: number;
}

/** The page's document, typed for the one call made in it (this file compiles without the DOM library). */
type InPage = { document: { querySelectorAll(selector: string): { length: number } } };

export const INITIAL_JS_BUDGET_BYTES = 350 * 1024;
export const FIRST_PAGE_BUDGET_MS = 1000;
const ACCOUNT = '111122223333';
const TYPES: readonly AssetType[] = ['key', 'certificate', 'secret', 'parameter'];

export async function runConsoleBench(options: ConsoleBenchOptions): Promise<ConsoleBenchResult> {
  const build = await buildConsole();
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-console-'));
  const runtime = await startLocalRuntime({
    dataDir,
    reset: true,
    port: 0,
    consoleDir: CONSOLE_DIST,
    customerAccount: { mode: 'sandbox', options: { estateSize: 1, regions: options.regions } },
  });
  const backend = synthesizeBackend();
  const tableOf = (envName: string) => localTableFor(backend, envName);
  const db = documentClient(new DynamoDBClient({ endpoint: runtime.dynamoEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const browser = await launchChromium();
  try {
    // The estate, written as a crawl writes it (one conditional update per asset), 32 at a time.
    const tenantId = runtime.tenant.tenantId;
    const now = new Date().toISOString();
    await dynamoControlStores(db, tableOf('CONTROL_TABLE_NAME')).accounts.linkAccount({
      tenantId,
      accountId: ACCOUNT,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole`,
      regions: [...options.regions],
      now,
    });
    const { assets } = dynamoInventoryStores(db, tableOf('INVENTORY_TABLE_NAME'));
    const writeStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let i = next++; i < options.estateSize; i = next++) {
          const asset = discovered(TYPES[i % TYPES.length], { accountId: ACCOUNT, region: options.regions[i % options.regions.length] });
          await assets.upsertFromCrawl(asset, { tenantId, ingestionId: '01BENCHCONSOLE000000000000', observedAt: now });
        }
      }),
    );
    const writeSeconds = (performance.now() - writeStarted) / 1000;

    const origin = new URL('/', runtime.url).origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const responses: Array<{ items: number; limit: number }> = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname !== '/v1/inventory' || res.status() !== 200) return;
      void res.json().then(
        (body: { items: unknown[] }) => responses.push({ items: body.items.length, limit: Number(url.searchParams.get('limit') ?? 100) }),
        () => undefined,
      );
    });
    await page.goto(`${origin}/sign-in?next=/data-sources`);
    await page.getByLabel('API token').fill(runtime.tokens.reader);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Data sources', level: 1 }).waitFor();

    const pageSize = 50; // the Inventory page's default (console/src/pages/inventory/index.tsx)
    // Resolves, inside the page, on the first animation frame where the table holds a full first page. A function, not
    // a string: the console's Content-Security-Policy forbids evaluating strings; Playwright sends its source.
    const firstPageAt = () =>
      page
        .waitForFunction((n) => ((globalThis as unknown as InPage).document.querySelectorAll('table tbody tr a').length >= n ? performance.now() : false), pageSize, {
          polling: 'raf',
          timeout: 30_000,
        })
        .then((h) => h.jsonValue() as Promise<number>);

    // The last /v1/inventory request of this document, as the browser timed it (ms since the navigation's start).
    const lastApiTiming = () =>
      page.evaluate(() => {
        const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/inventory'));
        const last = entries[entries.length - 1] as unknown as { startTime: number; responseEnd: number } | undefined;
        return last ? { startedAt: last.startTime, ms: last.responseEnd - last.startTime } : undefined;
      });

    const fullLoad: number[] = [];
    const inApp: number[] = [];
    const apiStartedAt: number[] = [];
    const documentMs: number[] = [];
    const apiMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      // Full page load: performance.now() counts from the navigation's start.
      await page.goto(`${origin}/inventory`, { waitUntil: 'commit' });
      fullLoad.push(await firstPageAt());
      documentMs.push(await page.evaluate(() => (performance.getEntriesByType('navigation' as never)[0] as unknown as { responseEnd: number }).responseEnd));
      const timing = await lastApiTiming();
      if (timing) apiStartedAt.push(timing.startedAt), apiMs.push(timing.ms);
      // In the app, on a fresh document (an empty query cache, the Inventory chunk not loaded yet): from Data sources,
      // select Inventory in the menu.
      await page.goto(`${origin}/data-sources`);
      await page.getByRole('heading', { name: 'Data sources', level: 1 }).waitFor();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      const clickedAt = await page.evaluate(() => performance.now());
      await page.getByRole('navigation').getByRole('link', { name: 'Inventory', exact: true }).click();
      inApp.push((await firstPageAt()) - clickedAt);
      const inAppTiming = await lastApiTiming();
      if (inAppTiming) apiMs.push(inAppTiming.ms);
    }
    await context.close();
    return {
      initialJsGzipBytes: build.initialJsGzipBytes,
      totalJsGzipBytes: build.totalJsGzipBytes,
      initialJsBudgetBytes: INITIAL_JS_BUDGET_BYTES,
      estateSize: options.estateSize,
      regions: options.regions,
      writeSeconds,
      pageSize,
      fullLoadMs: summarize(fullLoad),
      inAppMs: summarize(inApp),
      runsMs: { fullLoad: fullLoad.map(Math.round), inApp: inApp.map(Math.round) },
      documentMs: summarize(documentMs),
      apiStartedAtMs: summarize(apiStartedAt),
      apiMs: summarize(apiMs),
      firstPageBudgetMs: FIRST_PAGE_BUDGET_MS,
      inventoryResponses: responses.length,
      largestInventoryResponseItems: Math.max(0, ...responses.map((r) => r.items)),
      largestInventoryLimit: Math.max(0, ...responses.map((r) => r.limit)),
    };
  } finally {
    await browser.close();
    db.destroy();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
