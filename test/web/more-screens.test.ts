/**
 * The screens added after the first round, in Chromium against the embedded stack: a document uploaded
 * on a nomination, the decisions list and draft form, the Chairman's signing desk, the award-history
 * import (the template downloaded, then checked in a dry run), statistics with its charts, a campaign
 * run through its stages with a unit's registration, the nominations searched without diacritics and
 * sorted by the API, the public notices and exemplary models without signing in, a unit's sub-units
 * (listed, one registered, read by the cluster leader) and a council session's agenda (an item taken
 * off before the opening, one withdrawn at the opening). The statistics dashboard, the campaign, the
 * sub-units and the withdrawn items are saved to docs/screenshots/. Without a Chromium the suite says
 * why and skips.
 */
import { readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '@tdkt/domain';
import { recordNomineeRevocation } from '../../libs/temporal/src/activities/records';
import { TEST_CAMPAIGN, VOTERS_FOR_DONVI1 } from '../api/support/stack';
import { buttonNamed, choose, signedIn, STEP_TIMEOUT_MS } from './support/browser';
import { describeWithBrowser, shot, webSuite } from './support/suite';

describeWithBrowser('More screens of the web application, in Chromium', () => {
  const web = webSuite();

  it('the unit officer uploads a document to a draft, by type, and sees it listed', async () => {
    const id = await web.stack.draft({
      campaignId: TEST_CAMPAIGN,
      nominee: { kind: 'individual', name: 'Lê Thị Hồng' },
    });
    const { context, page } = await signedIn(web.browser, web.url, 'canbo.donvi1');
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
    for (const n of ['Đặng Thu Hà', 'Võ Minh Tâm', 'Huỳnh Văn Lợi']) await web.stack.toAwaitingSignature(person(n));

    const office = await signedIn(web.browser, web.url, 'thuky');
    let page = office.page;
    await page.getByRole('link', { name: 'Quyết định khen thưởng' }).click();
    await page.getByRole('link', { name: 'Lập dự thảo quyết định' }).click();
    await buttonNamed(page, 'Lập dự thảo').click();
    await page.getByText('Cần ít nhất một hồ sơ').waitFor();
    for (const n of ['Đặng Thu Hà', 'Võ Minh Tâm', 'Huỳnh Văn Lợi'])
      await page
        .getByRole('row', { name: new RegExp(n) })
        .getByRole('checkbox')
        .check();
    await buttonNamed(page, 'Lập dự thảo').click();
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

    const chairman = await signedIn(web.browser, web.url, 'chutich');
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
    const { context, page } = await signedIn(web.browser, web.url, 'thuky');
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
    await web.stack.toAwarded({ nominee: { ...nominee, directWorker: true } });
    const { context, page } = await signedIn(web.browser, web.url, 'thuky');
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
    await shot(page, 'statistics-dashboard', { fullPage: true });
    await page.getByRole('link', { name: 'Đợt thi đua', exact: true }).click();
    await page.getByRole('cell', { name: 'Đợt thi đua dùng cho kiểm thử' }).waitFor();
    await context.close();

    const anonymous = await web.browser.newContext({ baseURL: web.url });
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
    await web.stack.command(
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
    const office = await signedIn(web.browser, web.url, 'thuky');
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

    const head = await signedIn(web.browser, web.url, 'thutruong.donvi1');
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

    const again = await signedIn(web.browser, web.url, 'thuky');
    page = again.page;
    await page.goto(`/campaigns/${id}`);
    await page.getByRole('cell', { name: 'Số hóa toàn bộ hồ sơ lưu trữ' }).waitFor();
    await page.getByRole('button', { name: 'Mở nhận hồ sơ đề nghị' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Mở nhận hồ sơ' }).click();
    await page.getByText('Nhận hồ sơ đề nghị khen thưởng', { exact: true }).waitFor();
    await shot(page, 'campaign-detail', { fullPage: true });
    await page.getByRole('button', { name: 'Kết thúc đợt thi đua' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Kết thúc đợt' }).click();
    await page.getByText('Đã kết thúc', { exact: true }).waitFor();
    await page.getByText('Không có thao tác nào của bạn ở giai đoạn này.').waitFor();
    await again.context.close();
  }, 300_000);

  it('the nominations list is searched without diacritics and sorted by the API, kept in the address', async () => {
    const id = await web.stack.draft({ nominee: { kind: 'individual', name: 'Trịnh Thị Ngọc Ánh' } });
    const { context, page } = await signedIn(web.browser, web.url, 'thanhtra');
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

  it('a unit head lists the unit’s sub-units and registers one (a name already taken refused with the API’s message); a cluster leader picks a unit of the cluster', async () => {
    const head = await signedIn(web.browser, web.url, 'thutruong.donvi1');
    let page = head.page;
    await page.getByRole('link', { name: 'Bộ phận trực thuộc', exact: true }).click();
    await page.getByRole('link', { name: 'Phòng Giáo dục Trung học' }).waitFor();
    expect(await page.getByLabel('Đơn vị', { exact: true }).count()).toBe(0); // only their own unit to read
    await page.getByRole('button', { name: 'Khai báo bộ phận' }).click();
    const dialog = page.getByRole('dialog');
    const register = buttonNamed(dialog, 'Khai báo');
    await register.click();
    await dialog.getByText('Cần tên bộ phận (phòng, tổ, khoa…)').waitFor();
    await dialog.getByLabel('Tên bộ phận').fill('Phòng Giáo dục Trung học');
    await choose(page, 'Loại bộ phận', 'Tổ');
    await register.click();
    await dialog.getByText('Đơn vị đã có bộ phận "Phòng Giáo dục Trung học"').first().waitFor();
    await dialog.getByLabel('Tên bộ phận').fill('Tổ Ngữ văn Trường THPT chuyên Bến Tre');
    await register.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Tổ Ngữ văn Trường THPT chuyên Bến Tre' }).click();
    await page.getByRole('heading', { name: 'Tổ Ngữ văn Trường THPT chuyên Bến Tre' }).waitFor();
    await page.getByText('Đơn vị đã có bộ phận').waitFor({ state: 'detached' });
    await page.getByText('Chưa có khen thưởng').waitFor();
    await head.context.close();

    const leader = await signedIn(web.browser, web.url, 'truongcum.cum1');
    page = leader.page;
    await page.goto('/sub-units');
    await choose(page, 'Đơn vị', 'Sở Y tế');
    await page.getByRole('link', { name: 'Khoa Hồi sức cấp cứu Bệnh viện Nguyễn Đình Chiểu' }).waitFor();
    expect(await page.getByRole('button', { name: 'Khai báo bộ phận' }).count()).toBe(0); // reads, does not register
    await shot(page, 'sub-units', { fullPage: true });
    await leader.context.close();
  }, 180_000);

  it('the secretary takes an item off a scheduled session; one no longer eligible at the opening is listed as withdrawn, with why', async () => {
    const kept = await web.stack.toCouncilVoting({ nominee: { kind: 'individual', name: 'Đoàn Văn Khải' } });
    const removed = await web.stack.toCouncilVoting({ nominee: { kind: 'individual', name: 'Lâm Thị Mỹ' } });
    const fighter = await fighterAtCouncil('Cao Thị Xuyến');
    const { id } = await web.stack.command(
      'thuky',
      '/api/council-sessions',
      {
        title: 'Phiên họp có hồ sơ rút khỏi chương trình',
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        nominationIds: [kept, removed, fighter.id],
      },
      201,
    );
    const { context, page } = await signedIn(web.browser, web.url, 'thuky');
    await page.goto(`/sessions/${id}`);
    await page.getByRole('button', { name: 'Rút Lâm Thị Mỹ khỏi chương trình' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Rút khỏi chương trình' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Lâm Thị Mỹ' }).waitFor({ state: 'detached' });
    // Back to awaiting a session: still before the council.
    expect((await (await web.stack.as('thuky')).get(`/api/nominations/${removed}`)).body.status).toBe('COUNCIL_VOTING');

    // The fighter's history changes after the item was put on: the opening withdraws it and says why.
    await recordNomineeRevocation(web.stack.system.store, {
      nomineeId: fighter.personId,
      nominationId: fighter.records[1],
      ground: 'CRITERIA_NOT_MET',
      now: new Date().toISOString(),
      actor: SYSTEM_ACTOR,
      causationId: `web-test-revoke-${fighter.records[1]}`,
    });
    for (const m of VOTERS_FOR_DONVI1) await web.stack.command(m, `/api/council-sessions/${id}/check-in`);
    await page.reload();
    await page.getByRole('button', { name: 'Khai mạc phiên họp' }).click();
    const why = page.getByTestId(`withdrawn-${fighter.id}`);
    await why.waitFor();
    expect(await why.textContent()).toContain('mới có 1 năm liên tục');
    expect(await page.getByRole('button', { name: /khỏi chương trình$/ }).count()).toBe(0); // open: the agenda is fixed
    await shot(page, 'council-withdrawn', { fullPage: true });
    await context.close();
  }, 300_000);

  /** A person of donvi1 with CSTĐ cơ sở in each of the three years before, nominated for CSTĐ cấp tỉnh, at the council. */
  async function fighterAtCouncil(fullName: string): Promise<{ id: string; personId: string; records: string[] }> {
    const year = new Date().getUTCFullYear();
    const personId = (await web.stack.command('canbo.donvi1', '/api/people', { fullName, position: 'Giáo viên' }, 201))
      .id;
    const records: string[] = [];
    for (const y of [year - 3, year - 2, year - 1])
      records.push(
        (
          await web.stack.command(
            'thutruong.donvi1',
            `/api/people/${personId}/awards`,
            {
              awardCode: 'CSTD_CO_SO',
              year: y,
              decisionNumber: `${y - 2000}/QĐ-SGDĐT`,
              decisionDate: `${y}-12-20`,
              authority: 'Giám đốc Sở Giáo dục và Đào tạo',
            },
            201,
          )
        ).recordId,
      );
    const id = await web.stack.toCouncilVoting({
      awardCode: 'CSTD_TINH',
      nominee: { kind: 'individual', personId },
      achievements: 'Sáng kiến được áp dụng trong toàn tỉnh',
    });
    return { id, personId, records };
  }
});
