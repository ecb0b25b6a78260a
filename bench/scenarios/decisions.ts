/**
 * Scenario: one award decision of 1,000 recipients (--quick 100). Timed: folding its events
 * (draft, signature) with the domain's own evolve, rendering the signed decision as a PDF (Decree
 * 30/2020 layout and its 1,000-row appendix) and rendering it again (the bytes must be identical),
 * and one recipient's certificate with its QR code. Baseline: pdfmake rendering the same appendix
 * rows as a bare table (no header, articles or signature block) — what the layout itself costs.
 * Not measured here: applying the decision to 1,000 running nomination workflows (the workflow
 * tests apply 50, also with a worker killed midway).
 */
import {
  awardDecisionDecider,
  type AwardDecisionEvent,
  type DecisionRecipient,
  type ExistingDecision,
} from '@tdkt/domain';
import { certificateDocument } from '../../apps/api/src/decisions/certificate';
import { decisionDocument } from '../../apps/api/src/decisions/decision-document';
import { renderPdf, sha256 } from '../../apps/api/src/decisions/pdf-kit';
import { row } from '../lib/report';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median, now } from '../lib/stats';

const by = { userId: 'thuky', role: 'COUNCIL_SECRETARY' as const };
const chairman = { userId: 'chutich', role: 'CHAIRMAN' as const };

function events(n: number): AwardDecisionEvent[] {
  const recipients: DecisionRecipient[] = Array.from({ length: n }, (_, i) => ({
    nominationId: `n-${i}`,
    nomineeName: `Nguyễn Thị Hồng Nhung ${i + 1}`,
    nomineeKind: 'individual',
    position: 'Giáo viên',
    unitId: 'donvi1',
    unitName: 'Sở Giáo dục và Đào tạo',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học; sáng kiến được công nhận cấp tỉnh',
    awardCode: 'BANG_KHEN_TINH',
    awardName: 'Bằng khen của Chủ tịch UBND tỉnh',
    cashMultiple: 1,
    amount: 2_340_000,
    verificationCode: `code-${i}-aaaaaaaaaaaaaa`,
  }));
  return [
    {
      type: 'AwardDecisionDrafted',
      data: {
        decisionId: 'bench',
        by,
        at: '2026-12-20T03:00:00.000Z',
        kind: 'AWARD',
        authority: 'UBND',
        authorityName: 'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
        place: 'Bến Tre',
        numbering: 'register',
        title: 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
        bases: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
        awardCodes: ['BANG_KHEN_TINH'],
        recipients,
        baseSalary: {
          amount: 2_340_000,
          currency: 'VND',
          effectiveFrom: '2024-07-01',
          source: 'Nghị định 73/2024/NĐ-CP',
        },
      },
    },
    {
      type: 'DecisionSigned',
      data: {
        decisionId: 'bench',
        by: chairman,
        at: '2026-12-28T03:00:00.000Z',
        signer: { by: chairman, name: 'Chủ tịch UBND tỉnh', title: 'CHỦ TỊCH' },
        year: 2026,
        decisionNumber: '1/QĐ-UBND',
        sequence: 1,
      },
    },
  ];
}

async function once(n: number) {
  const t0 = now();
  const state = events(n).reduce(awardDecisionDecider.evolve, awardDecisionDecider.initialState()) as ExistingDecision;
  const t1 = now();
  const pdf = await renderPdf(decisionDocument(state));
  const t2 = now();
  const again = await renderPdf(decisionDocument(state));
  const t3 = now();
  await renderPdf(certificateDocument(state, state.recipients[0], 'https://tdkt.example/verify/code'));
  const t4 = now();
  await renderPdf({
    pageSize: 'A4',
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      {
        table: {
          widths: [24, 90, 60, 80, '*', 62],
          body: state.recipients.map((r, i) => [
            String(i + 1),
            r.nomineeName,
            r.position ?? '',
            r.unitName,
            r.achievements,
            String(r.amount),
          ]),
        },
      },
    ],
  });
  const t5 = now();
  return {
    foldMs: t1 - t0,
    renderMs: t2 - t1,
    identical: sha256(pdf) === sha256(again),
    rerenderMs: t3 - t2,
    certificateMs: t4 - t3,
    bareTableMs: t5 - t4,
    bytes: pdf.length,
  };
}

export const decisionsScenario: Scenario = {
  id: 'decisions',
  title: 'Award decision of many recipients: fold, decision PDF (twice, identical), certificate',
  async run(ctx: ScenarioContext): Promise<ScenarioResult> {
    const n = Number(ctx.options['decision-recipients'] ?? (ctx.quick ? 100 : 1000));
    const reps = ctx.quick ? 1 : 3;
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < reps; i++) runs.push(await once(n));
    if (!runs.every((r) => r.identical)) throw new Error('the same decision rendered different bytes');
    ctx.log(`  ${n} recipients: PDF ${Math.round(median(runs.map((r) => r.bytes)) / 1024)} KiB, identical twice`);
    const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => Number(r[k])));
    return {
      rows: [
        row({ scenario: 'decisions', metric: `fold ${n} recipients`, unit: 'ms', ours: m('foldMs'), reps }),
        row({
          scenario: 'decisions',
          metric: `decision PDF, ${n} recipients`,
          unit: 'ms',
          ours: m('renderMs'),
          baseline: m('bareTableMs'),
          baselineName: 'pdfmake, bare table of the same rows',
          reps,
        }),
        row({ scenario: 'decisions', metric: 'certificate PDF with QR', unit: 'ms', ours: m('certificateMs'), reps }),
      ],
      details: { recipients: n, runs },
    };
  },
};
