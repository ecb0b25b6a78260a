/**
 * The web application in a real browser (Debian's Chromium through playwright-core) against the
 * embedded stack (real API, worker, Temporal dev server; test/api/support/stack.ts) serving the
 * built app at /. As the demo users, through the screens: a year-end round (draft with a document,
 * submit, cluster review, a council session with a secret item voted by blind signature in the
 * browser, the Chairman's signature, the registry found without diacritics); each role's inbox and
 * only its actions; a refusal showing the API's message; a reload that keeps the user signed in.
 * The main screens are saved to docs/screenshots/ (shown in the README). No sleeps: every step
 * waits for a state of the UI. Without a Chromium the suite says why and skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_CAMPAIGN, VOTERS_FOR_DONVI1 } from '../api/support/stack';
import { blindBallot } from '../workflow/support/council-session';
import { choose, DESKTOP, signedIn, TABLET, WEB_DIR } from './support/browser';
import { describeWithBrowser, shot, webSuite } from './support/suite';

describeWithBrowser('The web application, in Chromium, as the demo users', () => {
  const web = webSuite();

  it('serves the app at / and on its page paths, never over the API, health or docs routes', async () => {
    expect(existsSync(join(WEB_DIR, 'index.html'))).toBe(true);
    const index = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    for (const path of ['/', '/nominations', '/registry?q=an', '/sessions/abc'])
      expect((await web.stack.http.get(path).set('Accept', 'text/html')).text).toBe(index);
    expect((await web.stack.http.get('/api/nominations').set('Accept', 'text/html')).status).toBe(401);
    const unknownApi = await web.stack.http.get('/api/no-such-route').set('Accept', 'text/html');
    expect([unknownApi.status, unknownApi.type]).toEqual([404, 'application/json']);
    expect((await web.stack.http.get('/health/live')).type).toBe('application/json');
    expect((await web.stack.http.get('/api/docs-json')).status).toBe(200);
    expect((await web.stack.http.get('/assets/missing.js')).status).toBe(404);
  });

  it('a year-end round through the screens: draft, submit, cluster review, council session with a secret item, signature, registry', async () => {
    // The unit officer drafts with a document.
    const officer = await signedIn(web.browser, web.url, 'canbo.donvi1');
    let page = officer.page;
    await page.getByRole('link', { name: 'Hồ sơ đề nghị' }).click();
    await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await choose(page, 'Đợt thi đua', 'Đợt thi đua dùng cho kiểm thử');
    await choose(page, 'Hình thức khen thưởng', 'Bằng khen của Chủ tịch UBND tỉnh');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Ánh Tuyết');
    await page.getByLabel('Chức vụ, nghề nghiệp').fill('Giáo viên');
    await page
      .getByLabel('Tóm tắt thành tích')
      .fill('Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến được công nhận cấp tỉnh');
    await page.getByRole('combobox', { name: 'Tài liệu kèm theo' }).fill('bao-cao-thanh-tich.pdf');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.getByRole('heading', { name: /Nguyễn Thị Ánh Tuyết/ }).waitFor();
    const nominationId = page.url().split('/').pop()!;
    await page.getByText('bao-cao-thanh-tich.pdf').waitFor();
    await expectActions(page, ['Sửa hồ sơ']);
    await officer.context.close();

    // The unit head: the inbox shows it with one click to "Trình hồ sơ".
    const head = await signedIn(web.browser, web.url, 'thutruong.donvi1');
    page = head.page;
    await inboxRow(page, 'Nguyễn Thị Ánh Tuyết').getByRole('link', { name: 'Trình hồ sơ' }).click();
    await confirmAction(page, 'Trình hồ sơ');
    await page.getByText('Cụm thi đua đang xét').first().waitFor();
    await head.context.close();

    // The cluster leader endorses.
    const leader = await signedIn(web.browser, web.url, 'truongcum.cum1');
    page = leader.page;
    await inboxRow(page, 'Nguyễn Thị Ánh Tuyết').getByRole('link', { name: 'Xét ở cụm thi đua' }).click();
    await page.getByRole('dialog').getByLabel('Đồng ý đề nghị').check();
    await confirmAction(page, 'Xét ở cụm thi đua');
    await page.getByText('Văn phòng đang thẩm định hồ sơ').first().waitFor();
    await leader.context.close();

    // The office checks the dossier (thẩm định) from its inbox: complete, on to the council.
    const office = await signedIn(web.browser, web.url, 'thuky');
    page = office.page;
    await inboxRow(page, 'Nguyễn Thị Ánh Tuyết').getByRole('link', { name: 'Thẩm định hồ sơ' }).click();
    await page.getByRole('dialog').getByLabel('Hồ sơ đầy đủ').check();
    await confirmAction(page, 'Thẩm định hồ sơ');
    await page.getByText('Hội đồng đang xét').first().waitFor();
    await office.context.close();

    // A secret-ballot nomination (Công dân Đồng Khởi) for the same session, prepared through the API.
    const secretId = await web.stack.draft({
      awardCode: 'CONG_DAN_DONG_KHOI',
      campaignId: TEST_CAMPAIGN,
      nominee: { kind: 'individual', name: 'Trần Văn Đồng' },
    });
    await web.stack.command('thutruong.donvi1', `/api/nominations/${secretId}/submit`);
    await web.stack.officeCheck(secretId);

    // The secretary convenes the session with both, from the inbox ("Đưa vào phiên họp").
    const secretary = await signedIn(web.browser, web.url, 'thuky');
    page = secretary.page;
    await inboxRow(page, 'Nguyễn Thị Ánh Tuyết').getByRole('link', { name: 'Đưa vào phiên họp' }).click();
    await choose(page, 'Hồ sơ đưa vào chương trình (đang chờ hội đồng xét)', 'Trần Văn Đồng');
    await page.getByRole('button', { name: 'Triệu tập', exact: true }).click();
    // The toast shows before the app navigates to the new session: wait for its address, not the toast.
    await page.waitForURL((u) => /^\/sessions\/[^/]+$/.test(u.pathname));
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    const base = `/api/council-sessions/${sessionId}`;

    // Members check in (one through the screen, the others through the API), the secretary opens.
    const member = await signedIn(web.browser, web.url, 'hoidong2', TABLET);
    const mp = member.page;
    await mp.goto(`/sessions/${sessionId}`);
    await mp.getByRole('heading', { name: /Phiên họp Hội đồng/ }).waitFor();
    await mp.getByRole('button', { name: 'Điểm danh có mặt' }).click();
    await mp.getByText('Anh/chị đã điểm danh').waitFor();
    const others = VOTERS_FOR_DONVI1.filter((m) => m !== 'hoidong2');
    for (const m of others) await web.stack.command(m, `${base}/check-in`);
    await page.reload();
    await page.getByRole('button', { name: 'Khai mạc phiên họp' }).click();
    await page.getByText('Đang họp').first().waitFor();

    // The member's one ballot sheet: the open-ballot item, then the secret item by blind signature in the browser.
    await mp.reload();
    const openItem = mp.locator('.ant-form-item', { hasText: 'Nguyễn Thị Ánh Tuyết' });
    await openItem.getByText('Đồng ý', { exact: true }).click();
    await shot(mp, 'council-ballot-tablet');
    await mp.getByRole('button', { name: /Gửi phiếu/ }).click();
    await mp.getByText('Anh/chị đã gửi phiếu biểu quyết công khai.').waitFor();
    const secretCard = mp.locator('.ant-card-type-inner', { hasText: 'Bỏ phiếu kín: ' });
    await secretCard.getByText('Đồng ý', { exact: true }).click();
    await secretCard.getByRole('button', { name: 'Bỏ phiếu kín' }).click();
    const receipt = await mp.getByTestId('receipt').textContent();
    expect(receipt).toMatch(/^[0-9a-f]{64}/);

    // The other members vote through the API (open ballot, and secret by blind signature).
    const key = (await (await web.stack.as('hoidong3')).get(`${base}/secret-items/${secretId}/key`)).body.publicKey;
    for (const m of others) {
      await web.stack.command(m, `${base}/ballots`, { choices: [{ nominationId, choice: 'approve' }] }, 201);
      const c = await blindBallot(key);
      const out = await web.stack.command(
        m,
        `${base}/secret-items/${secretId}/blind-signature`,
        { blindedMessage: c.blindedMessage },
        201,
      );
      const cast = await web.stack.http
        .post(`${base}/secret-items/${secretId}/ballots`)
        .send({ token: c.token, signature: await c.unblind(out.blindSignature), choice: 'approve' });
      expect(cast.status).toBe(201);
    }

    // The secretary closes; the results and the minutes PDF.
    await page.reload();
    await page.getByRole('button', { name: 'Bế mạc và kiểm phiếu' }).click();
    await page.getByRole('button', { name: 'Bế mạc', exact: true }).click();
    await page.getByTestId(`result-${nominationId}`).waitFor();
    await expect(page.getByTestId(`result-${secretId}`).textContent()).resolves.toContain('Được thông qua');
    await expect(page.getByTestId(`result-${nominationId}`).textContent()).resolves.toContain('Được thông qua');
    await shot(page, 'council-results');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải biên bản (PDF)' }).click();
    const pdf = await (await download).path();
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // After the close anyone can find the member's secret ballot by its receipt.
    const published = await web.stack.http.get(`${base}/secret-items/${secretId}/ballots`);
    expect(JSON.stringify(published.body)).toContain(receipt!.slice(0, 64));
    await member.context.close();
    await secretary.context.close();

    // The Chairman signs from his inbox.
    const chairman = await signedIn(web.browser, web.url, 'chutich');
    page = chairman.page;
    await inboxRow(page, 'Nguyễn Thị Ánh Tuyết').getByRole('link', { name: 'Ký quyết định' }).click();
    await confirmAction(page, 'Ký quyết định');
    await page.getByText(/Quyết định số \d+\/QĐ-UBND/).waitFor();
    await page.getByTestId('timeline-entry').first().waitFor();
    await shot(page, 'nomination-detail');
    await chairman.context.close();

    // The public registry, without signing in, found without diacritics.
    const pub = await web.browser.newContext({ baseURL: web.url, viewport: DESKTOP });
    page = await pub.newPage();
    await page.goto('/registry');
    await page.getByLabel('Tên người/tập thể, hình thức, đơn vị hoặc số quyết định').fill('nguyen thi anh tuyet');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: 'Nguyễn Thị Ánh Tuyết' }).waitFor();
    await shot(page, 'registry');
    await pub.close();
  }, 600_000);

  it('each role sees its own inbox, and on a nomination only the actions it may take', async () => {
    const draft = await web.stack.draft({ nominee: { kind: 'individual', name: 'Lê Thị Hồng Nhung' } });
    const review = await web.stack.draft({ nominee: { kind: 'individual', name: 'Phạm Quốc Bảo' } });
    await web.stack.command('thutruong.donvi1', `/api/nominations/${review}/submit`);

    // [user, what their inbox shows (nominee → the one-click action), the buttons on the draft's page]
    const cases: [string, [string, string | undefined], string[] | 'not found'][] = [
      ['thutruong.donvi1', ['Lê Thị Hồng Nhung', 'Trình hồ sơ'], ['Trình hồ sơ', 'Rút hồ sơ']],
      ['truongcum.cum1', ['Phạm Quốc Bảo', 'Xét ở cụm thi đua'], []],
      ['thuky', ['Phạm Quốc Bảo', undefined], ['Tạm dừng xét']],
      ['canbo.donvi3', ['Lê Thị Hồng Nhung', undefined], 'not found'],
    ];
    for (const [user, [nominee, action], buttons] of cases) {
      const { context, page } = await signedIn(web.browser, web.url, user, user === 'thuky' ? TABLET : DESKTOP);
      await page.getByRole('heading', { name: 'Việc cần xử lý' }).waitFor();
      await page.waitForFunction("!document.querySelector('.ant-spin-spinning')");
      if (action) await inboxRow(page, nominee).getByRole('link', { name: action }).waitFor();
      else expect(await page.getByRole('row', { name: new RegExp(nominee) }).count()).toBe(0);
      if (user === 'truongcum.cum1') await shot(page, 'inbox');
      await page.goto(`/nominations/${draft}`);
      if (buttons === 'not found') await page.getByText('Không tìm thấy hồ sơ').first().waitFor();
      else {
        await page.getByRole('heading', { name: /Lê Thị Hồng Nhung/ }).waitFor();
        await expectActions(page, buttons);
      }
      await context.close();
    }
  }, 300_000);

  it('a refused action shows the API’s own Vietnamese message', async () => {
    const { context, page } = await signedIn(web.browser, web.url, 'canbo.donvi1');
    await page.goto('/nominations/new');
    await choose(page, 'Đợt thi đua', 'Đợt thi đua dùng cho kiểm thử');
    await choose(page, 'Hình thức khen thưởng', 'Chiến sĩ thi đua cấp tỉnh');
    await page.getByLabel('Họ và tên').fill('Võ Thị Sáu');
    await page.getByLabel('Tóm tắt thành tích').fill('Một năm hoàn thành tốt nhiệm vụ');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    const shown = await page.getByRole('alert').first().textContent();
    // The same request straight to the API: the screen shows its message.
    const direct = await (
      await web.stack.as('canbo.donvi1')
    ).post('/api/nominations', {
      campaignId: TEST_CAMPAIGN,
      awardCode: 'CSTD_TINH',
      nominee: { kind: 'individual', name: 'Võ Thị Sáu' },
      achievements: 'Một năm hoàn thành tốt nhiệm vụ',
      documents: [],
    });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    expect(shown).toContain(direct.body.message);
    await shot(page, 'refusal');
    await context.close();
  }, 180_000);

  it('keyboard only, at tablet width: sign in, and a reload keeps the person signed in', async () => {
    const context = await web.browser.newContext({ baseURL: web.url, viewport: TABLET });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await shot(page, 'sign-in');
    await page.keyboard.type('thanhtra'); // the username field has the focus
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo123');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').getByText('Thanh tra tỉnh').waitFor();
    const before = await page.evaluate(() => sessionStorage.getItem('tdkt.refreshToken'));
    await page.reload();
    await page.getByTestId('current-user').getByText('Thanh tra tỉnh').waitFor();
    const after = await page.evaluate(() => sessionStorage.getItem('tdkt.refreshToken'));
    expect(after).toBeTruthy();
    expect(after).not.toBe(before); // rotated by the refresh that restored the session
    await page.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
    await page.getByText('Ai đã xem dữ liệu cá nhân').waitFor();
    await page.goto('/nominations');
    await page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'nominations-tablet');
    await context.close();
  }, 180_000);
});

/** The inbox row of a nomination, once the inbox has loaded. */
function inboxRow(page: Page, nominee: string) {
  return page.getByRole('row', { name: new RegExp(nominee) });
}

/** Submits the open action form and waits for it to close; if it stays open, the failure quotes what it shows. */
async function confirmAction(page: Page, label: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'detached' }).catch(async (error: Error) => {
    const shown = await dialog.innerText({ timeout: 1_000 }).catch(() => '(unreadable)');
    throw new Error(`The form "${label}" stayed open, showing: ${shown}\n${error.message}`);
  });
}

/** The action buttons on a nomination's page are exactly these. */
async function expectActions(page: Page, labels: string[]): Promise<void> {
  const group = page.getByRole('group', { name: 'Thao tác với hồ sơ' });
  if (labels.length === 0) {
    await page.getByText('Anh/chị không có thao tác nào với hồ sơ này lúc này.').waitFor();
    return;
  }
  await group.waitFor();
  expect(await group.getByRole('button').allTextContents()).toEqual(labels);
}
