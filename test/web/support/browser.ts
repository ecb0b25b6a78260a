/**
 * The browser side of the web tests: Debian's Chromium driven by playwright-core (no browser download),
 * the web app built if its sources changed (scripts/build-web.ts), a page per demo user.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb } from '../../../scripts/build-web';
import { PASSWORD } from '../../api/support/stack';

export const REPO = join(__dirname, '..', '..', '..');
export const WEB_DIR = join(REPO, 'dist', 'web');
export const SCREENSHOTS = join(REPO, 'docs', 'screenshots');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive (TDKT_CHROMIUM, else Debian's), or why there is none. */
export function findChromium(env = process.env): { path?: string; reason?: string } {
  const path = [env.TDKT_CHROMIUM, ...CANDIDATES].find((p) => p && existsSync(p));
  return path
    ? { path }
    : {
        reason: `no Chromium at ${[env.TDKT_CHROMIUM, ...CANDIDATES].filter(Boolean).join(', ')} (apt-get install chromium)`,
      };
}

/** Builds the web app unless dist/web is up to date with its sources (a no-op on a second run). */
export function ensureWebBuilt(): void {
  const result = buildWeb();
  if (result === 'built') process.stderr.write(`[web tests] built the web app into ${WEB_DIR}\n`);
}

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** How long one step may wait for the UI (a command goes through Temporal; the machine may be busy). */
export const STEP_TIMEOUT_MS = 60_000;

export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1280, height: 860 };

/** A fresh browser context (its own storage) at `url`, signed in as `username` through the sign-in page. */
export async function signedIn(
  browser: Browser,
  url: string,
  username: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: url, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  // A script error in the page fails the step that waits for the screen: say which one it was.
  page.on('pageerror', (e) => process.stderr.write(`[web tests] page error (${username}): ${e.message}\n`));
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
  return { context, page };
}

/**
 * Picks an option of the Ant Design select labelled `label`, and waits until the select shows it.
 * A select whose options arrive (or whose form re-renders) while its list opens may drop the
 * click, and one on a page still rendering may not show yet: then it is tried again, up to three times.
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select', { has: input });
  const chosen = select.locator('.ant-select-selection-item', { hasText: option });
  for (let attempt = 1; ; attempt++) {
    const item = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
      .first();
    try {
      // The select's box, not its search input: a multiple select's input can stay zero-sized
      // (measured while its dialog opened), so waiting for it to show failed for 30 s; and a single
      // select's value covers its input. The click waits for the box to show (a page just opened may
      // still be rendering its form) and opens the list, as a person's does — unless a try before
      // left it open (a click would close it).
      const box = select.first();
      await box.waitFor({ state: 'visible', timeout: 10_000 });
      if (!(await box.evaluate((el) => el.classList.contains('ant-select-open'))))
        await box.locator('.ant-select-selector').click({ timeout: 10_000 });
      await item.click({ timeout: 10_000 });
      await chosen.first().waitFor({ timeout: 5_000 });
      // A multiple select stays open: close it. Not a single one (closed already): in a dialog, Escape would close the dialog.
      if (await select.first().evaluate((el) => el.classList.contains('ant-select-multiple')))
        await page.keyboard.press('Escape');
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * A button by its text, whether or not it still carries Ant Design's loading icon: once the request
 * ends, the icon (aria-label "loading") leaves through a CSS transition and is removed at its end —
 * on a loaded machine that end event can come late or never, and the button's accessible name stays
 * "loading <text>" while the button itself works again. Seen in CI after an API refusal.
 */
export function buttonNamed(scope: Pick<Page, 'getByRole'>, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('button', { name: new RegExp(`^(loading )?${escaped}$`) });
}
