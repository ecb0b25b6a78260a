/**
 * What every browser suite sets up the same way: Debian's Chromium or a skip that says why, the web
 * app built, the embedded test stack serving it, one browser for the suite, and screenshots once
 * the screen has stopped loading.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../../api/support/stack';
import { ensureWebBuilt, findChromium, launch, SCREENSHOTS, WEB_DIR } from './browser';

const chromiumFound = findChromium();
if (!chromiumFound.path) process.stdout.write(`[web tests] SKIPPED: ${chromiumFound.reason}\n`);

/** `describe` when a Chromium is there, else `describe.skip` (the reason was printed above). */
export const describeWithBrowser = chromiumFound.path ? describe : describe.skip;

export interface WebSuite {
  stack: Stack;
  browser: Browser;
  /** The stack's address, the pages' base URL. */
  url: string;
}

/**
 * Starts the stack and the browser before the suite's tests and stops them after. Call it inside
 * `describeWithBrowser`; the fields are set once `beforeAll` has run.
 */
export function webSuite(): WebSuite {
  const suite = {} as WebSuite;
  beforeAll(async () => {
    ensureWebBuilt();
    suite.stack = await startStack({ api: { webDir: WEB_DIR } });
    suite.url = suite.stack.system.url;
    suite.browser = await launch(chromiumFound.path!);
  }, 600_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}

/** Saves the page to docs/screenshots/<name>.png once nothing is loading any more, without the entrance animations. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning, .ant-skeleton-active')");
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', ...options });
}
