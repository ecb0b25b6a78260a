/**
 * The screens added after the first round, in Chromium against the embedded stack: a document uploaded
 * on a nomination, the decisions list and draft form, the Chairman's signing desk, the award-history
 * import (the template downloaded, then checked in a dry run), statistics, campaigns, and the public
 * notices without signing in. Without a Chromium the suite says why and skips.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startStack, TEST_CAMPAIGN, type Stack } from '../api/support/stack';
import { choose, ensureWebBuilt, findChromium, launch, signedIn, STEP_TIMEOUT_MS, WEB_DIR } from './support/browser';

const chromiumFound = findChromium();
if (!chromiumFound.path) process.stdout.write(`[web tests] SKIPPED: ${chromiumFound.reason}\n`);
const describeWithBrowser = chromiumFound.path ? describe : describe.skip;

let stack: Stack;
let browser: Browser;
let url: string;

describeWithBrowser('More screens of the web application, in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    stack = await startStack({ api: { webDir: WEB_DIR } });
    url = stack.system.url;
    browser = await launch(chromiumFound.path!);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the unit officer uploads a document to a draft, by type, and sees it listed', async () => {
    const id = await stack.draft({ campaignId: TEST_CAMPAIGN, nominee: { kind: 'individual', name: 'Lê Thị Hồng' } });
    const { context, page } = await signedIn(browser, url, 'canbo.donvi1');
    await page.goto(`/nominations/${id}`);
    await choose(page, 'Loại tài liệu', 'Báo cáo thành tích');
    await page.locator('form[id="document-upload"] input[type=file]').setInputFiles({
      name: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n% bao cao thanh tich\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByText('Báo cáo thành tích: bao-cao.pdf').waitFor();
    await context.close();
  }, 180_000);

  it('the office drafts a decision of several recipients and takes one off; the Chairman signs it at his desk', async () => {
    const person = (name: string) => ({ nominee: { kind: 'individual', name, position: 'Giáo viên' } });
    for (const n of ['Đặng Thu Hà', 'Võ Minh Tâm', 'Huỳnh Văn Lợi']) await stack.toAwaitingSignature(person(n));

    const office = await signedIn(browser, url, 'thuky');
    let page = office.page;
    await page.getByRole('link', { name: 'Quyết định khen thưởng' }).click();
    await page.getByRole('link', { name: 'Lập dự thảo quyết định' }).click();
    await page.getByRole('button', { name: 'Lập dự thảo', exact: true }).click();
    await page.getByText('Cần ít nhất một hồ sơ').waitFor();
    for (const n of ['Đặng Thu Hà', 'Võ Minh Tâm', 'Huỳnh Văn Lợi'])
      await page
        .getByRole('row', { name: new RegExp(n) })
        .getByRole('checkbox')
        .check();
    await page.getByRole('button', { name: 'Lập dự thảo', exact: true }).click();
    await page.getByRole('heading', { name: 'Dự thảo quyết định' }).waitFor();
    await page
      .getByRole('row', { name: /Huỳnh Văn Lợi/ })
      .getByRole('button', { name: 'Đưa ra khỏi dự thảo' })
      .click();
    await page.getByRole('dialog').getByLabel('Lý do').fill('Chờ kết quả xác minh');
    await page.getByRole('dialog').getByRole('button', { name: 'Đưa ra khỏi dự thảo' }).click();
    await page.getByText('Chờ kết quả xác minh').waitFor();
    expect(await page.getByRole('row', { name: /Đặng Thu Hà|Võ Minh Tâm/ }).count()).toBe(2);
    await office.context.close();

    const chairman = await signedIn(browser, url, 'chutich');
    page = chairman.page;
    await page.goto('/signing');
    await page.getByRole('listitem').getByRole('button', { name: 'Ký', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ký quyết định' }).click();
    await page.getByText('Không có quyết định nào chờ ký').waitFor();
    await page.goto('/decisions');
    await page
      .getByRole('cell', { name: /\/QĐ-UBND/ })
      .first()
      .waitFor();
    await chairman.context.close();
  }, 300_000);

  it('the office downloads the award-history template and checks it in a dry run', async () => {
    const { context, page } = await signedIn(browser, url, 'thuky');
    await page.getByRole('link', { name: 'Nhân sự', exact: true }).click();
    await page.getByRole('link', { name: 'Nhập từ tệp Excel' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      page.getByRole('button', { name: 'Tải tệp mẫu (.xlsx)' }).click(),
    ]);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByRole('button', { name: 'Kiểm tra (chưa nhập)' }).click();
    await page.locator('[role=status], [role=alert]').first().waitFor();
    await context.close();
  }, 180_000);

  it('statistics and campaigns open for the office; public notices without signing in', async () => {
    const { context, page } = await signedIn(browser, url, 'thuky');
    await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
    await page.getByRole('cell', { name: 'Tổng cộng' }).waitFor();
    await page.getByRole('link', { name: 'Đợt thi đua', exact: true }).click();
    await page.getByRole('cell', { name: 'Đợt thi đua dùng cho kiểm thử' }).waitFor();
    await context.close();

    const anonymous = await browser.newContext({ baseURL: url });
    const p = await anonymous.newPage();
    p.setDefaultTimeout(STEP_TIMEOUT_MS);
    await p.goto('/public-notices');
    await p.getByRole('heading', { name: 'Công khai lấy ý kiến' }).waitFor();
    await anonymous.close();
  }, 180_000);
});
