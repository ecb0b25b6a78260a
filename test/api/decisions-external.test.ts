/**
 * A one-recipient signature (`POST /api/nominations/:id/signature`) where the People's Committee's
 * document office numbers the decisions (`external`), over HTTP on the whole embedded system: it is
 * a decision of one recipient, numbered as the decision path numbers — the office's number with the
 * signature (a used one: 409, nothing written) or registered later (`POST /api/decisions/:id/number`),
 * the nomination AWARDED only once numbered. This system's register is never touched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { decisionNumberStreamName, awardDecisionStreamName } from '@tdkt/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(300_000);

const REPO = join(__dirname, '..', '..');
let stack: Stack;
let configDir: string;
beforeAll(async () => {
  const catalog = JSON.parse(readFileSync(join(REPO, 'config', 'award-catalog.json'), 'utf8'));
  catalog.decisions.authorities.UBND.numbering = 'external';
  configDir = mkdtempSync(join(tmpdir(), 'tdkt-external-'));
  const file = join(configDir, 'award-catalog.json');
  writeFileSync(file, JSON.stringify(catalog));
  stack = await startStack({ env: { TDKT_AWARD_CATALOG: file } });
});
afterAll(async () => {
  await stack?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

const person = (name: string) => ({ nominee: { kind: 'individual', name, position: 'Giáo viên' } });
const year = () => new Date(Date.now() + 7 * 3_600_000).getUTCFullYear(); // the signing year, Vietnam time
const register = async () => (await stack.system.store.readStream(decisionNumberStreamName('UBND', year()))).length;
const nomination = async (id: string) => (await (await stack.as('thuky')).get(`/api/nominations/${id}`)).body;

test('signed with the office’s number: a decision of one recipient, AWARDED under that number; the register untouched', async () => {
  const name = 'Huỳnh Thị Mai';
  const n = await stack.toAwaitingSignature(person(name));
  const registerBefore = await register();

  // Not the Chairman, a malformed number: refused, nothing written.
  const head = await stack.head();
  expect((await (await stack.as('thuky')).post(`/api/nominations/${n}/signature`, { decision: 'sign' })).status).toBe(
    403,
  );
  const malformed = await (
    await stack.as('chutich')
  ).post(`/api/nominations/${n}/signature`, { decision: 'sign', number: '12/QĐ-BNV' });
  expect(malformed.status).toBe(400);
  expect(malformed.body).toMatchObject({ code: 'DECISION_NUMBER', errors: [{ field: 'number' }] });
  expect(await stack.head()).toBe(head);

  const signed = await stack.command('chutich', `/api/nominations/${n}/signature`, {
    decision: 'sign',
    number: '101/QĐ-UBND',
  });
  expect(signed).toMatchObject({ id: n, status: 'AWARDED', decisionNumber: '101/QĐ-UBND' });
  expect(signed.decisionId).toEqual(expect.any(String));
  expect(await register()).toBe(registerBefore);

  const view = (await stack.http.get(`/api/decisions/${signed.decisionId}`)).body;
  expect(view).toMatchObject({
    kind: 'AWARD',
    numbering: 'external',
    status: 'APPLIED',
    decisionNumber: '101/QĐ-UBND',
    year: year(),
    recipients: 1,
  });
  expect(view.recipientList[0]).toMatchObject({ nominationId: n, nomineeName: name });
  const registry = (await stack.http.get(`/api/registry/${encodeURIComponent('101/QĐ-UBND')}?year=${year()}`)).body;
  expect(registry).toMatchObject({ decisionId: signed.decisionId, decisionNumber: '101/QĐ-UBND' });
  expect(registry.awards.map((a: any) => a.nominationId)).toEqual([n]);

  // The same number for another nomination: 409, which number and year; nothing written, it still waits.
  const other = await stack.toAwaitingSignature(person('Lý Văn Bình'));
  const before = await stack.head();
  const taken = await (
    await stack.as('chutich')
  ).post(`/api/nominations/${other}/signature`, { decision: 'sign', number: '101/QĐ-UBND' });
  expect(taken.status).toBe(409);
  expect(taken.body).toMatchObject({ code: 'DECISION_NUMBER_TAKEN', errors: [{ field: 'number' }] });
  expect(taken.body.message).toContain('101/QĐ-UBND');
  expect(await stack.head()).toBe(before);
  expect((await nomination(other)).status).toBe('AWAITING_SIGNATURE');
});

test('signed without a number: the nomination waits until the office registers one, then is AWARDED under it', async () => {
  const n = await stack.toAwaitingSignature(person('Tạ Minh Châu'));
  const registerBefore = await register();
  const signed = await stack.command('chutich', `/api/nominations/${n}/signature`, { decision: 'sign' });
  expect(signed).toMatchObject({ id: n, status: 'AWAITING_SIGNATURE' });
  expect(signed.decisionNumber).toBeUndefined();
  const decisionId = signed.decisionId as string;
  expect((await (await stack.as('thuky')).get(`/api/decisions/${decisionId}`)).body).toMatchObject({
    status: 'SIGNED',
    numbering: 'external',
    decisionNumber: null,
  });
  // Signed once: the Chairman signing it again is refused (it is on its decision, waiting for the office).
  const again = await (await stack.as('chutich')).post(`/api/nominations/${n}/signature`, { decision: 'sign' });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('ON_ANOTHER_DECISION');

  // The office registers it: a used number is refused, its own is taken.
  const first = await stack.toAwaitingSignature(person('Đoàn Văn Lợi'));
  await stack.command('chutich', `/api/nominations/${first}/signature`, { decision: 'sign', number: '102/QĐ-UBND' });
  const used = await (await stack.as('thuky')).post(`/api/decisions/${decisionId}/number`, { number: '102/QĐ-UBND' });
  expect(used.status).toBe(409);
  expect(used.body.code).toBe('DECISION_NUMBER_TAKEN');
  const numbered = await stack.command('thuky', `/api/decisions/${decisionId}/number`, { number: '103/QĐ-UBND' });
  expect(numbered).toMatchObject({ status: 'ISSUED', decisionNumber: '103/QĐ-UBND', year: year() });

  // Applied by the decision's workflow once numbered.
  let view: any;
  for (let i = 0; i < 150; i++) {
    view = (await stack.http.get(`/api/decisions/${decisionId}`)).body;
    if (view.status === 'APPLIED') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(view).toMatchObject({ status: 'APPLIED', decisionNumber: '103/QĐ-UBND' });
  expect(await nomination(n)).toMatchObject({ status: 'AWARDED', decisionNumber: '103/QĐ-UBND' });
  const events = await stack.system.store.readStream(awardDecisionStreamName(decisionId));
  expect(events.map((e) => e.type)).toEqual([
    'AwardDecisionDrafted',
    'DecisionSigned',
    'DecisionNumberRegistered',
    'DecisionApplied',
  ]);
  const signatures = (await stack.stream(n)).filter((e) => e.type === 'AwardDecisionSigned');
  expect(signatures).toHaveLength(1);
  expect(signatures[0].data).toMatchObject({ decisionId, decisionNumber: '103/QĐ-UBND', amountVnd: 2_340_000 });
  expect(await register()).toBe(registerBefore);
});
