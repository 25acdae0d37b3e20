import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium as playwright } from 'playwright-core';

/**
 * Where the console's screenshots go: `UPDATE_SCREENSHOTS=1` refreshes the committed ones the README shows
 * (docs/screenshots); otherwise CONSOLE_SCREENSHOTS_DIR (e.g. a CI artifact folder) or a temporary folder, so a test
 * run never changes committed files.
 */
export const SCREENSHOTS_DIR = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '..', '..', 'docs', 'screenshots')
  : (process.env.CONSOLE_SCREENSHOTS_DIR ?? join(tmpdir(), 'aqg-console-screenshots'));

/**
 * Chromium from @sparticuz/chromium (a headless build shipped in an npm package, no system install); set
 * CHROMIUM_PATH to use another one (e.g. Debian's /usr/bin/chromium).
 */
export async function launchChromium(): Promise<Browser> {
  if (process.env.CHROMIUM_PATH) {
    return playwright.launch({ executablePath: process.env.CHROMIUM_PATH }).catch((err: unknown) => {
      throw cannotStart(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`, err);
    });
  }
  // @sparticuz/chromium is an ES module, which jest's CommonJS runtime cannot load: ask Node directly (it unpacks the
  // browser once, into the temp directory).
  const script = "const c=require('@sparticuz/chromium').default;c.executablePath().then((p)=>process.stdout.write(JSON.stringify({p,args:c.args})))";
  let browser: { p: string; args: string[] };
  try {
    browser = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (err) {
    throw cannotStart('@sparticuz/chromium (unpacking the browser)', err);
  }
  // Its Lambda flags include --single-process, with which closing a second browser context crashes Chromium.
  return playwright.launch({ executablePath: browser.p, args: browser.args.filter((a) => a !== '--single-process') }).catch((err: unknown) => {
    throw cannotStart(`@sparticuz/chromium (${browser.p})`, err);
  });
}

/**
 * The browser tests cannot run here: say which browser failed, why (e.g. a missing shared library), and what to do,
 * instead of a bare Playwright stack.
 */
function cannotStart(which: string, err: unknown): Error {
  const cause = err instanceof Error ? ((err as { stderr?: string }).stderr || err.message) : String(err);
  return new Error(
    `Chromium cannot start on this machine, so the browser end-to-end tests cannot run.\n` +
      `  browser: ${which}\n  cause: ${cause.trim().split('\n').slice(0, 8).join('\n         ')}\n` +
      '  fix: install a Chromium (Debian/Ubuntu: apt-get install -y chromium) and run with CHROMIUM_PATH=/usr/bin/chromium',
    { cause: err },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  // The viewport only: a full-page capture resizes the viewport, which makes Cloudscape's layout and charts re-measure.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
}

/**
 * axe-core on the current page, or only on `within` (a CSS selector: a modal or a tab opened on a page already
 * scanned, which then costs a fraction of a whole-page scan): the serious and critical violations, as
 * "rule: target" lines (empty = passes).
 */
export async function seriousA11yViolations(page: Page, within?: string): Promise<string[]> {
  // Only violations are read: axe then skips building the node lists of passes and incomplete results, most of a
  // scan's time on a Cloudscape page. https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#options-parameter
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const { violations } = await (within ? builder.include(within) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}
