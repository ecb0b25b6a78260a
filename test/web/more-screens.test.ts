/**
 * The screens added after the first round, in Chromium against the embedded stack: a document uploaded
 * on a nomination, the decisions list and draft form, the Chairman's signing desk, the award-history
 * import (the template downloaded, then checked in a dry run), statistics with its charts, a campaign
 * run through its stages with a unit's registration, the nominations searched without diacritics and
 * sorted by the API, and the public notices and exemplary models without signing in. The statistics
 * dashboard and the campaign are saved to docs/screenshots/. Without a Chromium the suite says why and skips.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startStack, TEST_CAMPAIGN, type Stack } from '../api/support/stack';
import {
  choose,
  ensureWebBuilt,
  findChromium,
  launch,
  SCREENSHOTS,
  signedIn,
  STEP_TIMEOUT_MS,
  WEB_DIR,
} from './support/browser';

const shot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning, .ant-skeleton-active')");
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', fullPage: true });
};

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

  it('statistics show charts of awards by group, outcomes and shares beside the table; campaigns open', async () => {
    // An award whose recipient is a woman and a direct worker: every chart has a figure to draw.
    const nominee = { kind: 'individual', name: 'Phan Thị Thu Trang', position: 'Giáo viên', gender: 'female' };
    await stack.toAwarded({ nominee: { ...nominee, directWorker: true } });
    const { context, page } = await signedIn(browser, url, 'thuky');
    await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
    await page.getByRole('cell', { name: 'Tổng cộng' }).waitFor();
    // The charts are drawn by ECharts (SVG) once their chunk has loaded; each says what it shows.
    const outcomes = page.getByRole('img', { name: /^Biểu đồ tròn: \d+ hồ sơ theo kết quả/ });
    await outcomes.locator('svg').waitFor();
    expect(await outcomes.locator('svg path').count()).toBeGreaterThan(0);
    const shares = page.getByRole('img', { name: /^Biểu đồ cột: tỷ lệ theo hình thức khen thưởng\. .*Nữ \d/ });
    await shares.locator('svg').waitFor();
    await choose(page, 'Nhóm theo', 'Đơn vị');
    const byUnit = page.getByRole('img', { name: /^Biểu đồ cột: số khen thưởng theo đơn vị\./ });
    await byUnit.locator('svg').waitFor();
    expect(await byUnit.getAttribute('aria-label')).toMatch(/\d+ cá nhân, \d+ tập thể/);
    await shot(page, 'statistics-dashboard');
    await page.getByRole('link', { name: 'Đợt thi đua', exact: true }).click();
    await page.getByRole('cell', { name: 'Đợt thi đua dùng cho kiểm thử' }).waitFor();
    await context.close();

    const anonymous = await browser.newContext({ baseURL: url });
    const p = await anonymous.newPage();
    p.setDefaultTimeout(STEP_TIMEOUT_MS);
    await p.goto('/public-notices');
    await p.getByRole('heading', { name: 'Công khai lấy ý kiến' }).waitFor();
    await p.getByRole('link', { name: 'Gương điển hình' }).click();
    await p.getByRole('heading', { name: 'Gương điển hình tiên tiến' }).waitFor();
    await p.getByLabel('Tìm (không cần dấu)').fill('nguyen van an');
    await p.getByLabel('Tìm (không cần dấu)').press('Enter');
    await p.waitForURL(/q=nguyen\+van\+an/);
    await anonymous.close();
  }, 180_000);

  it('the office launches a campaign, a unit head registers the unit, the office opens nominations and closes it', async () => {
    const id = 'thi-dua-man-hinh-2026';
    await stack.command(
      'thuky',
      '/api/campaigns',
      {
        id,
        name: 'Phong trào thi đua "Chuyển đổi số" năm 2026',
        kind: 'THEMATIC',
        year: 2026,
        period: { start: '2026-01-01', end: '2026-12-31' },
        submissionDeadline: '2099-12-31T17:00:00+07:00',
        criteria: 'Số hóa 100% hồ sơ thủ tục hành chính; mỗi đơn vị một mô hình mới',
        awardCodes: ['BANG_KHEN_TINH', 'TAP_THE_LDXS'],
        participants: { clusterIds: ['cum1'] },
      },
      201,
    );
    const office = await signedIn(browser, url, 'thuky');
    let page = office.page;
    await page.getByRole('link', { name: 'Đợt thi đua', exact: true }).click();
    await page.getByRole('link', { name: 'Phong trào thi đua "Chuyển đổi số" năm 2026' }).click();
    await page.getByText('Dự kiến (chưa phát động)').waitFor();
    await page.getByRole('button', { name: 'Phát động, mở đăng ký thi đua' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Phát động' }).click();
    await dialog.getByText('Cần số văn bản phát động').waitFor();
    await dialog.getByLabel('Số văn bản phát động').fill('25/KH-UBND');
    await dialog.getByLabel('Ngày văn bản').fill('15/02/2026');
    await dialog.getByLabel('Ngày văn bản').press('Enter');
    await dialog.getByRole('button', { name: 'Phát động' }).click();
    await page.getByText('Đã phát động — nhận đăng ký thi đua').waitFor();
    await page.getByText('Số 25/KH-UBND ngày 15/02/2026').waitFor();
    // The unit head's action is not the office's.
    expect(await page.getByRole('button', { name: 'Đăng ký thi đua' }).count()).toBe(0);
    await office.context.close();

    const head = await signedIn(browser, url, 'thutruong.donvi1');
    page = head.page;
    await page.goto(`/campaigns/${id}`);
    expect(await page.getByRole('button', { name: 'Mở nhận hồ sơ đề nghị' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Đăng ký thi đua' }).click();
    await page
      .getByRole('dialog')
      .getByLabel('Nội dung cam kết, chỉ tiêu thi đua')
      .fill('Số hóa toàn bộ hồ sơ lưu trữ');
    await choose(page, 'Danh hiệu phấn đấu đạt', 'Bằng khen của Chủ tịch UBND tỉnh');
    await page.getByRole('dialog').getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('cell', { name: 'Số hóa toàn bộ hồ sơ lưu trữ' }).waitFor();
    expect(await page.getByRole('button', { name: 'Đăng ký thi đua' }).count()).toBe(0);
    await head.context.close();

    const again = await signedIn(browser, url, 'thuky');
    page = again.page;
    await page.goto(`/campaigns/${id}`);
    await page.getByRole('cell', { name: 'Số hóa toàn bộ hồ sơ lưu trữ' }).waitFor();
    await page.getByRole('button', { name: 'Mở nhận hồ sơ đề nghị' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Mở nhận hồ sơ' }).click();
    await page.getByText('Nhận hồ sơ đề nghị khen thưởng', { exact: true }).waitFor();
    await shot(page, 'campaign-detail');
    await page.getByRole('button', { name: 'Kết thúc đợt thi đua' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Kết thúc đợt' }).click();
    await page.getByText('Đã kết thúc', { exact: true }).waitFor();
    await page.getByText('Không có thao tác nào của bạn ở giai đoạn này.').waitFor();
    await again.context.close();
  }, 300_000);

  it('the nominations list is searched without diacritics and sorted by the API, kept in the address', async () => {
    const id = await stack.draft({ nominee: { kind: 'individual', name: 'Trịnh Thị Ngọc Ánh' } });
    const { context, page } = await signedIn(browser, url, 'thanhtra');
    await page.getByRole('link', { name: 'Hồ sơ đề nghị', exact: true }).click();
    await page.getByLabel('Tìm (không cần dấu)').fill('trinh ngoc anh');
    await page.getByLabel('Tìm (không cần dấu)').press('Enter');
    await page.getByText('1 hồ sơ', { exact: true }).waitFor();
    await page.locator(`tbody a[href="/nominations/${id}"]`, { hasText: 'Trịnh Thị Ngọc Ánh' }).waitFor();
    await page.getByLabel('Tìm (không cần dấu)').fill('');
    await page.getByLabel('Tìm (không cần dấu)').press('Enter');
    await page.getByRole('columnheader', { name: /Người\/tập thể được đề nghị/ }).click();
    await page.waitForURL(/sort=nominee%3Aasc/);
    await page.reload();
    await page.locator('tbody tr td:first-child a').nth(1).waitFor();
    const names = await page.locator('tbody tr td:first-child a').allTextContents();
    const fold = (n: string) => n.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    expect(names.length).toBeGreaterThan(1);
    expect(names.map(fold)).toEqual(names.map(fold).sort());
    await context.close();
  }, 180_000);
});
